package com.movierec.infra.config;

import static com.movierec.infra.config.ConfigTesting.DEV;
import static com.movierec.infra.config.ConfigTesting.dev;
import static com.movierec.infra.config.ConfigTesting.envProblems;
import static com.movierec.infra.config.ConfigTesting.environment;
import static com.movierec.infra.config.ConfigTesting.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class MonitoringSettingsTest {
    private static final String TOPIC = "arn:aws:sns:eu-west-1:123456789012:movierec-alarms";
    private static final String EMAIL_FIX = ": set an email address such as \"ops@example.com\" to subscribe to the "
            + "alarm topic, or null for no subscription.";
    private static final String TOPIC_FIX = ": set the ARN of a standard SNS topic, arn:aws:sns:<region>:<12-digit "
            + "account>:<name> (CloudWatch alarms cannot publish to FIFO topics), or null for a topic the stack "
            + "creates.";

    @Test
    void defaultsToATopicWithoutSubscriptionAndTheIssuesThresholds() {
        assertThat(dev(Map.of()).monitoring()).isEqualTo(new MonitoringSettings(Optional.empty(), Optional.empty(),
                1, 10, 1500, 80, 24));
        assertThat(dev(Map.of("monitoring", Map.of())).monitoring()).isEqualTo(MonitoringSettings.defaults());
        assertThat(dev(Map.of("monitoring", json("alarmEmail", null, "alarmTopicArn", null))).monitoring())
                .isEqualTo(MonitoringSettings.defaults());
    }

    @Test
    void readsEverySetting() {
        MonitoringSettings monitoring = dev(Map.of("region", "eu-west-1", "monitoring", Map.of(
                "alarmEmail", "ops+movierec@example.co.uk", "alarmTopicArn", TOPIC, "api5xxPercent", 0.5,
                "api4xxPercent", 25, "p99LatencyMs", 800, "campaignUtilizationPercent", 90.5,
                "idleCampaignHours", 72))).monitoring();

        assertThat(monitoring).isEqualTo(new MonitoringSettings(Optional.of("ops+movierec@example.co.uk"),
                Optional.of(TOPIC), 0.5, 25, 800, 90.5, 72));
        assertThat(monitoring.alarmTopicRegion()).contains("eu-west-1");
    }

    @Test
    void acceptsTheEndsOfEveryRange() {
        MonitoringSettings low = dev(Map.of("monitoring", Map.of("api5xxPercent", 0.001, "api4xxPercent", 0.001,
                "p99LatencyMs", 100, "campaignUtilizationPercent", 1, "idleCampaignHours", 1))).monitoring();
        MonitoringSettings high = dev(Map.of("monitoring", Map.of("api5xxPercent", 100, "api4xxPercent", 100,
                "p99LatencyMs", 29000, "campaignUtilizationPercent", 100, "idleCampaignHours", 168))).monitoring();

        assertThat(low).isEqualTo(new MonitoringSettings(Optional.empty(), Optional.empty(), 0.001, 0.001, 100, 1, 1));
        assertThat(high).isEqualTo(new MonitoringSettings(Optional.empty(), Optional.empty(), 100, 100, 29000, 100,
                168));
    }

    @ParameterizedTest
    @ValueSource(strings = {"arn:aws:sns:us-east-1:123456789012:alarms", "arn:aws-cn:sns:cn-north-1:123456789012:a",
            "arn:aws-us-gov:sns:us-gov-west-1:123456789012:ops_alarms-1"})
    void acceptsStandardTopicsOfEveryPartitionWhenTheEnvironmentNamesNoRegion(String arn) {
        assertThat(dev(Map.of("monitoring", Map.of("alarmTopicArn", arn))).monitoring().alarmTopicArn()).contains(arn);
    }

    @Test
    void failsIfMonitoringIsNull() {
        assertThat(envProblems(json("monitoring", null))).containsExactly(DEV + "monitoring is null: set the alarms' "
                + "settings as an object, or leave the key out for the defaults (the alarms cannot be switched off).");
    }

    @Test
    void failsIfMonitoringIsNotAnObject() {
        assertThat(envProblems(Map.of("monitoring", "ops@example.com"))).containsExactly(DEV + "monitoring is "
                + "\"ops@example.com\": make it an object such as {\"alarmEmail\": \"ops@example.com\"}.");
    }

    @Test
    void failsIfAKeyIsMisspelt() {
        assertThat(envProblems(Map.of("monitoring", Map.of("email", "ops@example.com")))).containsExactly(DEV
                + "monitoring.email is not a known key: use one of alarmEmail, alarmTopicArn, api4xxPercent, "
                + "api5xxPercent, campaignUtilizationPercent, idleCampaignHours, p99LatencyMs (see infra/README.md).");
    }

    @Test
    void failsIfAlarmEmailIsAList() {
        assertThat(envProblems(Map.of("monitoring", Map.of("alarmEmail", List.of("ops@example.com")))))
                .containsExactly(DEV + "monitoring.alarmEmail is a list" + EMAIL_FIX);
    }

    @Test
    void failsIfTheAlarmTopicIsInAnotherRegion() {
        String arn = "arn:aws:sns:us-east-1:123456789012:alarms";
        assertThat(envProblems(Map.of("region", "eu-west-1", "monitoring", Map.of("alarmTopicArn", arn))))
                .containsExactly(DEV + "monitoring.alarmTopicArn is \"" + arn + "\": CloudWatch alarms publish only "
                        + "to a topic in their own region, eu-west-1; use a topic there, or null for a topic the stack "
                        + "creates.");
    }

    static Stream<Arguments> invalidValues() {
        Stream<Arguments> emails = Stream.of("ops", "ops@", "@example.com", "ops@example", "ops example@example.com",
                "mailto:ops@example.com", "").map(email -> arguments("alarmEmail", email, EMAIL_FIX));
        Stream<Arguments> topics = Stream.of("movierec-alarms", "arn:aws:sns:eu-west-1:123456789012:alarms.fifo",
                "arn:aws:sqs:eu-west-1:123456789012:alarms", "arn:aws:sns:eu-west-1:1234:alarms",
                "arn:aws:sns:eu-west-1:123456789012:", "arn:aws:sns::123456789012:alarms")
                .map(arn -> arguments("alarmTopicArn", arn, TOPIC_FIX));
        return Stream.of(emails, topics, outOfRangeThresholds()).flatMap(arguments -> arguments);
    }

    private static Stream<Arguments> outOfRangeThresholds() {
        String errors = ": set a number above 0 and at most 100, the percentage of the API's requests answered with a "
                + "%s status that raises the alarm.";
        String latency = ": set a whole number of milliseconds from 100 to 29000 (below it a healthy API breaches the "
                + "alarm; API Gateway ends a request after 29 seconds).";
        String utilization = ": set a number from 1 to 100, the percentage of a campaign's minProvisionedTPS in use "
                + "that raises the alarm (above 100 Personalize scales the campaign up and bills the extra).";
        String idle = ": set a whole number of hours from 1 to 168 without a request to a campaign that raises the "
                + "idle-campaign alarm (CloudWatch evaluates 7 days at most).";
        return Stream.of(
                arguments("api5xxPercent", 0, errors.formatted("5xx")),
                arguments("api5xxPercent", -1, errors.formatted("5xx")),
                arguments("api5xxPercent", 100.5, errors.formatted("5xx")),
                arguments("api4xxPercent", 0, errors.formatted("4xx")),
                arguments("api4xxPercent", 100.01, errors.formatted("4xx")),
                arguments("p99LatencyMs", 99, latency),
                arguments("p99LatencyMs", 29001, latency),
                arguments("p99LatencyMs", 1500.5, latency),
                arguments("campaignUtilizationPercent", 0.5, utilization),
                arguments("campaignUtilizationPercent", 100.1, utilization),
                arguments("idleCampaignHours", 0, idle),
                arguments("idleCampaignHours", 169, idle),
                arguments("idleCampaignHours", 12.5, idle));
    }

    /** Malformed addresses, and thresholds out of range or (where whole numbers are asked for) not whole. */
    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("invalidValues")
    void failsIfAValueIsInvalid(String key, Object value, String fix) {
        assertThat(envProblems(Map.of("monitoring", Map.of(key, value)))).containsExactly(DEV + "monitoring." + key
                + " is " + ConfigProblem.show(value) + fix);
    }

    @Test
    void failsIfAThresholdIsAString() {
        assertThat(envProblems(Map.of("monitoring", Map.of("api5xxPercent", "1%")))).singleElement().asString()
                .startsWith(DEV + "monitoring.api5xxPercent is \"1%\": set a number above 0");
    }

    @Test
    void theSettingsCheckTheirOwnValues() {
        MonitoringSettings defaults = MonitoringSettings.defaults();
        assertThatThrownBy(() -> new MonitoringSettings(Optional.of("ops"), Optional.empty(), 1, 10, 1500, 80, 24))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MonitoringSettings(Optional.empty(), Optional.of("arn:aws:sns:eu-west-1:"
                + "123456789012:a.fifo"), 1, 10, 1500, 80, 24)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MonitoringSettings(Optional.empty(), Optional.empty(), 0, 10, 1500, 80, 24))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MonitoringSettings(Optional.empty(), Optional.empty(), 1, 10, 50, 80, 24))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MonitoringSettings(Optional.empty(), Optional.empty(), 1, 10, 1500, 101, 24))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MonitoringSettings(Optional.empty(), Optional.empty(), 1, 10, 1500, 80, 169))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(defaults.alarmTopicRegion()).isEmpty();
    }

    @Test
    void anEnvironmentCannotAlarmToATopicInAnotherRegion() {
        MonitoringSettings usEast = new MonitoringSettings(Optional.empty(),
                Optional.of("arn:aws:sns:us-east-1:123456789012:alarms"), 1, 10, 1500, 80, 24);

        assertThatThrownBy(() -> environment(RecipeSelection.defaults(), false, QualityGateSettings.none(), usEast,
                RetrainingSettings.none(), BatchRecommendationSettings.defaults()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("us-east-1");
    }
}
