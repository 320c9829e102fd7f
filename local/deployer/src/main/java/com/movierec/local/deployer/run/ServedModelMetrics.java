package com.movierec.local.deployer.run;

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
    public static final String NDCG_AT_10 = "normalized_discounted_cumulative_gain_at_10";
    public static final String PRECISION_AT_10 = "precision_at_10";
    public static final String MRR_AT_25 = "mean_reciprocal_rank_at_25";
    public static final String COVERAGE = "coverage";

    public ServedModelMetrics {
        metrics = Map.copyOf(metrics);
    }

    /** The metric, or NaN when the version has none of that name. */
    public double metric(String name) {
        return metrics.getOrDefault(name, Double.NaN);
    }
}
