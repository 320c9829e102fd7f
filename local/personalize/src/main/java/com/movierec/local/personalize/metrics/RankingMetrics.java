package com.movierec.local.personalize.metrics;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Accumulates Personalize's offline metrics over queries, with its definitions: precision_at_K = relevant items in
 * the top K / K; normalized_discounted_cumulative_gain_at_K = the sum of 1/log(1 + position) over relevant items in
 * the top K, divided by the same sum for an ideal list (min(K, |relevant|) relevant items on top);
 * mean_reciprocal_rank_at_25 = 1 / the position of the first relevant item in the top 25, else 0; each averaged
 * over queries. coverage = distinct items recommended by any query / the catalogue size.
 */
final class RankingMetrics {
    static final int[] CUTOFFS = {5, 10, 25};
    /** The list length each query asks for: the largest cutoff. */
    static final int LIST_LENGTH = 25;

    private final double[] precision = new double[CUTOFFS.length];
    private final double[] ndcg = new double[CUTOFFS.length];
    private double reciprocalRank;
    private int queries;
    private final Set<String> recommended = new HashSet<>();

    /** Scores one query: its recommendations, best first, against the items the user really chose. */
    void add(List<String> recommendations, Set<String> relevant) {
        queries++;
        recommended.addAll(recommendations.subList(0, Math.min(LIST_LENGTH, recommendations.size())));
        for (int c = 0; c < CUTOFFS.length; c++) {
            int k = CUTOFFS[c];
            int hits = 0;
            double dcg = 0;
            for (int pos = 1; pos <= Math.min(k, recommendations.size()); pos++) {
                if (relevant.contains(recommendations.get(pos - 1))) {
                    hits++;
                    dcg += discount(pos);
                }
            }
            double ideal = 0;
            for (int pos = 1; pos <= Math.min(k, relevant.size()); pos++) {
                ideal += discount(pos);
            }
            precision[c] += (double) hits / k;
            ndcg[c] += ideal == 0 ? 0 : dcg / ideal;
        }
        for (int pos = 1; pos <= Math.min(LIST_LENGTH, recommendations.size()); pos++) {
            if (relevant.contains(recommendations.get(pos - 1))) {
                reciprocalRank += 1.0 / pos;
                break;
            }
        }
    }

    int queries() {
        return queries;
    }

    /** The eight metrics under Personalize's names, averaged over the queries added. */
    Map<String, Double> result(int catalogueSize) {
        Map<String, Double> out = new LinkedHashMap<>();
        out.put("coverage", catalogueSize == 0 ? 0 : (double) recommended.size() / catalogueSize);
        out.put("mean_reciprocal_rank_at_25", mean(reciprocalRank));
        for (int c = 0; c < CUTOFFS.length; c++) {
            out.put("normalized_discounted_cumulative_gain_at_" + CUTOFFS[c], mean(ndcg[c]));
        }
        for (int c = 0; c < CUTOFFS.length; c++) {
            out.put("precision_at_" + CUTOFFS[c], mean(precision[c]));
        }
        return out;
    }

    private double mean(double sum) {
        return queries == 0 ? 0 : sum / queries;
    }

    /** Personalize's weight 1/log(1 + position); the log's base cancels in the ratio, base 2 is customary. */
    private static double discount(int position) {
        return 1 / (Math.log(1 + position) / Math.log(2));
    }
}
