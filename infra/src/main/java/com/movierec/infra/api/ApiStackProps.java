package com.movierec.infra.api;

import com.movierec.infra.config.ApiSettings;
import com.movierec.infra.data.PreparedData;
import com.movierec.infra.personalize.ServingResources;
import java.nio.file.Path;
import java.util.Objects;
import software.amazon.awscdk.Environment;

/**
 * @param env            account and region; null inside a Stage, whose environment the stack inherits
 * @param stackName      the CloudFormation stack name
 * @param environment    the environment's name: the stage name and part of resource names
 * @param settings       auth, throttling, CORS origins and function size
 * @param serving        the Personalize stack's campaigns, filters and event tracker
 * @param preparedData   data-prep's output: the layer's items.csv and the users of its interactions
 * @param layerBuildRoot where the data layer's files are written at synth, a directory per data version
 * @param apiJar         absolute path of the API Lambda's shaded jar
 */
public record ApiStackProps(Environment env, String stackName, String environment, ApiSettings settings,
                            ServingResources serving, PreparedData preparedData, Path layerBuildRoot, Path apiJar) {

    public ApiStackProps {
        Objects.requireNonNull(stackName, "stackName");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(serving, "serving");
        Objects.requireNonNull(preparedData, "preparedData");
        Objects.requireNonNull(layerBuildRoot, "layerBuildRoot");
        Objects.requireNonNull(apiJar, "apiJar");
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private Environment env;
        private String stackName;
        private String environment;
        private ApiSettings settings;
        private ServingResources serving;
        private PreparedData preparedData;
        private Path layerBuildRoot;
        private Path apiJar;

        public Builder env(Environment env) {
            this.env = env;
            return this;
        }

        public Builder stackName(String stackName) {
            this.stackName = stackName;
            return this;
        }

        public Builder environment(String environment) {
            this.environment = environment;
            return this;
        }

        public Builder settings(ApiSettings settings) {
            this.settings = settings;
            return this;
        }

        public Builder serving(ServingResources serving) {
            this.serving = serving;
            return this;
        }

        public Builder preparedData(PreparedData preparedData) {
            this.preparedData = preparedData;
            return this;
        }

        public Builder layerBuildRoot(Path layerBuildRoot) {
            this.layerBuildRoot = layerBuildRoot;
            return this;
        }

        public Builder apiJar(Path apiJar) {
            this.apiJar = apiJar;
            return this;
        }

        public ApiStackProps build() {
            return new ApiStackProps(env, stackName, environment, settings, serving, preparedData, layerBuildRoot,
                    apiJar);
        }
    }
}
