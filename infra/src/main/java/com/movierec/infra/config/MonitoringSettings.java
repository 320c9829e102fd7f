package com.movierec.infra.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The dashboard's alarms of an environment and where they go.
 *
 * @param alarmEmail                 an address subscribed (by email, after it confirms) to the alarm topic; empty for
 *                                   no subscription
 * @param alarmTopicArn              an existing standard SNS topic in the environment's region the alarms publish to;
 *                                   empty for a topic the stack creates
 * @param api5xxPercent              the API's 5xx responses, in percent of its requests, that raise the alarm
 * @param api4xxPercent              the API's 4xx responses, in percent of its requests, that raise the alarm
 * @param p99LatencyMs               the API's p99 latency, in milliseconds, that raises the alarm
 * @param campaignUtilizationPercent a campaign's requests, in percent of its minProvisionedTPS, that raise the alarm
 *                                   (above 100 Personalize scales the campaign up and bills the extra)
 * @param idleCampaignHours          hours without a request to a campaign (billed for minProvisionedTPS all the same)
 *                                   that raise the idle-campaign alarm
 */
public record MonitoringSettings(
        @Fix("set an email address such as \"ops@example.com\" to subscribe to the alarm topic, or null for no "
                + "subscription")
        Optional<String> alarmEmail,
        @Fix("set the ARN of a standard SNS topic, arn:aws:sns:<region>:<12-digit account>:<name> (CloudWatch alarms "
                + "cannot publish to FIFO topics), or null for a topic the stack creates")
        Optional<String> alarmTopicArn,
        @JsonProperty(defaultValue = "" + MonitoringSettings.DEFAULT_API_5XX_PERCENT)
        @Fix(MonitoringSettings.ERRORS_FIX + "5xx status that raises the alarm")
        double api5xxPercent,
        @JsonProperty(defaultValue = "" + MonitoringSettings.DEFAULT_API_4XX_PERCENT)
        @Fix(MonitoringSettings.ERRORS_FIX + "4xx status that raises the alarm")
        double api4xxPercent,
        @JsonProperty(defaultValue = "" + MonitoringSettings.DEFAULT_P99_LATENCY_MS)
        @Fix("set a whole number of milliseconds from " + MonitoringSettings.MIN_P99_LATENCY_MS + " to "
                + MonitoringSettings.MAX_P99_LATENCY_MS + " (below it a healthy API breaches the alarm; API Gateway "
                + "ends a request after 29 seconds)")
        int p99LatencyMs,
        @JsonProperty(defaultValue = "" + MonitoringSettings.DEFAULT_CAMPAIGN_UTILIZATION_PERCENT)
        @Fix("set a number from 1 to 100, the percentage of a campaign's minProvisionedTPS in use that raises the "
                + "alarm (above 100 Personalize scales the campaign up and bills the extra)")
        double campaignUtilizationPercent,
        @JsonProperty(defaultValue = "" + MonitoringSettings.DEFAULT_IDLE_CAMPAIGN_HOURS)
        @Fix("set a whole number of hours from 1 to " + MonitoringSettings.MAX_IDLE_CAMPAIGN_HOURS + " without a "
                + "request to a campaign that raises the idle-campaign alarm (CloudWatch evaluates 7 days at most)")
        int idleCampaignHours) {
    public static final double DEFAULT_API_5XX_PERCENT = 1;
    public static final double DEFAULT_API_4XX_PERCENT = 10;
    public static final int DEFAULT_P99_LATENCY_MS = 1500;
    public static final double DEFAULT_CAMPAIGN_UTILIZATION_PERCENT = 80;
    public static final int DEFAULT_IDLE_CAMPAIGN_HOURS = 24;
    /** Below this a healthy API (Lambda, then GetRecommendations) breaches the alarm. */
    public static final int MIN_P99_LATENCY_MS = 100;
    /** API Gateway ends a request after 29 seconds. */
    public static final int MAX_P99_LATENCY_MS = 29_000;
    /** CloudWatch evaluates an alarm over 7 days at most. */
    public static final int MAX_IDLE_CAMPAIGN_HOURS = 168;

    /** A pragmatic shape check; SNS confirms the address itself. */
    static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");
    /** A standard topic: CloudWatch alarms cannot publish to FIFO topics, whose names end in .fifo. */
    static final Pattern TOPIC_ARN =
            Pattern.compile("arn:" + AwsPatterns.PARTITION_REGEX + ":sns:" + AwsPatterns.REGION_REGEX
                    + ":\\d{12}:[A-Za-z0-9_-]{1,256}");
    private static final String ERRORS_FIX = "set a number above 0 and at most 100, the percentage of the API's "
            + "requests answered with a ";

    public MonitoringSettings {
        ConfigCheck check = new ConfigCheck(MonitoringSettings.class);
        alarmEmail.ifPresent(email -> check.require(EMAIL.matcher(email).matches(), "alarmEmail", email));
        alarmTopicArn.ifPresent(arn -> check.require(TOPIC_ARN.matcher(arn).matches(), "alarmTopicArn", arn));
        check.require(isPercent(api5xxPercent), "api5xxPercent", api5xxPercent)
                .require(isPercent(api4xxPercent), "api4xxPercent", api4xxPercent)
                .require(p99LatencyMs >= MIN_P99_LATENCY_MS && p99LatencyMs <= MAX_P99_LATENCY_MS, "p99LatencyMs",
                        p99LatencyMs)
                .require(campaignUtilizationPercent >= 1 && campaignUtilizationPercent <= 100,
                        "campaignUtilizationPercent", campaignUtilizationPercent)
                .require(idleCampaignHours >= 1 && idleCampaignHours <= MAX_IDLE_CAMPAIGN_HOURS, "idleCampaignHours",
                        idleCampaignHours)
                .done();
    }

    /** No subscription, a topic the stack creates, and the default thresholds. */
    public static MonitoringSettings defaults() {
        return new MonitoringSettings(Optional.empty(), Optional.empty(), DEFAULT_API_5XX_PERCENT,
                DEFAULT_API_4XX_PERCENT, DEFAULT_P99_LATENCY_MS, DEFAULT_CAMPAIGN_UTILIZATION_PERCENT,
                DEFAULT_IDLE_CAMPAIGN_HOURS);
    }

    /** The region of {@link #alarmTopicArn()}, when it is set. */
    public Optional<String> alarmTopicRegion() {
        return alarmTopicArn.map(AwsPatterns::regionOf);
    }

    /** More than 0 and at most 100. */
    static boolean isPercent(double value) {
        return value > 0 && value <= 100;
    }
}
