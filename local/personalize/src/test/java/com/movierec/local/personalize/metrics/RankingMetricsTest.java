package com.movierec.local.personalize.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RankingMetricsTest {

    @Test
    void reproducesPersonalizesWorkedExample() {
        // Personalize's documentation: the 2nd and 5th of the recommendations are relevant.
        RankingMetrics metrics = new RankingMetrics();
        metrics.add(List.of("a", "B", "c", "d", "E", "f"), Set.of("B", "E"));

        Map<String, Double> m = metrics.result(10);

        assertThat(m.get("mean_reciprocal_rank_at_25")).isEqualTo(0.5);
        assertThat(m.get("precision_at_5")).isEqualTo(0.4);
        assertThat(m.get("normalized_discounted_cumulative_gain_at_5")).isCloseTo(0.6241, within(0.00005));
    }

    @Test
    void averagesOverQueriesAndCountsCoverageOverAllOfThem() {
        RankingMetrics metrics = new RankingMetrics();
        metrics.add(List.of("x", "y", "z"), Set.of("x"));          // hit at 1
        metrics.add(List.of("y", "z", "w", "q", "x", "v"), Set.of("v")); // hit at 6: only @10 and @25 see it

        Map<String, Double> m = metrics.result(20);

        assertThat(m.get("coverage")).isEqualTo(6 / 20.0); // x y z w q v
        assertThat(m.get("precision_at_5")).isEqualTo((1 / 5.0 + 0) / 2);
        assertThat(m.get("precision_at_10")).isEqualTo((1 / 10.0 + 1 / 10.0) / 2);
        assertThat(m.get("precision_at_25")).isEqualTo((1 / 25.0 + 1 / 25.0) / 2);
        assertThat(m.get("normalized_discounted_cumulative_gain_at_5")).isEqualTo(0.5);
        double atSix = Math.log(2) / Math.log(7); // (1/log 7) / (1/log 2)
        assertThat(m.get("normalized_discounted_cumulative_gain_at_10")).isCloseTo((1 + atSix) / 2, within(1e-12));
        assertThat(m.get("mean_reciprocal_rank_at_25")).isCloseTo((1 + 1 / 6.0) / 2, within(1e-12));
    }

    @Test
    void normalisesByTheIdealListWhenThereAreMoreRelevantItemsThanK() {
        RankingMetrics metrics = new RankingMetrics();
        List<String> all = List.of("1", "2", "3", "4", "5");
        metrics.add(all, Set.of("1", "2", "3", "4", "5", "6", "7"));

        Map<String, Double> m = metrics.result(7);

        assertThat(m.get("normalized_discounted_cumulative_gain_at_5")).isCloseTo(1.0, within(1e-12));
        assertThat(m.get("precision_at_10")).isEqualTo(0.5); // a list shorter than K still divides by K
    }

    @Test
    void namesExactlyPersonalizesEightMetrics() {
        assertThat(new RankingMetrics().result(1).keySet()).containsExactlyElementsOf(OfflineEvaluation.METRIC_NAMES);
    }
}
