package com.movierec.local.deployer.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.movierec.local.deployer.deploy.StageDeployment;
import com.movierec.local.deployer.testing.SynthesizedDev;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** The API function's layer read from the synthesized stage, as Lambda would mount it at /opt. */
class LambdaLayersTest {
    private final LambdaLayers layers = LambdaLayers.of(SynthesizedDev.base().stage(SynthesizedDev.STAGE),
            StageDeployment.API_HANDLER);

    @Test
    void findsTheMovieCatalogAndKnownUsersOfTheApisDataLayer() throws Exception {
        assertThat(Files.readAllLines(layers.resolve("/opt/movierec/items.csv")).get(0)).startsWith("ITEM_ID,");
        assertThat(Files.readAllLines(layers.resolve("/opt/movierec/known-users.txt"))).isNotEmpty()
                .allSatisfy(user -> assertThat(user).isNotBlank());
    }

    @Test
    void refusesPathsOutsideOptAndFilesNoLayerHas() {
        assertThatThrownBy(() -> layers.resolve("/etc/passwd")).hasMessageContaining("is not a file under /opt");
        assertThatThrownBy(() -> layers.resolve("/opt/../etc/passwd")).hasMessageContaining("not a file under /opt");
        assertThatThrownBy(() -> layers.resolve("/opt/movierec/missing.csv"))
                .hasMessageContaining("no layer of the function " + StageDeployment.API_HANDLER + " has "
                        + "/opt/movierec/missing.csv");
    }

    @Test
    void aHandlerTheStageDoesNotHaveIsNamedWithTheFix() {
        assertThatThrownBy(() -> LambdaLayers.of(SynthesizedDev.base().stage(SynthesizedDev.STAGE),
                "com.example.Missing::handleRequest"))
                .hasMessage("stage dev has no Lambda function with handler com.example.Missing::handleRequest: "
                        + "synthesize the stage again (cdk synth)");
    }
}
