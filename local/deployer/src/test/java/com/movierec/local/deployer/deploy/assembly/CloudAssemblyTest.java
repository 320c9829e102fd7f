package com.movierec.local.deployer.deploy.assembly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.movierec.local.deployer.deploy.template.Template;
import com.movierec.local.deployer.testing.SynthesizedDev;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading the cloud assembly the infra app synthesizes: stages, stacks in deploy order, their assets. */
class CloudAssemblyTest {
    private final CloudAssembly assembly = SynthesizedDev.base();

    @Test
    void theDevStageHoldsItsStacksInDependencyOrder() {
        StageAssembly dev = assembly.stage("dev");

        assertThat(assembly.stageNames()).containsExactly("dev");
        assertThat(dev.stacks()).extracting(StackArtifact::stackName)
                .containsExactly("movierec-dev-data", "movierec-dev-personalize", "movierec-dev-api",
                        "movierec-dev-batch", "movierec-dev-retraining");
        assertThat(dev.stack("Personalize").region()).hasValue("eu-west-1");
        assertThat(dev.stack("Personalize").account()).as("environment-agnostic account, as bin/run synthesizes")
                .isEmpty();
        assertThat(dev.stack("Api").dependencies()).containsExactly(dev.stack("Personalize").artifactId());
    }

    @Test
    void theBucketDeploymentsSourceIsFoundThroughTheAssetManifest() {
        StackArtifact data = assembly.stage("dev").stack("Data");
        String objectKey = Template.read(data.templateFile()).resources().values().stream()
                .filter(r -> r.type().equals("Custom::CDKBucketDeployment")).findFirst().orElseThrow()
                .properties().path("SourceObjectKeys").get(0).asText();

        AssetCatalog.Asset asset = data.assets().byObjectKey(objectKey).orElseThrow();

        assertThat(asset.isDirectory()).isTrue();
        assertThat(asset.source().resolve("interactions.csv")).isRegularFile();
    }

    @Test
    void aMissingStageOrAssemblySaysWhatToDo(@TempDir Path empty) throws Exception {
        assertThatThrownBy(() -> assembly.stage("prod")).isInstanceOf(AssemblyException.class)
                .hasMessageContaining("has no stage 'prod' (it has [dev])")
                .hasMessageContaining("cdk synth -c env=prod");
        assertThatThrownBy(() -> CloudAssembly.load(empty)).isInstanceOf(AssemblyException.class)
                .hasMessageContaining("manifest.json does not exist: synthesize the app first");
        Files.writeString(empty.resolve("manifest.json"), "{not json");
        assertThatThrownBy(() -> CloudAssembly.load(empty)).isInstanceOf(AssemblyException.class)
                .hasMessageStartingWith("cannot read");
    }
}
