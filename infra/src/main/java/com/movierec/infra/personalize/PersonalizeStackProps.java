package com.movierec.infra.personalize;

import com.movierec.infra.config.EnvironmentConfig;
import com.movierec.infra.data.DataStore;
import com.movierec.infra.data.PreparedData;
import java.nio.file.Path;
import java.util.Objects;
import software.amazon.awscdk.Environment;

/**
 * @param env          account and region; null inside a Stage, whose environment the stack inherits
 * @param stackName    the CloudFormation stack name
 * @param config       the environment's recipes, campaign, training and event type
 * @param preparedData which datasets exist and the data version that names imports and triggers training
 * @param dataStore    the bucket prefix and key from the Data stack
 * @param lifecycleJar absolute path of the custom-resource handler jar
 */
public record PersonalizeStackProps(Environment env, String stackName, EnvironmentConfig config,
                                    PreparedData preparedData, DataStore dataStore, Path lifecycleJar) {

    public PersonalizeStackProps {
        Objects.requireNonNull(stackName, "stackName");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(preparedData, "preparedData");
        Objects.requireNonNull(dataStore, "dataStore");
        Objects.requireNonNull(lifecycleJar, "lifecycleJar");
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private Environment env;
        private String stackName;
        private EnvironmentConfig config;
        private PreparedData preparedData;
        private DataStore dataStore;
        private Path lifecycleJar;

        public Builder env(Environment env) {
            this.env = env;
            return this;
        }

        public Builder stackName(String stackName) {
            this.stackName = stackName;
            return this;
        }

        public Builder config(EnvironmentConfig config) {
            this.config = config;
            return this;
        }

        public Builder preparedData(PreparedData preparedData) {
            this.preparedData = preparedData;
            return this;
        }

        public Builder dataStore(DataStore dataStore) {
            this.dataStore = dataStore;
            return this;
        }

        public Builder lifecycleJar(Path lifecycleJar) {
            this.lifecycleJar = lifecycleJar;
            return this;
        }

        public PersonalizeStackProps build() {
            return new PersonalizeStackProps(env, stackName, config, preparedData, dataStore, lifecycleJar);
        }
    }
}
