package com.movierec.local.deployer.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The metrics table bin/run prints, and user personalization's gain over popularity. */
class MetricsTableTest {
    private static ServedModelMetrics served(String campaign, String recipe, double ndcg) {
        return new ServedModelMetrics(campaign, recipe, "arn:" + campaign, Map.of(
                ServedModelMetrics.NDCG_AT_10, ndcg, ServedModelMetrics.PRECISION_AT_10, 0.1,
                ServedModelMetrics.MRR_AT_25, 0.3, ServedModelMetrics.COVERAGE, 0.25));
    }

    @Test
    void printsOneRowPerCampaignAndTheGainAboveTheBar() {
        String table = MetricsTable.format(List.of(served("pop", "aws-popularity-count", 0.1),
                served("up", "aws-user-personalization-v2", 0.18)));

        assertThat(table).contains("pop       aws-popularity-count           0.1000")
                .contains("up        aws-user-personalization-v2    0.1800        0.1000   0.3000    0.2500")
                .contains("User personalization's NDCG@10 is 1.80x popularity count's (above the bar; the bar is 1.6x).");
    }

    @Test
    void saysWhenUserPersonalizationIsBelowTheBar() {
        String table = MetricsTable.format(List.of(served("pop", "aws-popularity-count", 0.1),
                served("up", "aws-user-personalization-v2", 0.15)));

        assertThat(table).contains("is 1.50x popularity count's (BELOW the bar");
    }

    @Test
    void hasNoGainWithoutBothRecipesOrWithAZeroBaseline() {
        assertThat(MetricsTable.gain(List.of(served("up", "aws-user-personalization-v2", 0.2)))).isEmpty();
        assertThat(MetricsTable.gain(List.of(served("pop", "aws-popularity-count", 0.0),
                served("up", "aws-user-personalization-v2", 0.2)))).isEmpty();
        assertThat(MetricsTable.format(List.of(new ServedModelMetrics("x", "aws-sims", "arn", Map.of()))))
                .contains("x         aws-sims         -             -        -         -").doesNotContain("NDCG@10 is");
    }
}
