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

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private EnvironmentConfig config;
        private PreparedData preparedData;
        private Path lifecycleJar;
        private Path apiJar;
        private Path layerBuildRoot;
        private Environment env;

        public Builder config(EnvironmentConfig config) {
            this.config = config;
            return this;
        }

        public Builder preparedData(PreparedData preparedData) {
            this.preparedData = preparedData;
            return this;
        }

        public Builder lifecycleJar(Path lifecycleJar) {
            this.lifecycleJar = lifecycleJar;
            return this;
        }

        public Builder apiJar(Path apiJar) {
            this.apiJar = apiJar;
            return this;
        }

        public Builder layerBuildRoot(Path layerBuildRoot) {
            this.layerBuildRoot = layerBuildRoot;
            return this;
        }

        public Builder env(Environment env) {
            this.env = env;
            return this;
        }

        public MovieRecStageProps build() {
            return new MovieRecStageProps(config, preparedData, lifecycleJar, apiJar, layerBuildRoot, env);
        }
    }
}
