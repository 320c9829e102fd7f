package com.movierec.infra.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads {@code monitoring} of an environment into {@link MonitoringSettings}, one sentence per invalid value. */
final class MonitoringSettingsParser {
    static final Set<String> KEYS = Set.of("alarmEmail", "alarmTopicArn", "api5xxPercent", "api4xxPercent",
            "p99LatencyMs", "campaignUtilizationPercent", "idleCampaignHours");

    private MonitoringSettingsParser() {
    }

    /**
     * The settings, defaults for what is absent, or null when a value is wrong (the problem is recorded).
     * {@code region} is the environment's, when it names one: an alarm topic must be there.
     */
    static MonitoringSettings parse(ConfigNode env, Optional<String> region, List<String> problems) {
        int before = problems.size();
        if (env.isNull("monitoring")) {
            env.problem("monitoring", "set the alarms' settings as an object, or leave the key out for the defaults "
                    + "(the alarms cannot be switched off)");
            return null;
        }
        Optional<ConfigNode> node = env.object("monitoring", "make it an object such as {\"alarmEmail\": "
                + "\"ops@example.com\"}");
        ConfigNode monitoring = node.orElseGet(() -> new ConfigNode(env.path("monitoring"), Map.of(),
                new ArrayList<>()));
        monitoring.rejectUnknownKeys(KEYS);
        MonitoringSettings defaults = MonitoringSettings.defaults();
        Optional<String> email = monitoring.text("alarmEmail", MonitoringSettings.EMAIL, "set an email address such "
                + "as \"ops@example.com\" to subscribe to the alarm topic, or null for no subscription");
        Optional<String> topic = monitoring.text("alarmTopicArn", MonitoringSettings.TOPIC_ARN, "set the ARN of a "
                + "standard SNS topic, arn:aws:sns:<region>:<12-digit account>:<name> (CloudWatch alarms cannot "
                + "publish to FIFO topics), or null for a topic the stack creates");
        topic.filter(arn -> region.isPresent() && !AwsPatterns.regionOf(arn).equals(region.get())).ifPresent(arn ->
                monitoring.problem("alarmTopicArn", "CloudWatch alarms publish only to a topic in their own region, "
                        + region.get() + "; use a topic there, or null for a topic the stack creates"));
        double api5xx = percent(monitoring, "api5xxPercent", "5xx").orElse(defaults.api5xxPercent());
        double api4xx = percent(monitoring, "api4xxPercent", "4xx").orElse(defaults.api4xxPercent());
        int p99 = monitoring.wholeNumber("p99LatencyMs", MonitoringSettings.MIN_P99_LATENCY_MS,
                MonitoringSettings.MAX_P99_LATENCY_MS, "set a whole number of milliseconds from "
                        + MonitoringSettings.MIN_P99_LATENCY_MS + " to " + MonitoringSettings.MAX_P99_LATENCY_MS
                        + " (below it a healthy API breaches the alarm; API Gateway ends a request after 29 seconds)")
                .orElse(defaults.p99LatencyMs());
        double utilization = monitoring.number("campaignUtilizationPercent", 1, 100, "set a number from 1 to 100, "
                + "the percentage of a campaign's minProvisionedTPS in use that raises the alarm (above 100 "
                + "Personalize scales the campaign up and bills the extra)")
                .orElse(defaults.campaignUtilizationPercent());
        int idleHours = monitoring.wholeNumber("idleCampaignHours", 1, MonitoringSettings.MAX_IDLE_CAMPAIGN_HOURS,
                "set a whole number of hours from 1 to " + MonitoringSettings.MAX_IDLE_CAMPAIGN_HOURS + " without a "
                        + "request to a campaign that raises the idle-campaign alarm (CloudWatch evaluates 7 days at "
                        + "most)").orElse(defaults.idleCampaignHours());
        if (problems.size() > before) {
            return null;
        }
        return new MonitoringSettings(email, topic, api5xx, api4xx, p99, utilization, idleHours);
    }

    private static Optional<Double> percent(ConfigNode monitoring, String key, String errors) {
        return monitoring.number(key, Double.MIN_VALUE, 100, "set a number above 0 and at most 100, the percentage of "
                + "the API's requests answered with a " + errors + " status that raises the alarm");
    }
}
