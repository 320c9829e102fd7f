package com.movierec.infra.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.movierec.infra.ConfiguredStages;
import com.movierec.infra.Fixtures;
import com.movierec.infra.MovieRecStage;
import com.movierec.infra.TemplateJson;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.assertions.Template;

/**
 * The environments the monitoring tests synthesize, in one app, in account 111122223333, eu-west-1:
 * <ul>
 *   <li>{@code dev}: the fixture's dev, no monitoring block (the defaults, a topic of its own, no email);</li>
 *   <li>{@code ops}: every threshold set, an email, 2 TPS per campaign, all four campaigns;</li>
 *   <li>{@code qa}: an existing topic and an email, and only the user-personalization and related-items campaigns.</li>
 * </ul>
 */
final class MonitoringStages {
    static final String EMAIL = "ops@example.com";
    static final String QA_EMAIL = "oncall@example.com";
    static final String QA_TOPIC = "arn:aws:sns:eu-west-1:111122223333:team-alarms";

    private final Map<String, MovieRecStage> stages;
    private final Map<String, Template> templates = new HashMap<>();

    private MonitoringStages(Path tmp) {
        Map<String, Object> ops = Fixtures.environment(false, false, 2);
        ops.put("monitoring", Map.of("alarmEmail", EMAIL, "api5xxPercent", 2.5, "api4xxPercent", 15,
                "p99LatencyMs", 2000, "campaignUtilizationPercent", 70, "idleCampaignHours", 12));
        Map<String, Object> qa = Fixtures.environment(false, false, 1);
        qa.put("monitoring", Map.of("alarmTopicArn", QA_TOPIC, "alarmEmail", QA_EMAIL));
        Map<String, Object> recipes = new HashMap<>();
        recipes.put("popularity", null);
        recipes.put("ranking", null);
        qa.put("recipes", recipes);
        Map<String, Object> environments = new LinkedHashMap<>();
        environments.put("dev", Fixtures.devEnvironment());
        environments.put("ops", ops);
        environments.put("qa", qa);
        stages = ConfiguredStages.synthesize(tmp, environments);
        stages.forEach((name, stage) -> templates.put(name, Template.fromStack(stage.apiStack())));
    }

    static MonitoringStages synthesize(Path tmp) {
        return new MonitoringStages(tmp);
    }

    MovieRecStage stage(String environment) {
        return stages.get(environment);
    }

    List<MovieRecStage> all() {
        return List.copyOf(stages.values());
    }

    /** The API stack's template, where the monitoring lives. */
    Template template(String environment) {
        return templates.get(environment);
    }

    /** Alarm name to the alarm's properties. */
    Map<String, JsonNode> alarms(String environment) {
        Map<String, JsonNode> alarms = new LinkedHashMap<>();
        TemplateJson.of(template(environment)).resources("AWS::CloudWatch::Alarm").values().forEach(alarm ->
                alarms.put(alarm.path("Properties").path("AlarmName").asText(), alarm.path("Properties")));
        return alarms;
    }
}
