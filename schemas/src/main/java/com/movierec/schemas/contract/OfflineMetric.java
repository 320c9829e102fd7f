package com.movierec.schemas.contract;

import java.util.Arrays;
import java.util.List;

/**
 * The offline metrics GetSolutionMetrics reports, by Personalize's names, in the order its documentation lists them:
 * what a quality gate's {@code minimums} may name (docs/configuration.md), what a
 * {@code Custom::PersonalizeSolutionMetrics} resource reports as attributes, what local mode prints. The client-side
 * half of the contract; personalize-local keeps its own copies on purpose ({@link com.movierec.schemas.contract}).
 */
public enum OfflineMetric {
    COVERAGE("coverage"),
    MRR_AT_25("mean_reciprocal_rank_at_25"),
    NDCG_AT_5("normalized_discounted_cumulative_gain_at_5"),
    NDCG_AT_10("normalized_discounted_cumulative_gain_at_10"),
    NDCG_AT_25("normalized_discounted_cumulative_gain_at_25"),
    PRECISION_AT_5("precision_at_5"),
    PRECISION_AT_10("precision_at_10"),
    PRECISION_AT_25("precision_at_25");

    private static final List<String> NAMES = Arrays.stream(values()).map(OfflineMetric::metricName).toList();

    private final String metricName;

    OfflineMetric(String metricName) {
        this.metricName = metricName;
    }

    /** Every metric's name, in the documentation's order. */
    public static List<String> names() {
        return NAMES;
    }

    /** Personalize's name, e.g. {@code normalized_discounted_cumulative_gain_at_10}. */
    public String metricName() {
        return metricName;
    }
}
