package com.movierec.infra;

import com.movierec.infra.config.EnvironmentConfig;
import com.movierec.infra.data.PreparedData;
import java.nio.file.Path;
import java.util.Objects;
import software.amazon.awscdk.Environment;

/**
 * @param config         the environment's validated configuration
 * @param preparedData   data-prep's output for the environment's dataset
 * @param lifecycleJar   absolute path of the custom-resource handler jar
 * @param apiJar         absolute path of the recommendations API Lambda's jar
 * @param layerBuildRoot where the API's data layer is written at synth, a directory per data version
 * @param env            account and region; either may be absent for an environment-agnostic synth
 */
public record MovieRecStageProps(EnvironmentConfig config, PreparedData preparedData, Path lifecycleJar, Path apiJar,
                                 Path layerBuildRoot, Environment env) {

    public MovieRecStageProps {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(preparedData, "preparedData");
        Objects.requireNonNull(lifecycleJar, "lifecycleJar");
        Objects.requireNonNull(apiJar, "apiJar");
        Objects.requireNonNull(layerBuildRoot, "layerBuildRoot");
    }
}
