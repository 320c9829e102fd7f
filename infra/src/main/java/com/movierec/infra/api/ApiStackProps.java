package com.movierec.infra.api;

import com.movierec.infra.config.ApiSettings;
import com.movierec.infra.data.PreparedData;
import com.movierec.infra.personalize.ServingResources;
import java.nio.file.Path;
import java.util.Objects;

/**
 * What the API stack is built from; its account and region are those of the Stage it lives in.
 *
 * @param stackName      the CloudFormation stack name
 * @param environment    the environment's name: the stage name and part of resource names
 * @param settings       auth, throttling, CORS origins and function size
 * @param serving        the Personalize stack's campaigns, filters and event tracker
 * @param preparedData   data-prep's output: the layer's items.csv and the users of its interactions
 * @param layerBuildRoot where the data layer's files are written at synth, a directory per data version
 * @param apiJar         absolute path of the API Lambda's shaded jar
 * @param retainUsers    keep a user pool the stack creates (api.auth jwt) when the stack is deleted, as the data
 */
public record ApiStackProps(String stackName, String environment, ApiSettings settings, ServingResources serving,
                            PreparedData preparedData, Path layerBuildRoot, Path apiJar, boolean retainUsers) {

    public ApiStackProps {
        Objects.requireNonNull(stackName, "stackName");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(serving, "serving");
        Objects.requireNonNull(preparedData, "preparedData");
        Objects.requireNonNull(layerBuildRoot, "layerBuildRoot");
        Objects.requireNonNull(apiJar, "apiJar");
    }
}
