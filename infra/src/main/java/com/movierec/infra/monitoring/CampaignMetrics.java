package com.movierec.infra.monitoring;

import com.movierec.infra.config.RecipeSlot;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.MathExpression;
import software.amazon.awscdk.services.cloudwatch.Metric;

/**
 * One campaign's {@code AWS/Personalize} metrics (dimension {@code CampaignArn}). The ranking campaign answers
 * GetPersonalizedRanking, the others GetRecommendations; Personalize counts each operation's successful calls in a
 * metric of the operation's name, with the Sum statistic only.
 *
 * @param slot              which campaign
 * @param campaignArn       its ARN, built from its name
 * @param minProvisionedTps what it is provisioned, and billed, for
 */
record CampaignMetrics(RecipeSlot slot, String campaignArn, int minProvisionedTps) {
    static final String NAMESPACE = "AWS/Personalize";

    /** The operation the API calls this campaign with, and the name of the metric counting its calls. */
    String operation() {
        return slot == RecipeSlot.RANKING ? "GetPersonalizedRanking" : "GetRecommendations";
    }

    /** Successful calls per period. */
    Metric requests(Duration period) {
        return metric(operation(), "Sum", period, slot.configKey() + " requests");
    }

    /** The operation's latency, errors excluded. */
    Metric latency(Duration period) {
        return metric(operation() + "Latency", "Average", period, slot.configKey());
    }

    /** Requests per second over the period. */
    MathExpression requestsPerSecond(Duration period) {
        return expression(id() + " / PERIOD(" + id() + ")", period, slot.configKey());
    }

    /**
     * Requests per second over the period in percent of minProvisionedTPS; above 100 Personalize scales the campaign
     * up and bills the actual TPS.
     */
    MathExpression utilization(Duration period) {
        return expression("100 * " + id() + " / (PERIOD(" + id() + ") * " + minProvisionedTps + ")", period,
                slot.configKey() + " (% of " + minProvisionedTps + " TPS)");
    }

    /** The requests' id in expressions: the slot's config key, unique on a graph of every campaign. */
    private String id() {
        return slot.configKey();
    }

    private MathExpression expression(String expression, Duration period, String label) {
        return MathExpression.Builder.create()
                .expression(expression)
                .usingMetrics(Map.of(id(), requests(period)))
                .label(label)
                .period(period)
                .build();
    }

    private Metric metric(String metricName, String statistic, Duration period, String label) {
        return Metric.Builder.create()
                .namespace(NAMESPACE)
                .metricName(metricName)
                .dimensionsMap(Map.of("CampaignArn", campaignArn))
                .statistic(statistic)
                .period(period)
                .label(label)
                .build();
    }
}
