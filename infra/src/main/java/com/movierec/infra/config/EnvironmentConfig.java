package com.movierec.infra.config;

import static com.movierec.infra.config.ConfigCheck.at;

import com.fasterxml.jackson.annotation.JacksonInject;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One deployment environment, typed and validated: an entry of {@code movierec.environments} in cdk.json.
 *
 * @param name                 the environment name (dev, staging, prod): part of every stack and resource name
 * @param account              the AWS account; empty means the account of the credentials (CDK_DEFAULT_ACCOUNT)
 * @param region               the AWS region; empty means CDK_DEFAULT_REGION
 * @param dataset              the MovieLens release the prepared data comes from, e.g. ml-100k
 * @param preparedDataDir      the data-prep output directory, relative to the repository root unless absolute; null
 *                             for {@link #defaultPreparedDataDir(String)}
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
public record EnvironmentConfig(
        @JacksonInject(ConfigBinder.KEY) String name,
        @Fix("set the 12-digit AWS account id as a string, e.g. \"123456789012\", or leave it out to use the account "
                + "of your credentials")
        Optional<String> account,
        @Fix("set an AWS region code such as \"eu-west-1\"") Optional<String> region,
        @JsonProperty(defaultValue = "ml-100k")
        @Fix("set one of ml-100k, ml-1m, ml-10m, ml-latest-small, ml-latest, ml-25m, ml-32m")
        String dataset,
        @Fix("set the data-prep output directory, relative to the repository root, or leave it out for "
                + "data/prepared/<dataset>")
        String preparedDataDir,
        @JsonProperty(defaultValue = "Watch")
        @Fix("set the EVENT_TYPE data-prep wrote (its --event-type, default \"Watch\"): letters, digits, '_' or '-', "
                + "at most 50")
        String eventType,
        @Fix(value = "make it an object such as {\"userPersonalization\": \"aws-user-personalization-v2\"}",
                ifNull = "list the recipes to deploy, or leave the key out for the defaults")
        RecipeSelection recipes,
        @Fix("make it an object such as {\"minProvisionedTPS\": 1}") CampaignSettings campaign,
        @Fix("make it an object such as {\"hpo\": false}") TrainingSettings training,
        @JsonProperty(defaultValue = "true") @Fix(Fix.BOOLEAN) boolean retainDataOnDestroy,
        @Fix(value = "make it an object such as {\"auth\": \"apiKey\"}",
                ifNull = "set the API's settings as an object, or leave the key out for the defaults")
        ApiSettings api,
        @Fix("make it an object with a gate per recipe slot, such as {\"userPersonalization\": {\"minimums\": "
                + QualityGateSettings.EXAMPLE_MINIMUMS + "}}")
        QualityGateSettings qualityGate,
        @Fix(value = "make it an object such as {\"alarmEmail\": \"ops@example.com\"}",
                ifNull = "set the alarms' settings as an object, or leave the key out for the defaults (the alarms "
                        + "cannot be switched off)")
        MonitoringSettings monitoring,
        @Fix("make it an object such as {\"schedule\": \"rate(7 days)\"}") RetrainingSettings retraining,
        @Fix("make it an object such as {\"schedule\": null, \"numResults\": 25}")
        BatchRecommendationSettings batchRecommendations,
        @Fix("make it an object of tag keys to values, such as {\"CostCenter\": \"recommendations\"}")
        CostAllocationTags tags) {

    /** Short, lower case, and safe inside every resource name this environment derives. */
    public static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]{0,11}");
    /** The MovieLens releases data-prep prepares. */
    static final List<String> DATASETS =
            List.of("ml-100k", "ml-1m", "ml-10m", "ml-latest-small", "ml-latest", "ml-25m", "ml-32m");
    /** Quotes and spaces would break the filter expression the event type is written into. */
    private static final Pattern EVENT_TYPE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,49}");
    private static final Pattern NON_BLANK = Pattern.compile(".*\\S.*");

    public EnvironmentConfig {
        ConfigCheck check = new ConfigCheck(EnvironmentConfig.class);
        if (!NAME.matcher(name).matches()) {
            check.add(at("name"), "is not a valid environment name: use 1-12 lower-case letters and digits starting "
                    + "with a letter, e.g. dev (it becomes part of every resource name)");
        }
        account.ifPresent(a -> check.require(AwsPatterns.ACCOUNT.matcher(a).matches(), "account", a));
        region.ifPresent(r -> check.require(AwsPatterns.REGION.matcher(r).matches(), "region", r));
        check.require(DATASETS.contains(dataset), "dataset", dataset);
        if (preparedDataDir == null) {
            preparedDataDir = defaultPreparedDataDir(dataset);
        }
        check.require(NON_BLANK.matcher(preparedDataDir).matches(), "preparedDataDir", preparedDataDir);
        check.require(EVENT_TYPE.matcher(eventType).matches(), "eventType", eventType);
        qualityGate.bySlot().forEach((slot, gate) -> check.require(recipes.recipe(slot).isPresent(),
                at("qualityGate", slot.configKey()), gate, "recipes." + slot.configKey() + " is null, so there is no "
                        + slot.configKey() + " solution to gate; remove the gate or deploy a " + slot.configKey()
                        + " recipe"));
        Optional<String> validRegion = region.filter(r -> AwsPatterns.REGION.matcher(r).matches());
        monitoring.alarmTopicArn().filter(arn -> validRegion.isPresent()
                && !AwsPatterns.regionOf(arn).equals(validRegion.get())).ifPresent(arn -> check.require(false,
                at("monitoring", "alarmTopicArn"), arn, "CloudWatch alarms publish only to a topic in their own "
                        + "region, " + validRegion.get() + "; use a topic there, or null for a topic the stack "
                        + "creates"));
        api.jwt().flatMap(JwtSettings::existingUserPool).filter(pool -> validRegion.isPresent()
                && !pool.region().equals(validRegion.get())).ifPresent(pool -> check.require(false,
                at("api", "jwt", "existingUserPool", "userPoolId"), pool.userPoolId(), "the pool is in " + pool.region()
                        + ", and the API's Cognito authorizer and the page use the environment's region, "
                        + validRegion.get() + "; name a pool there, or null for a pool the stack creates"));
        retraining.schedule().filter(schedule -> training.autoTraining()).ifPresent(schedule -> check.require(false,
                at("retraining", "schedule"), schedule, "training.autoTraining is true too, and both would retrain "
                        + "the solutions; choose one: set retraining.schedule to null to keep Personalize's "
                        + "auto-training, or training.autoTraining to false to retrain on this schedule behind the "
                        + "quality gate"));
        batchRecommendations.schedule().filter(schedule -> recipes.recipe(RecipeSlot.USER_PERSONALIZATION).isEmpty())
                .ifPresent(schedule -> check.require(false, at("batchRecommendations", "schedule"), schedule,
                        "batch recommendations come from the userPersonalization solution, and "
                                + "recipes.userPersonalization is null; set the schedule to null or deploy a "
                                + "userPersonalization recipe"));
        check.done();
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
