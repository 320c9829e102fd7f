package com.movierec.infra.config;

import static com.movierec.infra.config.ConfigTesting.envProblems;
import static com.movierec.infra.config.ConfigTesting.parse;
import static com.movierec.infra.config.ConfigTesting.problems;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.movierec.infra.Fixtures;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MovieRecConfigParserTest {

    @Test
    void parsesTheConfigurationShippedInCdkJson() throws IOException {
        MovieRecConfig config = shippedConfig();

        assertThat(config.names()).containsExactly("dev", "staging", "prod");
        assertThat(config.environment("dev").orElseThrow().retainDataOnDestroy()).isFalse();
        assertThat(config.environment("prod").orElseThrow().retainDataOnDestroy()).isTrue();
        assertThat(config.environment("prod").orElseThrow().training().hpo()).isTrue();
        ApiSettings devApi = config.environment("dev").orElseThrow().api();
        assertThat(devApi.quotaPerDay()).as("a quota counts API keys, and dev signs users in").isEmpty();
        assertThat(devApi.allowedOrigins()).containsExactly("http://localhost:8080");
        assertThat(config.environments().values()).as("every environment signs its users in").allSatisfy(env -> {
            assertThat(env.api().auth()).isEqualTo(ApiAuth.JWT);
            assertThat(env.api().jwt().orElseThrow().createsUserPool()).isTrue();
            assertThat(env.api().jwt().orElseThrow().logoutUrls()).isEqualTo(env.api().jwt().orElseThrow()
                    .callbackUrls());
        });
        assertThat(devApi.jwt().orElseThrow().callbackUrls()).as("the page bin/run serves")
                .containsExactly("http://localhost:8080/");
        assertThat(devApi.jwt().orElseThrow().effectiveMfa()).isEqualTo(JwtSettings.Mfa.OFF);
        assertThat(config.environment("prod").orElseThrow().api().jwt().orElseThrow().effectiveThreatProtection())
                .isEqualTo(JwtSettings.ThreatProtection.ENFORCED);
        assertThat(config.environment("prod").orElseThrow().api().allowedOrigins())
                .allMatch(origin -> origin.startsWith("https://"));

        EnvironmentConfig dev = config.environment("dev").orElseThrow();
        EnvironmentConfig staging = config.environment("staging").orElseThrow();
        EnvironmentConfig prod = config.environment("prod").orElseThrow();
        assertThat(dev.qualityGate().bySlot()).containsOnlyKeys(RecipeSlot.USER_PERSONALIZATION);
        assertThat(dev.qualityGate().gate(RecipeSlot.USER_PERSONALIZATION)).contains(new QualityGateSettings.SlotGate(
                Map.of("normalized_discounted_cumulative_gain_at_10", 0.05), Optional.empty()));
        for (EnvironmentConfig strict : List.of(staging, prod)) {
            assertThat(strict.qualityGate().bySlot()).as(strict.name()).containsOnlyKeys(RecipeSlot.values());
            assertThat(strict.qualityGate().bySlot().values()).as(strict.name()).allSatisfy(gate -> {
                assertThat(gate.maxRegression()).hasValueSatisfying(max -> assertThat(max).isBetween(0.05, 0.1));
                assertThat(gate.minimums()).containsKey("normalized_discounted_cumulative_gain_at_10");
            });
        }
        assertThat(prod.qualityGate().gate(RecipeSlot.USER_PERSONALIZATION).orElseThrow().maxRegression())
                .as("prod is the strictest").contains(0.05);
        assertThat(List.of(dev, staging, prod)).allSatisfy(env -> {
            assertThat(env.monitoring()).isEqualTo(MonitoringSettings.defaults());
            assertThat(env.training().autoTraining()).isFalse();
            assertThat(env.costAllocationTags()).containsExactly(Map.entry("Project", "movierec"),
                    Map.entry("Environment", env.name()), Map.entry("CostCenter", "recommendations"));
        });
        assertThat(dev.retraining().isScheduled()).isFalse();
        assertThat(prod.retraining().schedule()).contains("rate(7 days)");
        assertThat(dev.batchRecommendations()).isEqualTo(BatchRecommendationSettings.defaults());
        assertThat(prod.batchRecommendations().schedule()).contains("cron(0 6 ? * MON *)");

        PipelineConfig pipeline = config.pipeline().orElseThrow();
        assertThat(pipeline.connectionArn()).as("a placeholder to replace before deploying the pipeline")
                .contains(":111111111111:").endsWith("/00000000-0000-0000-0000-000000000000");
        assertThat(pipeline.repository()).isEqualTo("example-org/movierec");
        assertThat(pipeline.branch()).isEqualTo("main");
        assertThat(pipeline.stages()).containsExactly("dev", "staging", "prod");
        assertThat(pipeline.manualApprovalBefore()).containsExactly("prod");
    }

    /** A healthy model, on MovieLens 100K, by the local engine's offline metrics (Personalize's are alike). */
    @Test
    void theShippedQualityGatesPassAHealthyModel() throws IOException {
        Map<RecipeSlot, Map<String, Double>> healthy = Map.of(
                RecipeSlot.USER_PERSONALIZATION, Map.of("normalized_discounted_cumulative_gain_at_10", 0.171,
                        "precision_at_10", 0.117, "coverage", 0.23),
                RecipeSlot.RELATED_ITEMS, Map.of("normalized_discounted_cumulative_gain_at_10", 0.159,
                        "precision_at_10", 0.118, "coverage", 0.43),
                RecipeSlot.POPULARITY, Map.of("normalized_discounted_cumulative_gain_at_10", 0.096,
                        "precision_at_10", 0.074, "coverage", 0.07),
                // The local engine reports no ranking metrics; a ranking model is at least as good as popularity.
                RecipeSlot.RANKING, Map.of("normalized_discounted_cumulative_gain_at_10", 0.096,
                        "precision_at_10", 0.074, "coverage", 0.07));

        assertThat(shippedConfig().environments().values()).allSatisfy(env -> env.qualityGate().bySlot()
                .forEach((slot, gate) -> gate.minimums().forEach((metric, minimum) ->
                        assertThat(healthy.get(slot).get(metric)).as(env.name() + " " + slot + " " + metric)
                                .isGreaterThanOrEqualTo(minimum * 1.5))));
    }

    private static MovieRecConfig shippedConfig() throws IOException {
        JsonNode context = new ObjectMapper().readTree(Fixtures.repositoryRoot().resolve("cdk.json").toFile())
                .path("context").path("movierec");
        return MovieRecConfigParser.parse(
                new ObjectMapper().convertValue(context, new TypeReference<Map<String, Object>>() { }));
    }

    @Test
    void fillsDefaultsForAnEnvironmentWithNoSettings() {
        EnvironmentConfig dev = parse(Map.of()).environment("dev").orElseThrow();

        assertThat(dev.account()).isEmpty();
        assertThat(dev.region()).isEmpty();
        assertThat(dev.dataset()).isEqualTo("ml-100k");
        assertThat(dev.preparedDataDir()).isEqualTo("data/prepared/ml-100k");
        assertThat(dev.eventType()).isEqualTo("Watch");
        assertThat(dev.recipes().enabled()).containsExactly(Recipe.USER_PERSONALIZATION_V2, Recipe.SIMILAR_ITEMS,
                Recipe.POPULARITY_COUNT, Recipe.PERSONALIZED_RANKING_V2);
        assertThat(dev.campaign().minProvisionedTps()).isEqualTo(1);
        assertThat(dev.training()).isEqualTo(new TrainingSettings(false, false, "rate(7 days)", 6, 60));
        assertThat(dev.training().timeout()).isEqualTo(Duration.ofHours(6));
        assertThat(dev.retainDataOnDestroy()).as("data is kept unless the configuration says otherwise").isTrue();
        assertThat(dev.api()).isEqualTo(new ApiSettings(ApiAuth.API_KEY, new ApiSettings.Throttle(50, 100),
                Optional.empty(), List.of(), 1024, Optional.empty(), new ApiSettings.Cache(60, 10_000),
                Optional.empty()));
        assertThat(dev.qualityGate().isEmpty()).as("no slot is gated unless the configuration gates it").isTrue();
        assertThat(dev.monitoring()).isEqualTo(new MonitoringSettings(Optional.empty(), Optional.empty(), 1, 10, 1500,
                80, 24));
        assertThat(dev.retraining()).isEqualTo(new RetrainingSettings(Optional.empty()));
        assertThat(dev.batchRecommendations()).isEqualTo(new BatchRecommendationSettings(Optional.empty(), 25));
        assertThat(dev.tags().custom()).isEmpty();
        assertThat(dev.costAllocationTags()).containsExactly(Map.entry("Project", "movierec"),
                Map.entry("Environment", "dev"));
        assertThat(parse(Map.of()).pipeline()).as("a pipeline only when cdk.json sets one").isEmpty();
    }

    @Test
    void readsEverySetting() {
        EnvironmentConfig dev = parse(Map.of("account", "123456789012", "region", "us-east-1", "dataset", "ml-1m",
                "preparedDataDir", "/data/ml-1m", "eventType", "Rating",
                "recipes", Map.of("relatedItems", "aws-sims"),
                "campaign", Map.of("minProvisionedTPS", 3),
                "training", Map.of("hpo", true, "autoTraining", true, "autoTrainingSchedule", "cron(0 3 ? * MON *)",
                        "timeoutHours", 12, "pollSeconds", 30),
                "retainDataOnDestroy", false,
                "api", Map.of("auth", "apiKey", "throttle", Map.of("rateLimit", 20, "burstLimit", 40),
                        "quotaPerDay", 5000, "allowedOrigins", List.of("https://app.example.com",
                                "http://localhost:3000"), "memoryMb", 2048, "reservedConcurrency", 10,
                        "cache", Map.of("ttlSeconds", 0, "maxEntries", 100))))
                .environment("dev").orElseThrow();

        assertThat(dev.account()).contains("123456789012");
        assertThat(dev.region()).contains("us-east-1");
        assertThat(dev.dataset()).isEqualTo("ml-1m");
        assertThat(dev.preparedDataDir()).isEqualTo("/data/ml-1m");
        assertThat(dev.eventType()).isEqualTo("Rating");
        assertThat(dev.recipes().recipe(RecipeSlot.RELATED_ITEMS)).contains(Recipe.SIMS);
        assertThat(dev.campaign().minProvisionedTps()).isEqualTo(3);
        assertThat(dev.training()).isEqualTo(new TrainingSettings(true, true, "cron(0 3 ? * MON *)",
                12, 30));
        assertThat(dev.training().timeout()).isEqualTo(Duration.ofHours(12));
        assertThat(dev.retainDataOnDestroy()).isFalse();
        assertThat(dev.api()).isEqualTo(new ApiSettings(ApiAuth.API_KEY, new ApiSettings.Throttle(20, 40),
                Optional.of(5000), List.of("https://app.example.com", "http://localhost:3000"), 2048,
                Optional.of(10), new ApiSettings.Cache(0, 100), Optional.empty()));
    }

    @Test
    void iamAuthAndNullOptionalApiSettingsAreAccepted() {
        Map<String, Object> api = new HashMap<>();
        api.put("auth", "iam");
        api.put("quotaPerDay", null);
        api.put("reservedConcurrency", null);

        ApiSettings settings = parse(Map.of("api", api)).environment("dev").orElseThrow().api();

        assertThat(settings.auth()).isEqualTo(ApiAuth.IAM);
        assertThat(settings.quotaPerDay()).isEmpty();
        assertThat(settings.reservedConcurrency()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://app.example.com", "https://app.example.com:8443", "https://localhost",
            "http://localhost", "http://localhost:3000", "http://127.0.0.1:8080", "https://a-b.c9.example.co.uk"})
    void acceptsHttpsOriginsAndLocalHttpOrigins(String origin) {
        assertThat(parse(Map.of("api", Map.of("allowedOrigins", List.of(origin)))).environment("dev").orElseThrow()
                .api().allowedOrigins()).containsExactly(origin);
    }

    @Test
    void aNullRecipeDeploysNoCampaignForItsSlot() {
        Map<String, Object> recipes = new HashMap<>();
        recipes.put("popularity", null);
        recipes.put("ranking", null);

        RecipeSelection selection = parse(Map.of("recipes", recipes)).environment("dev").orElseThrow().recipes();

        assertThat(selection.enabled()).containsExactly(Recipe.USER_PERSONALIZATION_V2, Recipe.SIMILAR_ITEMS);
    }

    @Test
    void keepsTheEnvironmentsInCdkJsonOrder() {
        assertThat(Fixtures.config().names()).containsExactly("dev", "staging", "prod");
    }

    @Test
    void failsIfTheMovierecContextIsMissing() {
        assertThat(problems(null)).containsExactly("cdk.json has no \"movierec\" context: add \"movierec\": "
                + "{\"environments\": {\"dev\": {\"region\": \"eu-west-1\"}}} under \"context\" (infra/README.md "
                + "lists every key).");
    }

    @Test
    void failsIfThereIsNoEnvironment() {
        assertThat(problems(Map.of("environments", Map.of()))).containsExactly("movierec.environments has no "
                + "environment: add at least one, e.g. \"dev\": {\"region\": \"eu-west-1\"}.");
    }

    @Test
    void failsIfAnEnvironmentNameCannotBePartOfResourceNames() {
        assertThat(problems(Map.of("environments", Map.of("Dev_1", Map.of())))).containsExactly(
                "movierec.environments.Dev_1 is not a valid environment name: use 1-12 lower-case letters and digits "
                        + "starting with a letter, e.g. dev (it becomes part of every resource name).");
    }

    @ParameterizedTest
    @ValueSource(strings = {"aws-hrnn", "aws-hrnn-metadata", "aws-hrnn-coldstart"})
    void failsIfRecipeIsRetiredHrnn(String recipe) {
        assertThat(envProblems(Map.of("recipes", Map.of("userPersonalization", recipe)))).containsExactly(
                "movierec.environments.dev.recipes.userPersonalization is \"" + recipe + "\": HRNN recipes are "
                        + "retired in Amazon Personalize; use \"aws-user-personalization-v2\", which replaces them.");
    }

    @Test
    void failsIfAutoMlIsRequestedInTraining() {
        assertThat(envProblems(Map.of("training", Map.of("performAutoML", true)))).containsExactly(
                "movierec.environments.dev.training.performAutoML is true: AutoML is retired in Amazon Personalize; "
                        + "remove the key and deploy the recipe aws-user-personalization-v2 "
                        + "(recipes.userPersonalization), which replaces it.");
    }

    @Test
    void failsIfAutoMlIsRequestedForTheEnvironment() {
        assertThat(envProblems(Map.of("autoML", true))).singleElement().asString()
                .startsWith("movierec.environments.dev.autoML is true: AutoML is retired in Amazon Personalize;")
                .contains("aws-user-personalization-v2");
    }

    @Test
    void failsIfRecipeBelongsToAnotherSlot() {
        assertThat(envProblems(Map.of("recipes", Map.of("ranking", "aws-sims")))).containsExactly(
                "movierec.environments.dev.recipes.ranking is \"aws-sims\": set one of "
                        + "\"aws-personalized-ranking-v2\", \"aws-personalized-ranking\", or null to deploy no ranking "
                        + "campaign.");
    }

    @Test
    void failsIfRecipeIsUnknown() {
        assertThat(envProblems(Map.of("recipes", Map.of("popularity", "aws-trending")))).containsExactly(
                "movierec.environments.dev.recipes.popularity is \"aws-trending\": set one of "
                        + "\"aws-popularity-count\", or null to deploy no popularity campaign.");
    }

    @Test
    void failsIfEveryRecipeIsSwitchedOff() {
        Map<String, Object> recipes = new HashMap<>();
        for (RecipeSlot slot : RecipeSlot.values()) {
            recipes.put(slot.configKey(), null);
        }
        assertThat(envProblems(Map.of("recipes", recipes))).containsExactly("movierec.environments.dev.recipes "
                + "selects no recipe: set at least one of userPersonalization, relatedItems, popularity, ranking to "
                + "a recipe.");
    }

    @Test
    void failsIfMinProvisionedTpsIsZero() {
        assertThat(envProblems(Map.of("campaign", Map.of("minProvisionedTPS", 0)))).containsExactly(
                "movierec.environments.dev.campaign.minProvisionedTPS is 0: set a whole number of 1 or more (each "
                        + "campaign is provisioned, and billed, for at least this many requests per second).");
    }

    @Test
    void failsIfMinProvisionedTpsIsNotAWholeNumber() {
        assertThat(envProblems(Map.of("campaign", Map.of("minProvisionedTPS", 1.5)))).singleElement().asString()
                .startsWith("movierec.environments.dev.campaign.minProvisionedTPS is 1.5: set a whole number");
    }

    @ParameterizedTest
    @ValueSource(strings = {"rate(0 days)", "rate(31 days)", "rate(7 hours)", "weekly", "cron()"})
    void failsIfAutoTrainingScheduleIsInvalid(String schedule) {
        assertThat(envProblems(Map.of("training", Map.of("autoTrainingSchedule", schedule)))).containsExactly(
                "movierec.environments.dev.training.autoTrainingSchedule is \"" + schedule + "\": set \"rate(N "
                        + "days)\" with N from 1 to 30, or a \"cron(...)\" expression.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"rate(1 day)", "rate(30 days)", "cron(0 3 * * ? *)"})
    void acceptsRateAndCronSchedules(String schedule) {
        assertThat(parse(Map.of("training", Map.of("autoTrainingSchedule", schedule))).environment("dev")
                .orElseThrow().training().autoTrainingSchedule()).isEqualTo(schedule);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 13})
    void failsIfTimeoutHoursIsOutsideOneToTwelve(int hours) {
        assertThat(envProblems(Map.of("training", Map.of("timeoutHours", hours)))).containsExactly(
                "movierec.environments.dev.training.timeoutHours is " + hours + ": set a whole number of hours from 1 "
                        + "to 12 (a CloudFormation WaitCondition waits at most 12 hours).");
    }

    @Test
    void failsIfPollSecondsIsOutOfRange() {
        assertThat(envProblems(Map.of("training", Map.of("pollSeconds", 5)))).containsExactly(
                "movierec.environments.dev.training.pollSeconds is 5: set a whole number of seconds from 10 to 900.");
    }

    @Test
    void failsIfHpoIsNotABoolean() {
        assertThat(envProblems(Map.of("training", Map.of("hpo", "yes")))).containsExactly(
                "movierec.environments.dev.training.hpo is \"yes\": set true or false (JSON booleans, without "
                        + "quotes).");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1234", "12345678901a", "1234567890123"})
    void failsIfAccountIsNotTwelveDigits(String account) {
        assertThat(envProblems(Map.of("account", account))).containsExactly("movierec.environments.dev.account is \""
                + account + "\": set the 12-digit AWS account id as a string, e.g. \"123456789012\", or leave it out "
                + "to use the account of your credentials.");
    }

    @Test
    void failsIfAccountIsANumber() {
        assertThat(envProblems(Map.of("account", 123456789012L))).singleElement().asString()
                .startsWith("movierec.environments.dev.account is 123456789012: set the 12-digit AWS account id as a "
                        + "string");
    }

    @ParameterizedTest
    @ValueSource(strings = {"eu-west", "EU-WEST-1", "euwest1", "eu_west_1"})
    void failsIfRegionIsMalformed(String region) {
        assertThat(envProblems(Map.of("region", region))).containsExactly("movierec.environments.dev.region is \""
                + region + "\": set an AWS region code such as \"eu-west-1\".");
    }

    @Test
    void failsIfDatasetIsNotAMovieLensRelease() {
        assertThat(envProblems(Map.of("dataset", "netflix"))).containsExactly("movierec.environments.dev.dataset is "
                + "\"netflix\": set one of ml-100k, ml-1m, ml-10m, ml-latest-small, ml-latest, ml-25m, ml-32m.");
    }

    @Test
    void failsIfEventTypeCannotBeQuotedInAFilter() {
        assertThat(envProblems(Map.of("eventType", "Watch\")"))).singleElement().asString()
                .startsWith("movierec.environments.dev.eventType is \"Watch\")\": set the EVENT_TYPE data-prep wrote");
    }

    @Test
    void failsIfAKeyIsMisspelt() {
        assertThat(envProblems(Map.of("campaign", Map.of("minProvisionedTps", 2)))).containsExactly(
                "movierec.environments.dev.campaign.minProvisionedTps is not a known key: use one of "
                        + "minProvisionedTPS (see infra/README.md).");
    }

    @Test
    void failsIfASectionIsNotAnObject() {
        assertThat(envProblems(Map.of("training", List.of()))).containsExactly("movierec.environments.dev.training "
                + "is a list: make it an object such as {\"hpo\": false}.");
    }

    @Test
    void failsIfApiIsNotAnObject() {
        assertThat(envProblems(Map.of("api", List.of()))).containsExactly("movierec.environments.dev.api is a list: "
                + "make it an object such as {\"auth\": \"apiKey\"}.");
    }

    @Test
    void failsIfApiIsNull() {
        Map<String, Object> dev = new HashMap<>();
        dev.put("api", null);
        assertThat(envProblems(dev)).containsExactly("movierec.environments.dev.api is null: set the API's settings "
                + "as an object, or leave the key out for the defaults.");
    }

    @Test
    void failsIfAnApiKeyIsMisspelt() {
        assertThat(envProblems(Map.of("api", Map.of("cors", List.of())))).containsExactly(
                "movierec.environments.dev.api.cors is not a known key: use one of allowedOrigins, auth, cache, jwt, "
                        + "memoryMb, quotaPerDay, reservedConcurrency, throttle (see infra/README.md).");
    }

    @ParameterizedTest
    @ValueSource(strings = {"cognito", "APIKEY", "none", ""})
    void failsIfAuthIsNotJwtApiKeyOrIam(String auth) {
        assertThat(envProblems(Map.of("api", Map.of("auth", auth)))).containsExactly("movierec.environments.dev.api"
                + ".auth is \"" + auth + "\": set \"jwt\" (signed-in users of a Cognito user pool, for browser "
                + "frontends), \"apiKey\" (API keys and a usage plan, for server-to-server clients) or \"iam\" (AWS "
                + "Signature Version 4, for callers with AWS credentials).");
    }

    @Test
    void failsIfThrottleIsNotAnObject() {
        assertThat(envProblems(Map.of("api", Map.of("throttle", 50)))).containsExactly("movierec.environments.dev"
                + ".api.throttle is 50: make it an object such as {\"rateLimit\": 50, \"burstLimit\": 100}.");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 10001})
    void failsIfRateLimitIsOutOfRange(int rate) {
        assertThat(envProblems(Map.of("api", Map.of("throttle", Map.of("rateLimit", rate))))).containsExactly(
                "movierec.environments.dev.api.throttle.rateLimit is " + rate + ": set a whole number of requests per "
                        + "second from 1 to 10000 (API Gateway's default account limit).");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 5001})
    void failsIfBurstLimitIsOutOfRange(int burst) {
        assertThat(envProblems(Map.of("api", Map.of("throttle", Map.of("burstLimit", burst))))).containsExactly(
                "movierec.environments.dev.api.throttle.burstLimit is " + burst + ": set a whole number of requests "
                        + "from 1 to 5000 (API Gateway's default account burst).");
    }

    @Test
    void failsIfAThrottleKeyIsMisspelt() {
        assertThat(envProblems(Map.of("api", Map.of("throttle", Map.of("rate", 5))))).containsExactly(
                "movierec.environments.dev.api.throttle.rate is not a known key: use one of burstLimit, rateLimit "
                        + "(see infra/README.md).");
    }

    @Test
    void failsIfQuotaPerDayIsNotAPositiveWholeNumber() {
        assertThat(envProblems(Map.of("api", Map.of("quotaPerDay", 0)))).containsExactly("movierec.environments.dev"
                + ".api.quotaPerDay is 0: set a whole number of requests per API key per day, or null for no quota.");
        assertThat(envProblems(Map.of("api", Map.of("quotaPerDay", 2.5)))).singleElement().asString()
                .startsWith("movierec.environments.dev.api.quotaPerDay is 2.5: set a whole number");
    }

    @Test
    void failsIfAQuotaIsSetWithIamAuth() {
        assertThat(envProblems(Map.of("api", Map.of("auth", "iam", "quotaPerDay", 1000)))).containsExactly(
                "movierec.environments.dev.api.quotaPerDay is 1000: a quota counts the requests of an API key, so it "
                        + "needs \"auth\": \"apiKey\"; set it to null or leave it out.");
    }

    @Test
    void failsIfAllowedOriginsIsNotAList() {
        assertThat(envProblems(Map.of("api", Map.of("allowedOrigins", "https://app.example.com")))).containsExactly(
                "movierec.environments.dev.api.allowedOrigins is \"https://app.example.com\": list the frontends' "
                        + "origins, e.g. [\"https://app.example.com\"], or [] for no browser access.");
    }

    @Test
    void failsIfAnOriginIsAWildcard() {
        assertThat(envProblems(Map.of("api", Map.of("allowedOrigins", List.of("http://localhost:8080", "*")))))
                .containsExactly("movierec.environments.dev.api.allowedOrigins[1] is \"*\": list each frontend's "
                        + "origin instead; a wildcard would let scripts on any website read the API's answers.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://App.example.com", "https://app.example.com/", "https://app.example.com/app",
            "http://app.example.com", "app.example.com", "https://app.example.com?x=1", "https://*.example.com",
            "https://app.example.com:0", "http://localhost.example.com"})
    void failsIfAnOriginIsNotHttpsOrLocalHttp(String origin) {
        assertThat(envProblems(Map.of("api", Map.of("allowedOrigins", List.of(origin))))).containsExactly(
                "movierec.environments.dev.api.allowedOrigins[0] is \"" + origin + "\": set https://host or "
                        + "https://host:port in lower case without a path, or http://localhost:port for local "
                        + "development.");
    }

    @Test
    void failsIfAnOriginIsNotAString() {
        assertThat(envProblems(Map.of("api", Map.of("allowedOrigins", List.of(8080))))).singleElement().asString()
                .startsWith("movierec.environments.dev.api.allowedOrigins[0] is 8080: set https://host");
    }

    @Test
    void failsIfAnOriginIsListedTwice() {
        assertThat(envProblems(Map.of("api", Map.of("allowedOrigins",
                List.of("https://app.example.com", "https://app.example.com"))))).containsExactly(
                "movierec.environments.dev.api.allowedOrigins[1] is \"https://app.example.com\": it is listed twice; "
                        + "remove one.");
    }

    @ParameterizedTest
    @ValueSource(ints = {512, 10241})
    void failsIfMemoryIsOutsideWhatTheApiNeedsAndLambdaAllows(int memory) {
        assertThat(envProblems(Map.of("api", Map.of("memoryMb", memory)))).containsExactly("movierec.environments"
                + ".dev.api.memoryMb is " + memory + ": set a whole number of MB from 1024 to 10240 (the API's "
                + "start-up is CPU-bound, and Lambda's CPU grows with memory).");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1001})
    void failsIfReservedConcurrencyIsOutOfRange(int concurrency) {
        assertThat(envProblems(Map.of("api", Map.of("reservedConcurrency", concurrency)))).containsExactly(
                "movierec.environments.dev.api.reservedConcurrency is " + concurrency + ": set a whole number from 1 "
                        + "to 1000, or null to reserve none (it is taken from the account's unreserved concurrency).");
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 3601})
    void failsIfTheCacheTtlIsNotZeroToAnHour(int ttl) {
        assertThat(envProblems(Map.of("api", Map.of("cache", Map.of("ttlSeconds", ttl))))).containsExactly(
                "movierec.environments.dev.api.cache.ttlSeconds is " + ttl + ": set a whole number of seconds from 0 "
                        + "(no cache) to 3600: the longest a user may see an answer that another execution "
                        + "environment has replaced.");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 100001})
    void failsIfTheCacheSizeIsOutOfRange(int entries) {
        assertThat(envProblems(Map.of("api", Map.of("cache", Map.of("maxEntries", entries))))).containsExactly(
                "movierec.environments.dev.api.cache.maxEntries is " + entries + ": set a whole number of answers "
                        + "from 1 to 100000 per execution environment (an answer of 25 movies holds about 2 KB).");
    }

    @Test
    void failsIfTheCacheIsNotAnObject() {
        assertThat(envProblems(Map.of("api", Map.of("cache", 60)))).containsExactly("movierec.environments.dev"
                + ".api.cache is 60: make it an object such as {\"ttlSeconds\": 60, \"maxEntries\": 10000}.");
    }

    @Test
    void reportsEveryProblemInOneSynth() {
        Map<String, Object> environments = new LinkedHashMap<>();
        environments.put("dev", Map.of("campaign", Map.of("minProvisionedTPS", 0)));
        environments.put("prod", Map.of("region", "mars", "training", Map.of("timeoutHours", 24)));

        assertThat(problems(Map.of("environments", environments))).containsExactly(
                "movierec.environments.dev.campaign.minProvisionedTPS is 0: set a whole number of 1 or more (each "
                        + "campaign is provisioned, and billed, for at least this many requests per second).",
                "movierec.environments.prod.region is \"mars\": set an AWS region code such as \"eu-west-1\".",
                "movierec.environments.prod.training.timeoutHours is 24: set a whole number of hours from 1 to 12 (a "
                        + "CloudFormation WaitCondition waits at most 12 hours).");
    }
}
