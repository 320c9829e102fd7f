package com.movierec.infra.config;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One deployment environment, typed and validated.
 *
 * @param name                 the environment name (dev, staging, prod): part of every stack and resource name
 * @param account              the AWS account; empty means the account of the credentials (CDK_DEFAULT_ACCOUNT)
 * @param region               the AWS region; empty means CDK_DEFAULT_REGION
 * @param dataset              the MovieLens release the prepared data comes from, e.g. ml-100k
 * @param preparedDataDir      the data-prep output directory, relative to the repository root unless absolute
 * @param eventType            the EVENT_TYPE data-prep wrote for a watched movie; the "unwatched" filter excludes it
 * @param recipes              which campaigns to deploy
 * @param campaign             campaign capacity
 * @param training             how solutions train
 * @param retainDataOnDestroy  keep the data bucket, its log bucket and its key when the stack is destroyed
 * @param api                  the recommendations API: auth, throttling, CORS origins, function size
 * @param qualityGate          the offline metrics a new solution version must reach before its campaign serves it;
 *                             only slots in {@code recipes}
 * @param monitoring           the alarms' thresholds and where they go
 * @param retraining           scheduled retraining behind the quality gate; never together with auto-training
 * @param batchRecommendations the batch inference job for every user: its schedule, if any, and size
 * @param tags                 the environment's own cost-allocation tags; {@link #costAllocationTags()} adds the
 *                             defaults
 */
public record EnvironmentConfig(String name, Optional<String> account, Optional<String> region, String dataset,
                                String preparedDataDir, String eventType, RecipeSelection recipes,
                                CampaignSettings campaign, TrainingSettings training, boolean retainDataOnDestroy,
                                ApiSettings api, QualityGateSettings qualityGate, MonitoringSettings monitoring,
                                RetrainingSettings retraining, BatchRecommendationSettings batchRecommendations,
                                CostAllocationTags tags) {

    /** Short, lower case, and safe inside every resource name this environment derives. */
    public static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]{0,11}");

    public EnvironmentConfig {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("environment name \"" + name + "\" is not 1-12 lower-case letters and "
                    + "digits starting with a letter");
        }
        qualityGate.bySlot().keySet().stream().filter(slot -> recipes.recipe(slot).isEmpty()).findFirst()
                .ifPresent(slot -> {
                    throw new IllegalArgumentException("the quality gate of " + slot.configKey() + " gates a recipe "
                            + "the environment does not deploy");
                });
        if (training.autoTraining() && retraining.isScheduled()) {
            throw new IllegalArgumentException("auto-training and scheduled retraining would both retrain: choose one");
        }
        if (batchRecommendations.isScheduled() && recipes.recipe(RecipeSlot.USER_PERSONALIZATION).isEmpty()) {
            throw new IllegalArgumentException("scheduled batch recommendations need a userPersonalization recipe");
        }
        if (region.isPresent() && monitoring.alarmTopicRegion().filter(r -> !r.equals(region.get())).isPresent()) {
            throw new IllegalArgumentException("the alarm topic is in " + monitoring.alarmTopicRegion().get()
                    + ": CloudWatch alarms publish only to a topic in their own region, " + region.get());
        }
    }

    /** Where data-prep writes this dataset by default. */
    public static String defaultPreparedDataDir(String dataset) {
        return "data/prepared/" + dataset;
    }

    /** Every resource's tags: {@code Project=movierec}, {@code Environment=<name>}, then {@link #tags()}. */
    public Map<String, String> costAllocationTags() {
        return tags.merged(name);
    }
}
