package com.movierec.infra.api;

import static com.movierec.infra.TemplateJson.text;
import static com.movierec.infra.TemplateJson.texts;
import static com.movierec.infra.api.ApiTemplates.only;
import static com.movierec.infra.api.ApiTemplates.properties;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.movierec.infra.Fixtures;
import com.movierec.infra.MovieRecStage;
import com.movierec.infra.SynthesizedStages;
import com.movierec.infra.TemplateJson;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.assertions.Template;

/**
 * The API's Lambda: runtime, SnapStart and its alias, the environment of its contract wired to the Personalize stack,
 * and a role that may call exactly this environment's campaigns and put events (on "*", the only resource IAM
 * authorises PutEvents on).
 */
class ApiFunctionTest {
    private static final String PERSONALIZE_ARN = "arn:${AWS::Partition}:personalize:eu-west-1:" + Fixtures.ACCOUNT
            + ":";

    @TempDir
    static Path tmp;
    private static TemplateJson dev;
    private static TemplateJson devPersonalize;
    private static TemplateJson prod;
    private static TemplateJson iam;

    @BeforeAll
    static void synthesize() {
        SynthesizedStages stages = SynthesizedStages.of(tmp.resolve("fixture"), "dev", "prod");
        MovieRecStage devStage = stages.stage("dev");
        dev = TemplateJson.of(Template.fromStack(devStage.apiStack()));
        devPersonalize = TemplateJson.of(Template.fromStack(devStage.personalizeStack()));
        prod = TemplateJson.of(Template.fromStack(stages.stage("prod").apiStack()));
        iam = TemplateJson.of(Template.fromStack(IamStage.synthesize(tmp.resolve("iam")).apiStack()));
    }

    @Test
    void theHandlerRunsOnJava21Arm64WithItsMemoryTimeoutAndLogGroup() {
        JsonNode function = function(dev);

        assertThat(function.path("Runtime").asText()).isEqualTo("java21");
        assertThat(function.path("Architectures").toString()).isEqualTo("[\"arm64\"]");
        assertThat(function.path("Handler").asText()).isEqualTo("com.movierec.api.ApiHandler::handleRequest");
        assertThat(function.path("Timeout").asInt()).isEqualTo(10);
        assertThat(function.path("MemorySize").asInt()).isEqualTo(1024);
        assertThat(function(prod).path("MemorySize").asInt()).as("memoryMb from the configuration").isEqualTo(2048);
        String logs = text(function.path("LoggingConfig").path("LogGroup"));
        assertThat(logs).startsWith("${HandlerLogs");
        assertThat(dev.resource(logs.substring(2, logs.length() - 1)).path("Properties").path("RetentionInDays")
                .asInt()).isEqualTo(30);
    }

    @Test
    void snapStartAppliesToPublishedVersionsAndTheLiveAliasServesTheCurrentOne() {
        String function = only(dev, "AWS::Lambda::Function");
        String version = only(dev, "AWS::Lambda::Version");
        JsonNode alias = properties(dev, "AWS::Lambda::Alias");

        assertThat(function(dev).path("SnapStart").path("ApplyOn").asText()).isEqualTo("PublishedVersions");
        assertThat(text(properties(dev, "AWS::Lambda::Version").path("FunctionName"))).isEqualTo("${" + function + "}");
        assertThat(alias.path("Name").asText()).isEqualTo("live");
        assertThat(text(alias.path("FunctionVersion"))).isEqualTo("${" + version + ".Version}");
    }

    @Test
    void theFunctionIsTracedAndHasTheDataLayer() {
        JsonNode layer = properties(dev, "AWS::Lambda::LayerVersion");

        assertThat(function(dev).path("TracingConfig").path("Mode").asText()).isEqualTo("Active");
        assertThat(texts(function(dev).path("Layers")))
                .containsExactly("${" + only(dev, "AWS::Lambda::LayerVersion") + "}");
        assertThat(layer.path("CompatibleRuntimes").toString()).isEqualTo("[\"java21\"]");
        assertThat(layer.path("CompatibleArchitectures").toString()).isEqualTo("[\"arm64\"]");
    }

    @Test
    void theEnvironmentNamesThisEnvironmentsCampaignsFiltersAndTracker() {
        Map<String, String> variables = variables(dev);

        assertThat(variables).containsOnlyKeys("USER_PERSONALIZATION_CAMPAIGN_ARN", "RELATED_ITEMS_CAMPAIGN_ARN",
                "POPULARITY_CAMPAIGN_ARN", "RANKING_CAMPAIGN_ARN", "UNWATCHED_FILTER_ARN",
                "UNWATCHED_IN_GENRE_FILTER_ARN", "EVENT_TRACKER_ID", "EVENT_TYPE", "ITEMS_FILE", "KNOWN_USERS_FILE",
                "ALLOWED_ORIGINS", "CACHE_TTL_SECONDS", "CACHE_MAX_ENTRIES", "AUTH_MODE", "POWERTOOLS_SERVICE_NAME");
        assertThat(variables.get("USER_PERSONALIZATION_CAMPAIGN_ARN")).isEqualTo(campaign("UserPersonalization"));
        assertThat(variables.get("RELATED_ITEMS_CAMPAIGN_ARN")).isEqualTo(campaign("RelatedItems"));
        assertThat(variables.get("POPULARITY_CAMPAIGN_ARN")).isEqualTo(campaign("Popularity"));
        assertThat(variables.get("RANKING_CAMPAIGN_ARN")).isEqualTo(campaign("Ranking"));
        assertThat(variables.get("UNWATCHED_FILTER_ARN")).isEqualTo(filter("UnwatchedFilter"));
        assertThat(variables.get("UNWATCHED_IN_GENRE_FILTER_ARN")).isEqualTo(filter("UnwatchedInGenreFilter"));
        assertThat(imported(variables.get("EVENT_TRACKER_ID"))).isEqualTo("${" + tracker() + ".TrackingId}");
        assertThat(variables).containsEntry("EVENT_TYPE", "Watch")
                .containsEntry("ITEMS_FILE", "/opt/movierec/items.csv")
                .containsEntry("KNOWN_USERS_FILE", "/opt/movierec/known-users.txt")
                .containsEntry("ALLOWED_ORIGINS", Fixtures.DEV_ORIGIN)
                .containsEntry("AUTH_MODE", "apiKey")
                .containsEntry("POWERTOOLS_SERVICE_NAME", "movierec-api");
        assertThat(variables(iam)).as("the caller may act for any user").containsEntry("AUTH_MODE", "iam");
        assertThat(variables(prod)).containsEntry("ALLOWED_ORIGINS", String.join(",", Fixtures.PROD_ORIGINS));
    }

    @Test
    void theAnswerCacheGetsItsTtlAndSizeFromTheConfiguration() {
        assertThat(variables(dev)).as("the defaults").containsEntry("CACHE_TTL_SECONDS", "60")
                .containsEntry("CACHE_MAX_ENTRIES", "10000");
        assertThat(variables(prod)).containsEntry("CACHE_TTL_SECONDS", "30").containsEntry("CACHE_MAX_ENTRIES", "5000");
    }

    @Test
    void aSlotWithoutACampaignHasNoVariableSoItsEndpointAnswersNotConfigured() {
        assertThat(variables(iam)).containsKeys("USER_PERSONALIZATION_CAMPAIGN_ARN", "RELATED_ITEMS_CAMPAIGN_ARN")
                .doesNotContainKeys("POPULARITY_CAMPAIGN_ARN", "RANKING_CAMPAIGN_ARN", "ALLOWED_ORIGINS");
    }

    @Test
    void reservedConcurrencyIsSetOnlyWhenConfigured() {
        assertThat(function(iam).path("ReservedConcurrentExecutions").asInt()).isEqualTo(5);
        assertThat(function(dev).has("ReservedConcurrentExecutions")).isFalse();
    }

    @Test
    void theRoleGetsRecommendationsAndRankingsOnlyFromThisEnvironmentsCampaignsAndPutsEventsOnTheWildcard() {
        Map<String, JsonNode> statements = statementsBySid(dev);

        assertThat(statements).containsOnlyKeys("GetRecommendations", "GetPersonalizedRanking", "PutEvents",
                "logs", "xray");
        assertThat(texts(statements.get("GetRecommendations").path("Action")))
                .containsExactly("personalize:GetRecommendations");
        // the campaign is the only resource type GetRecommendations takes: the filters it passes are not named
        assertThat(texts(statements.get("GetRecommendations").path("Resource"))).containsExactlyInAnyOrder(
                campaign("UserPersonalization"), campaign("RelatedItems"), campaign("Popularity"));
        assertThat(texts(statements.get("GetPersonalizedRanking").path("Action")))
                .containsExactly("personalize:GetPersonalizedRanking");
        assertThat(texts(statements.get("GetPersonalizedRanking").path("Resource")))
                .containsExactly(campaign("Ranking"));
        assertThat(texts(statements.get("PutEvents").path("Action"))).containsExactly("personalize:PutEvents");
        // PutEvents takes no resource type: a tracker ARN would deny every call.
        assertThat(texts(statements.get("PutEvents").path("Resource"))).containsExactly("*");
        assertThat(texts(statements.get("logs").path("Action")))
                .containsExactlyInAnyOrder("logs:CreateLogStream", "logs:PutLogEvents");
        assertThat(texts(statements.get("logs").path("Resource"))).singleElement().asString()
                .startsWith("${HandlerLogs").endsWith(".Arn}");
        assertThat(texts(statements.get("xray").path("Action")))
                .as("the other wildcard resource: X-Ray has no resource-level permissions")
                .containsExactlyInAnyOrder("xray:PutTraceSegments", "xray:PutTelemetryRecords");
        assertThat(texts(statements.get("xray").path("Resource"))).containsExactly("*");
    }

    @Test
    void theRoleHasNoManagedOrInlinePolicyAndOnlyLambdaAssumesIt() {
        JsonNode role = properties(dev, "AWS::IAM::Role");

        assertThat(role.has("ManagedPolicyArns")).isFalse();
        assertThat(role.has("Policies")).isFalse();
        assertThat(role.path("AssumeRolePolicyDocument").path("Statement")).singleElement().satisfies(trust ->
                assertThat(trust.path("Principal").toString()).isEqualTo("{\"Service\":\"lambda.amazonaws.com\"}"));
    }

    @Test
    void withoutRankingOrPopularityCampaignsTheRoleCannotCallThem() {
        Map<String, JsonNode> statements = statementsBySid(iam);
        Map<String, String> variables = variables(iam);

        assertThat(statements).doesNotContainKey("GetPersonalizedRanking");
        assertThat(texts(statements.get("GetRecommendations").path("Resource"))).containsExactlyInAnyOrder(
                variables.get("USER_PERSONALIZATION_CAMPAIGN_ARN"), variables.get("RELATED_ITEMS_CAMPAIGN_ARN"))
                .allMatch(arn -> arn.startsWith(PERSONALIZE_ARN + "campaign/movierec-" + IamStage.NAME + "-"))
                .noneMatch(arn -> arn.contains(":campaign/movierec-" + IamStage.NAME + "-popularity"));
    }

    private static JsonNode function(TemplateJson template) {
        return properties(template, "AWS::Lambda::Function");
    }

    private static Map<String, String> variables(TemplateJson template) {
        Map<String, String> variables = new HashMap<>();
        function(template).path("Environment").path("Variables").properties()
                .forEach(variable -> variables.put(variable.getKey(), text(variable.getValue())));
        return variables;
    }

    /**
     * Statements by Sid; the log and X-Ray grants aws-cdk-lib adds have none, so they go by their service. Only X-Ray
     * and PutEvents, which take no resource type, may have a wildcard resource.
     */
    private static Map<String, JsonNode> statementsBySid(TemplateJson template) {
        Map<String, JsonNode> statements = new HashMap<>();
        for (JsonNode statement : template.iamStatements()) {
            String sid = statement.has("Sid") ? statement.path("Sid").asText()
                    : texts(statement.path("Action")).get(0).replaceAll(":.*", "");
            assertThat(statements.put(sid, statement)).as("one statement for %s", sid).isNull();
            assertThat(statement.path("Effect").asText()).isEqualTo("Allow");
            if (!List.of("xray", "PutEvents").contains(sid)) {
                assertThat(texts(statement.path("Resource"))).as(sid).noneMatch(resource -> resource.contains("*"));
            }
        }
        return statements;
    }

    /** The ARN of the campaign whose logical id starts with {@code slot} in the dev Personalize stack. */
    private static String campaign(String slot) {
        return PERSONALIZE_ARN + "campaign/" + name("Custom::PersonalizeCampaign", slot + "Campaign");
    }

    private static String filter(String idStart) {
        return PERSONALIZE_ARN + "filter/" + name("Custom::PersonalizeFilter", idStart);
    }

    private static String name(String type, String idStart) {
        List<JsonNode> matching = devPersonalize.resources(type).entrySet().stream()
                .filter(entry -> entry.getKey().matches(idStart + "[0-9A-F]{8}")).map(Map.Entry::getValue).toList();
        assertThat(matching).as("%s %s", type, idStart).hasSize(1);
        return matching.get(0).path("Properties").path("Name").asText();
    }

    private static String tracker() {
        return only(devPersonalize, "Custom::PersonalizeEventTracker");
    }

    /** What an imported value is in the dev Personalize stack, e.g. ${EventTracker21B84761.TrackingId}. */
    private static String imported(String importText) {
        assertThat(importText).startsWith("${import:");
        String exportName = importText.substring("${import:".length(), importText.length() - 1);
        List<String> values = new ArrayList<>();
        devPersonalize.root().path("Outputs").forEach(output -> {
            if (output.path("Export").path("Name").asText().equals(exportName)) {
                values.add(text(output.path("Value")));
            }
        });
        assertThat(values).as("the Personalize stack exports %s", exportName).hasSize(1);
        return values.get(0);
    }
}
