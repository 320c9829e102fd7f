package com.movierec.infra.monitoring;

import static com.movierec.infra.TemplateJson.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.movierec.infra.TemplateJson;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.assertions.Template;

/** The dashboard: the alarms' states, then the API, its function and the campaigns, each a row of graphs. */
class MonitoringDashboardTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path tmp;
    private static TemplateJson ops;
    private static Map<String, JsonNode> graphs;
    private static List<JsonNode> widgets;

    @BeforeAll
    static void synthesize() throws JsonProcessingException {
        Template template = MonitoringStages.synthesize(tmp).template("ops");
        ops = TemplateJson.of(template);
        Map<String, JsonNode> dashboards = ops.resources("AWS::CloudWatch::Dashboard");
        assertThat(dashboards).hasSize(1);
        JsonNode dashboard = dashboards.values().iterator().next().path("Properties");
        assertThat(dashboard.path("DashboardName").asText()).isEqualTo("movierec-ops-eu-west-1");
        // The body is a Fn::Join of JSON and references; flattened, every reference reads ${LogicalId...}.
        widgets = new ArrayList<>();
        JSON.readTree(text(dashboard.path("DashboardBody"))).path("widgets").forEach(widgets::add);
        graphs = new LinkedHashMap<>();
        String section = "";
        for (JsonNode widget : widgets) {
            if (widget.path("type").asText().equals("text")) {
                section = widget.path("properties").path("markdown").asText();
            } else if (widget.path("type").asText().equals("metric")) {
                JsonNode properties = widget.path("properties");
                graphs.put(section + " / " + properties.path("title").asText(), properties);
            }
        }
    }

    @Test
    void itOpensWithTheStateOfEveryAlarm() {
        JsonNode first = widgets.get(0);
        List<String> alarmArns = new ArrayList<>();
        first.path("properties").path("alarms").forEach(arn -> alarmArns.add(arn.asText()));

        assertThat(first.path("type").asText()).isEqualTo("alarm");
        assertThat(alarmArns).containsExactlyInAnyOrderElementsOf(ops.resources("AWS::CloudWatch::Alarm").keySet()
                .stream().map(id -> "${" + id + ".Arn}").toList());
    }

    @Test
    void theApiRowGraphsRequestsErrorRatesAndLatencyWithTheAlarmsThresholds() {
        assertThat(graphs.keySet()).contains("## API: movierec-ops-api (API Gateway) / Requests and errors");
        assertThat(metricNames(graph("API", "Requests and errors"))).containsExactly("Count", "4XXError", "5XXError");
        assertThat(expressions(graph("API", "Error rates"))).containsExactly("100 * serverErrors / requests",
                "100 * clientErrors / requests");
        assertThat(thresholds(graph("API", "Error rates"))).containsExactly(2.5, 15.0);
        assertThat(metricNames(graph("API", "Latency"))).containsExactly("Latency", "Latency", "IntegrationLatency");
        assertThat(thresholds(graph("API", "Latency"))).containsExactly(2000.0);
        assertThat(graph("API", "Latency").path("metrics").get(1).get(6).path("stat").asText()).isEqualTo("p99");
    }

    @Test
    void theFunctionRowGraphsTheAliasInvocationsErrorsThrottlesAndDuration() {
        JsonNode counts = graph("function", "Invocations, errors, throttles");

        assertThat(metricNames(counts)).containsExactly("Invocations", "Errors", "Throttles");
        assertThat(counts.path("metrics").get(0).get(5).asText()).endsWith(":live");
        assertThat(metricNames(graph("function", "Duration"))).containsOnly("Duration");
    }

    @Test
    void theCampaignRowGraphsEachCampaignsLoadUtilisationAndLatency() {
        assertThat(expressions(graph("Campaigns", "Requests per second"))).containsExactly(
                "userPersonalization / PERIOD(userPersonalization)", "relatedItems / PERIOD(relatedItems)",
                "popularity / PERIOD(popularity)", "ranking / PERIOD(ranking)");
        assertThat(expressions(graph("Campaigns", "Utilisation"))).contains(
                "100 * ranking / (PERIOD(ranking) * 2)");
        assertThat(thresholds(graph("Campaigns", "Utilisation"))).containsExactly(70.0);
        assertThat(metricNames(graph("Campaigns", "Latency"))).containsExactly("GetRecommendationsLatency",
                "GetRecommendationsLatency", "GetRecommendationsLatency", "GetPersonalizedRankingLatency");
    }

    private static JsonNode graph(String section, String titleStart) {
        List<JsonNode> found = graphs.entrySet().stream()
                .filter(e -> e.getKey().contains(section) && e.getKey().contains(" / " + titleStart))
                .map(Map.Entry::getValue).toList();
        assertThat(found).as("one graph %s in section %s, among %s", titleStart, section, graphs.keySet())
                .hasSize(1);
        return found.get(0);
    }

    /** The metric name of every plain metric row, in order (expressions and their hidden inputs excluded). */
    private static List<String> metricNames(JsonNode graph) {
        List<String> names = new ArrayList<>();
        graph.path("metrics").forEach(row -> {
            JsonNode options = row.get(row.size() - 1);
            if (row.get(0).isTextual() && !options.has("id")) {
                names.add(row.get(1).asText());
            }
        });
        return names;
    }

    private static List<String> expressions(JsonNode graph) {
        List<String> expressions = new ArrayList<>();
        graph.path("metrics").forEach(row -> {
            if (row.get(0).has("expression")) {
                expressions.add(row.get(0).path("expression").asText());
            }
        });
        return expressions;
    }

    private static List<Double> thresholds(JsonNode graph) {
        List<Double> values = new ArrayList<>();
        graph.path("annotations").path("horizontal").forEach(a -> values.add(a.path("value").asDouble()));
        return values;
    }
}
