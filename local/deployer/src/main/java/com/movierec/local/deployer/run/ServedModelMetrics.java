package com.movierec.local.deployer.run;

import com.movierec.schemas.contract.OfflineMetric;
import java.util.Map;

/**
 * The offline metrics of the solution version a campaign serves, as GetSolutionMetrics returns them.
 *
 * @param campaignName       e.g. {@code movierec-dev-user-personalization-45623678}
 * @param recipe             the recipe's name, e.g. {@code aws-user-personalization-v2}
 * @param solutionVersionArn the version the campaign serves
 * @param metrics            by Personalize's metric names, e.g. {@code normalized_discounted_cumulative_gain_at_10}
 */
public record ServedModelMetrics(String campaignName, String recipe, String solutionVersionArn,
                                 Map<String, Double> metrics) {
    public static final String NDCG_AT_10 = OfflineMetric.NDCG_AT_10.metricName();
    public static final String PRECISION_AT_10 = OfflineMetric.PRECISION_AT_10.metricName();
    public static final String MRR_AT_25 = OfflineMetric.MRR_AT_25.metricName();
    public static final String COVERAGE = OfflineMetric.COVERAGE.metricName();

    public ServedModelMetrics {
        metrics = Map.copyOf(metrics);
    }

    /** The metric, or NaN when the version has none of that name. */
    public double metric(String name) {
        return metrics.getOrDefault(name, Double.NaN);
    }
}
