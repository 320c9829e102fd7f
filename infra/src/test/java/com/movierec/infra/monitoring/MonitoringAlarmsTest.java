package com.movierec.infra.monitoring;

import static com.movierec.infra.TemplateJson.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.movierec.infra.MovieRecStage;
import com.movierec.infra.TemplateJson;
import com.movierec.infra.config.RecipeSlot;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Capture;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/**
 * Every alarm of an environment: its metrics, the threshold cdk.json sets, how it compares, how it treats missing
 * data, and that it notifies the alarm topic when it fires and when it clears.
 */
class MonitoringAlarmsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path tmp;
    private static MonitoringStages stages;
    private static Template ops;

    @BeforeAll
    static void synthesize() {
        stages = MonitoringStages.synthesize(tmp);
        ops = stages.template("ops");
    }

    @Test
    void everyAlarmNotifiesTheTopicWhenItFiresAndWhenItClears() {
        String topic = TemplateJson.of(ops).resources("AWS::SNS::Topic").keySet().iterator().next();

        assertThat(stages.alarms("ops")).hasSize(5 + 2 * 4).allSatisfy((name, alarm) -> {
            assertThat(name).startsWith("movierec-ops-");
            assertThat(texts(alarm.path("AlarmActions"))).as(name).containsExactly("${" + topic + "}");
            assertThat(texts(alarm.path("OKActions"))).as(name).containsExactly("${" + topic + "}");
            assertThat(alarm.has("InsufficientDataActions")).as(name).isFalse();
        });
    }

    @Test
    void everyAlarmSaysWhatItMeansAndWhatToDoWithinCloudWatchsLimit() {
        assertThat(stages.alarms("ops")).allSatisfy((name, alarm) -> {
            String description = alarm.path("AlarmDescription").asText();
            assertThat(description).as(name).contains("Do: ").hasSizeLessThanOrEqualTo(AlarmDescriptions.MAX_LENGTH);
        });
        assertThat(stages.alarms("ops").get("movierec-ops-api-5xx-rate").path("AlarmDescription").asText())
                .contains("2.5% or more", "in 2 of the last 3 5-minute periods", "fewer than 20 requests");
        assertThat(stages.alarms("ops").get("movierec-ops-ranking-campaign-idle").path("AlarmDescription")
                .asText()).contains("no GetPersonalizedRanking call in each of the last 12 hours", "(2 TPS)",
                "recipes.ranking");
    }

    @Test
    void the5xxRateIsErrorsPerRequestOfTheStageOnceThereAreEnoughRequests() {
        Capture stage = new Capture();
        ops.hasResourceProperties("AWS::CloudWatch::Alarm", rateAlarm("movierec-ops-api-5xx-rate", 2.5,
                "serverErrors", "5XXError", stage));
        assertThat(text(JSON.valueToTree(stage.asObject())))
                .isEqualTo("${" + only(ops, "AWS::ApiGateway::Stage") + "}");
    }

    @Test
    void the4xxRateIsTheSameForClientErrors() {
        ops.hasResourceProperties("AWS::CloudWatch::Alarm", rateAlarm("movierec-ops-api-4xx-rate", 15,
                "clientErrors", "4XXError", Match.anyValue()));
    }

    @Test
    void theLatencyAlarmWatchesTheP99OfTheStageOnceThereAreEnoughRequests() {
        ops.hasResourceProperties("AWS::CloudWatch::Alarm", Match.objectLike(Map.of(
                "AlarmName", "movierec-ops-api-p99-latency",
                "Threshold", 2000,
                "ComparisonOperator", "GreaterThanOrEqualToThreshold",
                "TreatMissingData", "notBreaching",
                "Metrics", Match.arrayWith(List.of(
                        Match.objectLike(Map.of("Expression", "IF(requests >= 20, latency, 0)")),
                        apiMetric("latency", "Latency", "p99", "movierec-ops-api", Match.anyValue()))))));
    }

    @Test
    void theFunctionAlarmsWatchTheAliasApiGatewayInvokes() {
        String function = only(ops, "AWS::Lambda::Function");
        for (String metric : List.of("Errors", "Throttles")) {
            JsonNode alarm = stages.alarms("ops").get("movierec-ops-api-function-"
                    + metric.toLowerCase(Locale.ROOT));
            JsonNode stat = alarm.path("Metrics").get(0).path("MetricStat");

            assertThat(stat.path("Metric").path("Namespace").asText()).isEqualTo("AWS/Lambda");
            assertThat(stat.path("Metric").path("MetricName").asText()).isEqualTo(metric);
            assertThat(dimensions(stat.path("Metric")))
                    .containsExactly(Map.entry("FunctionName", "${" + function + "}"),
                            Map.entry("Resource", "${" + function + "}:live"));
            assertThat(stat.path("Stat").asText()).isEqualTo("Sum");
            assertThat(stat.path("Period").asInt()).isEqualTo(300);
            assertThat(alarm.path("Threshold").asDouble()).isEqualTo(1);
            assertThat(alarm.path("ComparisonOperator").asText()).isEqualTo("GreaterThanOrEqualToThreshold");
            assertThat(alarm.path("DatapointsToAlarm").asInt()).isEqualTo(2);
            assertThat(alarm.path("TreatMissingData").asText()).isEqualTo("notBreaching");
        }
        assertThat(TemplateJson.of(ops).resource(only(ops, "AWS::Lambda::Alias")).path("Properties")
                .path("Name").asText()).isEqualTo("live");
    }

    @Test
    void eachCampaignAlarmsAtItsLoadInPercentOfItsMinProvisionedTps() {
        for (RecipeSlot slot : RecipeSlot.values()) {
            String id = slot.configKey();
            ops.hasResourceProperties("AWS::CloudWatch::Alarm", Match.objectLike(Map.of(
                    "AlarmName", "movierec-ops-" + slot.nameSegment() + "-campaign-utilization",
                    "Threshold", 70,
                    "ComparisonOperator", "GreaterThanOrEqualToThreshold",
                    "EvaluationPeriods", 3,
                    "DatapointsToAlarm", 3,
                    "TreatMissingData", "notBreaching",
                    "Metrics", Match.arrayWith(List.of(
                            Match.objectLike(Map.of("Expression", "100 * " + id + " / (PERIOD(" + id + ") * 2)",
                                    "ReturnData", true)),
                            campaignMetric(id, operation(slot), 300, campaignArn(stages.stage("ops"), slot)))))));
        }
    }

    @Test
    void eachCampaignAlarmsWhenNobodyCalledItForIdleCampaignHoursCountingNoDataAsNoCall() {
        for (RecipeSlot slot : RecipeSlot.values()) {
            ops.hasResourceProperties("AWS::CloudWatch::Alarm", Match.objectLike(Map.of(
                    "AlarmName", "movierec-ops-" + slot.nameSegment() + "-campaign-idle",
                    "Threshold", 1,
                    "ComparisonOperator", "LessThanThreshold",
                    "EvaluationPeriods", 12,
                    "DatapointsToAlarm", 12,
                    "TreatMissingData", "breaching",
                    "Metrics", List.of(campaignMetric(Match.anyValue(), operation(slot), 3600,
                            campaignArn(stages.stage("ops"), slot))))));
        }
    }

    @Test
    void withoutAMonitoringBlockTheIssuesThresholdsApply() {
        Map<String, JsonNode> alarms = stages.alarms("dev");
        Map<String, Double> thresholds = new LinkedHashMap<>();
        alarms.forEach((name, alarm) -> thresholds.put(name, alarm.path("Threshold").asDouble()));

        assertThat(thresholds).containsEntry("movierec-dev-api-5xx-rate", 1.0)
                .containsEntry("movierec-dev-api-4xx-rate", 10.0)
                .containsEntry("movierec-dev-api-p99-latency", 1500.0)
                .containsEntry("movierec-dev-popularity-campaign-utilization", 80.0);
        assertThat(alarms.get("movierec-dev-popularity-campaign-idle").path("EvaluationPeriods").asInt())
                .isEqualTo(24);
        assertThat(alarms.get("movierec-dev-popularity-campaign-utilization").path("Metrics").get(0)
                .path("Expression").asText()).isEqualTo("100 * popularity / (PERIOD(popularity) * 1)");
    }

    @Test
    void onlyTheDeployedCampaignsHaveAlarms() {
        assertThat(stages.alarms("qa").keySet()).containsExactly(
                "movierec-qa-api-5xx-rate", "movierec-qa-api-4xx-rate", "movierec-qa-api-p99-latency",
                "movierec-qa-api-function-errors", "movierec-qa-api-function-throttles",
                "movierec-qa-user-personalization-campaign-utilization",
                "movierec-qa-user-personalization-campaign-idle",
                "movierec-qa-related-items-campaign-utilization", "movierec-qa-related-items-campaign-idle");
    }

    /** An error-rate alarm: errors / requests * 100 of the stage, 2 of 3 five-minute periods, no data is OK. */
    private static Object rateAlarm(String name, double threshold, String errorsId, String metricName, Object stage) {
        return Match.objectLike(Map.of(
                "AlarmName", name,
                "Threshold", threshold,
                "ComparisonOperator", "GreaterThanOrEqualToThreshold",
                "EvaluationPeriods", 3,
                "DatapointsToAlarm", 2,
                "TreatMissingData", "notBreaching",
                "Metrics", Match.arrayWith(List.of(
                        Match.objectLike(Map.of("Expression", "IF(requests >= 20, 100 * " + errorsId
                                + " / requests, 0)", "ReturnData", true)),
                        apiMetric(errorsId, metricName, "Sum", "movierec-ops-api", stage),
                        apiMetric("requests", "Count", "SampleCount", "movierec-ops-api", Match.anyValue())))));
    }

    private static Object apiMetric(String id, String metricName, String statistic, String apiName, Object stage) {
        return Match.objectLike(Map.of("Id", id, "ReturnData", false, "MetricStat", Map.of(
                "Metric", Map.of("Namespace", "AWS/ApiGateway", "MetricName", metricName, "Dimensions", List.of(
                        Map.of("Name", "ApiName", "Value", apiName), Map.of("Name", "Stage", "Value", stage))),
                "Period", 300,
                "Stat", statistic)));
    }

    private static Object campaignMetric(Object id, String metricName, int period, Object campaignArn) {
        return Match.objectLike(Map.of("Id", id, "MetricStat", Map.of(
                "Metric", Map.of("Namespace", "AWS/Personalize", "MetricName", metricName, "Dimensions", List.of(
                        Map.of("Name", "CampaignArn", "Value", campaignArn))),
                "Period", period,
                "Stat", "Sum")));
    }

    private static String operation(RecipeSlot slot) {
        return slot == RecipeSlot.RANKING ? "GetPersonalizedRanking" : "GetRecommendations";
    }

    /** The campaign's ARN as the API stack's template spells it, the same the function's role is allowed to call. */
    private static Object campaignArn(MovieRecStage stage, RecipeSlot slot) {
        String arn = stage.personalizeStack().serving().campaignArn(slot).orElseThrow();
        assertThat(arn).contains(":campaign/movierec-" + stage.getStageName() + "-" + slot.nameSegment() + "-");
        return Stack.of(stage.apiStack()).resolve(arn);
    }

    private static Map<String, String> dimensions(JsonNode metric) {
        Map<String, String> dimensions = new LinkedHashMap<>();
        metric.path("Dimensions").forEach(d -> dimensions.put(d.path("Name").asText(), text(d.path("Value"))));
        return dimensions;
    }

    private static List<String> texts(JsonNode values) {
        List<String> texts = new ArrayList<>();
        values.forEach(value -> texts.add(text(value)));
        return texts;
    }

    private static String only(Template template, String type) {
        Map<String, JsonNode> resources = TemplateJson.of(template).resources(type);
        assertThat(resources).as(type).hasSize(1);
        return resources.keySet().iterator().next();
    }
}
