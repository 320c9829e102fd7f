package com.movierec.infra.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.movierec.infra.ConfiguredStages;
import com.movierec.infra.Fixtures;
import com.movierec.infra.MovieRecStage;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.services.lambda.Alias;

/** The API's monitoring finds the alias API Gateway invokes, and refuses to guess when there is more than one. */
class ServedApiTest {
    @TempDir
    Path tmp;

    @Test
    void findsTheAliasTheApiInvokesAndRefusesASecondOne() {
        MovieRecStage stage = ConfiguredStages.synthesize(tmp, Map.of("dev", Fixtures.devEnvironment())).get("dev");
        ServedApi served = ServedApi.of(stage.apiStack());

        assertThat(served.handler().getAliasName()).isEqualTo("live");
        assertThat(served.restApi()).isSameAs(stage.apiStack().restApi());

        Alias.Builder.create(stage.apiStack(), "Canary").aliasName("canary")
                .version(served.handler().getVersion()).build();
        assertThatThrownBy(() -> ServedApi.of(stage.apiStack())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("movierec-dev-api holds 2 Lambda aliases");
    }
}
