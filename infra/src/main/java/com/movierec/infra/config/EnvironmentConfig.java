package com.movierec.infra.config;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One deployment environment, typed and validated.
 *
 * @param name                the environment name (dev, staging, prod): part of every stack and resource name
 * @param account             the AWS account; empty means the account of the credentials (CDK_DEFAULT_ACCOUNT)
 * @param region              the AWS region; empty means CDK_DEFAULT_REGION
 * @param dataset             the MovieLens release the prepared data comes from, e.g. ml-100k
 * @param preparedDataDir     the data-prep output directory, relative to the repository root unless absolute
 * @param eventType           the EVENT_TYPE data-prep wrote for a watched movie; the "unwatched" filter excludes it
 * @param recipes             which campaigns to deploy
 * @param campaign            campaign capacity
 * @param training            how solutions train
 * @param retainDataOnDestroy keep the data bucket, its log bucket and its key when the stack is destroyed
 * @param api                 the recommendations API: auth, throttling, CORS origins, function size
 */
public record EnvironmentConfig(String name, Optional<String> account, Optional<String> region, String dataset,
                                String preparedDataDir, String eventType, RecipeSelection recipes,
                                CampaignSettings campaign, TrainingSettings training, boolean retainDataOnDestroy,
                                ApiSettings api) {

    /** Short, lower case, and safe inside every resource name this environment derives. */
    public static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]{0,11}");

    public EnvironmentConfig {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("environment name \"" + name + "\" is not 1-12 lower-case letters and "
                    + "digits starting with a letter");
        }
    }

    /** Where data-prep writes this dataset by default. */
    public static String defaultPreparedDataDir(String dataset) {
        return "data/prepared/" + dataset;
    }
}
