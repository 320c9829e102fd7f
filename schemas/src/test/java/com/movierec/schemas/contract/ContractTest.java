package com.movierec.schemas.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Pins the contract's values as written out here, independently of the types that hold them, so a change to one of
 * them is a deliberate change of the contract, and checks that the documents the other side reads list every one.
 */
class ContractTest {
    private static final Path REPOSITORY = Path.of(System.getProperty("movierec.repoRoot", ".."));

    @Test
    void everyCustomResourceTypeHasItsCloudFormationNameAndSaysWhetherItTakesTags() {
        Map<CustomResourceType, String> names = new LinkedHashMap<>();
        Arrays.stream(CustomResourceType.values()).forEach(type -> names.put(type, type.cloudFormationName()));
        assertThat(names).containsExactly(
                Map.entry(CustomResourceType.SCHEMA, "Custom::PersonalizeSchema"),
                Map.entry(CustomResourceType.DATASET_GROUP, "Custom::PersonalizeDatasetGroup"),
                Map.entry(CustomResourceType.DATASET, "Custom::PersonalizeDataset"),
                Map.entry(CustomResourceType.DATASET_IMPORT_JOB, "Custom::PersonalizeDatasetImportJob"),
                Map.entry(CustomResourceType.SOLUTION, "Custom::PersonalizeSolution"),
                Map.entry(CustomResourceType.SOLUTION_VERSION, "Custom::PersonalizeSolutionVersion"),
                Map.entry(CustomResourceType.SOLUTION_METRICS, "Custom::PersonalizeSolutionMetrics"),
                Map.entry(CustomResourceType.CAMPAIGN, "Custom::PersonalizeCampaign"),
                Map.entry(CustomResourceType.EVENT_TRACKER, "Custom::PersonalizeEventTracker"),
                Map.entry(CustomResourceType.FILTER, "Custom::PersonalizeFilter"));
        assertThat(CustomResourceType.values()).allSatisfy(type -> {
            assertThat(type.cloudFormationName()).startsWith(CustomResourceType.PREFIX);
            assertThat(type).hasToString(type.cloudFormationName());
            assertThat(CustomResourceType.find(type.cloudFormationName())).contains(type);
        });
        assertThat(CustomResourceType.PREFIX).isEqualTo("Custom::Personalize");
        assertThat(Arrays.stream(CustomResourceType.values()).filter(type -> !type.takesTags()))
                .containsExactly(CustomResourceType.SCHEMA, CustomResourceType.SOLUTION_METRICS);
    }

    @Test
    void aNameOutsideTheContractIsNoType() {
        assertThat(CustomResourceType.find("Custom::PersonalizeRecommender")).isEmpty();
        assertThat(CustomResourceType.find("Custom::Personalize")).isEmpty();
        assertThat(CustomResourceType.find("custom::personalizecampaign")).isEmpty();
        assertThat(CustomResourceType.find(null)).isEmpty();
    }

    @Test
    void theTagsPropertyIsAListOfKeyAndValue() {
        assertThat(ResourceProperties.TAGS).isEqualTo("Tags");
        assertThat(ResourceProperties.TAG_KEY).isEqualTo("Key");
        assertThat(ResourceProperties.TAG_VALUE).isEqualTo("Value");
    }

    @Test
    void everyApiEnvironmentVariableIsNamedAsItsConstant() throws IllegalAccessException {
        Map<String, Object> variables = constants(ApiEnvironment.class);
        assertThat(variables).containsOnlyKeys("USER_PERSONALIZATION_CAMPAIGN_ARN", "RELATED_ITEMS_CAMPAIGN_ARN",
                "POPULARITY_CAMPAIGN_ARN", "RANKING_CAMPAIGN_ARN", "UNWATCHED_FILTER_ARN",
                "UNWATCHED_IN_GENRE_FILTER_ARN", "EVENT_TRACKER_ID", "EVENT_TYPE", "ITEMS_FILE", "KNOWN_USERS_FILE",
                "ALLOWED_ORIGINS", "CACHE_TTL_SECONDS", "CACHE_MAX_ENTRIES", "PERSONALIZE_RUNTIME_ENDPOINT",
                "PERSONALIZE_EVENTS_ENDPOINT", "AUTH_MODE", "DEFAULT_ITEMS_FILE", "DEFAULT_KNOWN_USERS_FILE",
                "DEFAULT_CACHE_MAX_ENTRIES", "MAX_CACHE_TTL_SECONDS", "MAX_CACHE_ENTRIES", "AUTH_MODE_API_KEY",
                "AUTH_MODE_IAM", "AUTH_MODE_JWT");
        variables.forEach((constant, value) -> {
            if (!isValue(constant)) {
                assertThat(value).as(constant).isEqualTo(constant);
            }
        });
        assertThat(ApiEnvironment.DEFAULT_ITEMS_FILE).isEqualTo("/opt/movierec/items.csv");
        assertThat(ApiEnvironment.DEFAULT_KNOWN_USERS_FILE).isEqualTo("/opt/movierec/known-users.txt");
        assertThat(ApiEnvironment.MAX_CACHE_TTL_SECONDS).isEqualTo(3600);
        // AUTH_MODE's values are cdk.json's api.auth values.
        assertThat(ApiEnvironment.AUTH_MODE_API_KEY).isEqualTo("apiKey");
        assertThat(ApiEnvironment.AUTH_MODE_IAM).isEqualTo("iam");
        assertThat(ApiEnvironment.AUTH_MODE_JWT).isEqualTo("jwt");
    }

    @Test
    void theOfflineMetricsArePersonalizesNamesInItsDocumentationsOrder() {
        assertThat(OfflineMetric.names()).containsExactly("coverage", "mean_reciprocal_rank_at_25",
                "normalized_discounted_cumulative_gain_at_5", "normalized_discounted_cumulative_gain_at_10",
                "normalized_discounted_cumulative_gain_at_25", "precision_at_5", "precision_at_10", "precision_at_25");
        assertThat(OfflineMetric.NDCG_AT_10.metricName()).isEqualTo("normalized_discounted_cumulative_gain_at_10");
        assertThat(OfflineMetric.PRECISION_AT_10.metricName()).isEqualTo("precision_at_10");
        assertThat(OfflineMetric.MRR_AT_25.metricName()).isEqualTo("mean_reciprocal_rank_at_25");
        assertThat(OfflineMetric.COVERAGE.metricName()).isEqualTo("coverage");
    }

    @Test
    void theStatusesArePersonalizesStrings() throws IllegalAccessException {
        assertThat(constants(PersonalizeStatus.class)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "ACTIVE", "ACTIVE",
                "CREATE_PENDING", "CREATE PENDING",
                "CREATE_IN_PROGRESS", "CREATE IN_PROGRESS",
                "CREATE_FAILED", "CREATE FAILED",
                "CREATE_STOPPING", "CREATE STOPPING",
                "CREATE_STOPPED", "CREATE STOPPED"));
    }

    @Test
    void theDocumentsListEveryValue() throws IOException, IllegalAccessException {
        String resources = Files.readString(REPOSITORY.resolve("docs/personalize-resources.md"));
        assertThat(CustomResourceType.values()).allSatisfy(type ->
                assertThat(resources).contains("| `" + type.cloudFormationName() + "`"));
        String api = Files.readString(REPOSITORY.resolve("lambdas/api/README.md"));
        assertThat(constants(ApiEnvironment.class)).allSatisfy((constant, value) ->
                assertThat(api).contains(isValue(constant) ? "`" + value + "`" : "| `" + value + "`"));
        String configuration = Files.readString(REPOSITORY.resolve("docs/configuration.md"));
        assertThat(OfflineMetric.names()).allSatisfy(metric -> assertThat(configuration).contains("`" + metric + "`"));
    }

    /** A default, a limit or one of a variable's values, rather than a variable's name. */
    private static boolean isValue(String constant) {
        return constant.startsWith("DEFAULT_") || constant.startsWith("MAX_") || constant.startsWith("AUTH_MODE_");
    }

    /** The public constants of {@code type}, by name. */
    private static Map<String, Object> constants(Class<?> type) throws IllegalAccessException {
        Map<String, Object> constants = new LinkedHashMap<>();
        for (Field field : type.getDeclaredFields()) {
            if (Modifier.isPublic(field.getModifiers()) && Modifier.isStatic(field.getModifiers())) {
                constants.put(field.getName(), field.get(null));
            }
        }
        return constants;
    }
}
