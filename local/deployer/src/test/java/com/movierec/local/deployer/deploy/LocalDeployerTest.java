package com.movierec.local.deployer.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.movierec.local.deployer.deploy.state.InMemoryStateStore;
import com.movierec.local.deployer.testing.SynthesizedDev;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the deployer refuses before deploying anything: options that cannot match the synthesized stage. */
class LocalDeployerTest {
    @TempDir
    Path tmp;
    private final InMemoryStateStore store = new InMemoryStateStore();

    @Test
    void anEngineInAnotherRegionThanTheStageIsRefused() {
        DeployOptions options = options().withRegion("us-east-1");

        assertThatThrownBy(() -> new LocalDeployer().deploy(SynthesizedDev.base(), "dev", options))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("stack movierec-dev-data is synthesized for region eu-west-1, but personalize-local is "
                        + "said to run in us-east-1: start personalize-local with --region eu-west-1 and deploy with "
                        + "it");
        assertThat(store.all()).isEmpty();
    }

    @Test
    void aParameterNoStackHasIsRefused() {
        DeployOptions options = options().withParameters(Map.of("Nope", "1"));

        assertThatThrownBy(() -> new LocalDeployer().deploy(SynthesizedDev.base(), "dev", options))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no stack of the stage has the parameters [Nope]");
        assertThat(store.all()).isEmpty();
    }

    @Test
    void thereIsNoApiEnvironmentBeforeADeploy() {
        assertThatThrownBy(() -> new LocalDeployer().deployedApiEnvironment()).isInstanceOf(IllegalStateException.class)
                .hasMessage("this deployer has no deployed stage: deploy one first");
    }

    private DeployOptions options() {
        return DeployOptions.defaults(URI.create("http://127.0.0.1:1"), tmp).withStateStore(store);
    }
}
