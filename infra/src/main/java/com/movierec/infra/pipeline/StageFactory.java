package com.movierec.infra.pipeline;

import com.movierec.infra.MovieRecStage;
import com.movierec.infra.config.EnvironmentConfig;
import software.amazon.awscdk.Environment;
import software.constructs.Construct;

/**
 * Builds an environment's {@link MovieRecStage}: the one way the app builds a stage, whether the stage sits in the app
 * (deployed by hand) or in the pipeline stack (deployed by the pipeline). It knows the prepared data, the Lambda jars
 * and where the API's data layer is written.
 */
@FunctionalInterface
public interface StageFactory {
    /**
     * @param scope       the app, or the pipeline stack
     * @param environment the environment's configuration; its name is the stage's id
     * @param env         the account and region to deploy to; either may be null for an environment-agnostic stage
     */
    MovieRecStage create(Construct scope, EnvironmentConfig environment, Environment env);
}
