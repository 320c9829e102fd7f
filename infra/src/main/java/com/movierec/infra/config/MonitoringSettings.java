package com.movierec.infra.config;

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
public record MonitoringSettings(Optional<String> alarmEmail, Optional<String> alarmTopicArn, double api5xxPercent,
                                 double api4xxPercent, int p99LatencyMs, double campaignUtilizationPercent,
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

    public MonitoringSettings {
        alarmEmail.filter(email -> !EMAIL.matcher(email).matches()).ifPresent(email -> {
            throw new IllegalArgumentException("alarmEmail \"" + email + "\" is not an email address");
        });
        alarmTopicArn.filter(arn -> !TOPIC_ARN.matcher(arn).matches()).ifPresent(arn -> {
            throw new IllegalArgumentException("alarmTopicArn \"" + arn + "\" is not the ARN of a standard SNS topic");
        });
        if (!isPercent(api5xxPercent) || !isPercent(api4xxPercent)) {
            throw new IllegalArgumentException("the API's error thresholds are " + api5xxPercent + "% and "
                    + api4xxPercent + "%: use more than 0 and at most 100");
        }
        if (p99LatencyMs < MIN_P99_LATENCY_MS || p99LatencyMs > MAX_P99_LATENCY_MS) {
            throw new IllegalArgumentException("p99LatencyMs is " + p99LatencyMs + ": use " + MIN_P99_LATENCY_MS
                    + " to " + MAX_P99_LATENCY_MS);
        }
        if (campaignUtilizationPercent < 1 || campaignUtilizationPercent > 100) {
            throw new IllegalArgumentException("campaignUtilizationPercent is " + campaignUtilizationPercent
                    + ": use 1 to 100");
        }
        if (idleCampaignHours < 1 || idleCampaignHours > MAX_IDLE_CAMPAIGN_HOURS) {
            throw new IllegalArgumentException("idleCampaignHours is " + idleCampaignHours + ": use 1 to "
                    + MAX_IDLE_CAMPAIGN_HOURS);
        }
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
