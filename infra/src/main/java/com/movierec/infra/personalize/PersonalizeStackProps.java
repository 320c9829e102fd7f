package com.movierec.infra.personalize;

import com.movierec.infra.config.EnvironmentConfig;
import com.movierec.infra.data.DataStore;
import com.movierec.infra.data.PreparedData;
import java.nio.file.Path;
import java.util.Objects;

/**
 * What the Personalize stack is built from; its account and region are those of the Stage it lives in.
 *
 * @param stackName    the CloudFormation stack name
 * @param config       the environment's recipes, campaign, training and event type
 * @param preparedData which datasets exist and the data version that names imports and triggers training
 * @param dataStore    the bucket prefix and key from the Data stack
 * @param lifecycleJar absolute path of the custom-resource handler jar
 */
public record PersonalizeStackProps(String stackName, EnvironmentConfig config, PreparedData preparedData,
                                    DataStore dataStore, Path lifecycleJar) {

    public PersonalizeStackProps {
        Objects.requireNonNull(stackName, "stackName");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(preparedData, "preparedData");
        Objects.requireNonNull(dataStore, "dataStore");
        Objects.requireNonNull(lifecycleJar, "lifecycleJar");
    }
}
