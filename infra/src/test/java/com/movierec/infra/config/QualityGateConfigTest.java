package com.movierec.infra.config;

import static com.movierec.infra.config.ConfigTesting.DEV;
import static com.movierec.infra.config.ConfigTesting.dev;
import static com.movierec.infra.config.ConfigTesting.envProblems;
import static com.movierec.infra.config.ConfigTesting.environment;
import static com.movierec.infra.config.ConfigTesting.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QualityGateConfigTest {
    private static final String NDCG_10 = "normalized_discounted_cumulative_gain_at_10";
    private static final String METRICS = "coverage, mean_reciprocal_rank_at_25, "
            + "normalized_discounted_cumulative_gain_at_5, normalized_discounted_cumulative_gain_at_10, "
            + "normalized_discounted_cumulative_gain_at_25, precision_at_5, precision_at_10, precision_at_25";
    private static final String MINIMUM_FIX = ": set a number from 0 to 1, the lowest value the new solution version "
            + "may score (0 checks only maxRegression).";
    private static final String MAX_REGRESSION_FIX = ": set a number from 0 to 1, the largest relative drop of each "
            + "gated metric against the version the campaign serves (0.05: at most 5% lower), or null for no "
            + "regression check.";

    @Test
    void readsAGatePerSlotWithEveryOfflineMetric() {
        Map<String, Object> minimums = json("coverage", 0.1, "mean_reciprocal_rank_at_25", 0.2,
                "normalized_discounted_cumulative_gain_at_5", 0.3, NDCG_10, 0.4,
                "normalized_discounted_cumulative_gain_at_25", 0.5, "precision_at_5", 0.06, "precision_at_10", 0.07,
                "precision_at_25", 0.08);
        QualityGateSettings gate = dev(Map.of("qualityGate", Map.of(
                "userPersonalization", Map.of("minimums", minimums, "maxRegression", 0.05),
                "relatedItems", json("minimums", Map.of("coverage", 0.2), "maxRegression", null),
                "popularity", Map.of("minimums", Map.of(NDCG_10, 0)),
                "ranking", Map.of("minimums", Map.of("precision_at_10", 1), "maxRegression", 1)))).qualityGate();

        assertThat(gate.isEmpty()).isFalse();
        QualityGateSettings.SlotGate user = gate.gate(RecipeSlot.USER_PERSONALIZATION).orElseThrow();
        assertThat(user.gatedMetrics()).as("in the order of the documentation")
                .containsExactlyElementsOf(QualityGateSettings.OFFLINE_METRICS);
        assertThat(user.minimums()).containsEntry("mean_reciprocal_rank_at_25", 0.2).containsEntry(NDCG_10, 0.4);
        assertThat(user.maxRegression()).contains(0.05);
        assertThat(gate.gate(RecipeSlot.RELATED_ITEMS)).contains(new QualityGateSettings.SlotGate(
                Map.of("coverage", 0.2), Optional.empty()));
        assertThat(gate.gate(RecipeSlot.POPULARITY)).contains(new QualityGateSettings.SlotGate(
                Map.of(NDCG_10, 0.0), Optional.empty()));
        assertThat(gate.gate(RecipeSlot.RANKING)).contains(new QualityGateSettings.SlotGate(
                Map.of("precision_at_10", 1.0), Optional.of(1.0)));
    }

    @Test
    void aNullGateOrSlotGatesNothing() {
        assertThat(dev(json("qualityGate", null)).qualityGate().isEmpty()).isTrue();
        assertThat(dev(Map.of("qualityGate", Map.of())).qualityGate()).isEqualTo(QualityGateSettings.none());
        assertThat(dev(Map.of("qualityGate", json("ranking", null, "popularity", Map.of("minimums",
                Map.of(NDCG_10, 0.01))))).qualityGate().bySlot()).containsOnlyKeys(RecipeSlot.POPULARITY);
    }

    @Test
    void failsIfTheGateIsNotAnObject() {
        assertThat(envProblems(Map.of("qualityGate", List.of()))).containsExactly(DEV + "qualityGate is a list: make "
                + "it an object with a gate per recipe slot, such as {\"userPersonalization\": {\"minimums\": "
                + "{\"normalized_discounted_cumulative_gain_at_10\": 0.05}}}.");
    }

    @Test
    void failsIfASlotIsUnknown() {
        assertThat(envProblems(Map.of("qualityGate", Map.of("personalization", Map.of())))).containsExactly(DEV
                + "qualityGate.personalization is not a known key: use one of popularity, ranking, relatedItems, "
                + "userPersonalization (see infra/README.md).");
    }

    @Test
    void failsIfASlotIsNotAnObject() {
        assertThat(envProblems(Map.of("qualityGate", Map.of("ranking", 0.1)))).containsExactly(DEV + "qualityGate"
                + ".ranking is 0.1: make it an object such as {\"minimums\": "
                + "{\"normalized_discounted_cumulative_gain_at_10\": 0.05}, \"maxRegression\": 0.1}, or null for no "
                + "gate.");
    }

    @Test
    void failsIfAGatedSlotDeploysNoRecipe() {
        assertThat(envProblems(Map.of("recipes", json("popularity", null),
                "qualityGate", Map.of("popularity", Map.of("minimums", Map.of(NDCG_10, 0.04)))))).containsExactly(
                DEV + "qualityGate.popularity is an object: recipes.popularity is null, so there is no popularity "
                        + "solution to gate; remove the gate or deploy a popularity recipe.");
    }

    @Test
    void failsIfASlotKeyIsMisspelt() {
        assertThat(envProblems(Map.of("qualityGate", Map.of("ranking", Map.of("minimums", Map.of(NDCG_10, 0.1),
                "maxRegresion", 0.1))))).containsExactly(DEV + "qualityGate.ranking.maxRegresion is not a known key: "
                + "use one of maxRegression, minimums (see infra/README.md).");
    }

    @Test
    void failsIfASlotGatesNoMetric() {
        String sentence = DEV + "qualityGate.relatedItems gates no metric: list at least one under minimums (a "
                + "minimum of 0 checks only maxRegression), or remove the gate.";
        assertThat(envProblems(Map.of("qualityGate", Map.of("relatedItems", Map.of("maxRegression", 0.1)))))
                .containsExactly(sentence);
        assertThat(envProblems(Map.of("qualityGate", Map.of("relatedItems", Map.of("minimums", Map.of())))))
                .containsExactly(sentence);
        assertThat(envProblems(Map.of("qualityGate", Map.of("relatedItems", json("minimums", null)))))
                .containsExactly(sentence);
    }

    @Test
    void failsIfMinimumsIsNotAnObject() {
        assertThat(envProblems(Map.of("qualityGate", Map.of("userPersonalization", Map.of("minimums",
                List.of(NDCG_10)))))).containsExactly(DEV + "qualityGate.userPersonalization.minimums is a list: make "
                + "it an object of offline metric names to the lowest value allowed, such as "
                + "{\"normalized_discounted_cumulative_gain_at_10\": 0.05}.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ndcg_at_10", "precision_at_20", "Coverage", "mean_reciprocal_rank_at_10",
            "normalized_discounted_cumulative_gain"})
    void failsIfAMetricIsNotAPersonalizeOfflineMetric(String metric) {
        assertThat(envProblems(Map.of("qualityGate", Map.of("userPersonalization", Map.of("minimums",
                Map.of(metric, 0.1)))))).containsExactly(DEV + "qualityGate.userPersonalization.minimums." + metric
                + " is not an offline metric of Amazon Personalize: use one of " + METRICS + ".");
    }

    @ParameterizedTest
    @ValueSource(doubles = {-0.01, 1.01, 5})
    void failsIfAMinimumIsOutsideZeroToOne(double minimum) {
        assertThat(envProblems(Map.of("qualityGate", Map.of("ranking", Map.of("minimums",
                Map.of("precision_at_5", minimum)))))).containsExactly(DEV + "qualityGate.ranking.minimums"
                + ".precision_at_5 is " + ConfigProblem.show(minimum) + MINIMUM_FIX);
    }

    @Test
    void failsIfAMinimumIsNotANumber() {
        assertThat(envProblems(Map.of("qualityGate", Map.of("ranking", Map.of("minimums",
                Map.of("precision_at_5", "0.1")))))).containsExactly(DEV + "qualityGate.ranking.minimums"
                + ".precision_at_5 is \"0.1\"" + MINIMUM_FIX);
    }

    @ParameterizedTest
    @ValueSource(doubles = {-0.05, 1.5})
    void failsIfMaxRegressionIsOutsideZeroToOne(double maxRegression) {
        assertThat(envProblems(Map.of("qualityGate", Map.of("popularity", Map.of("minimums", Map.of("coverage", 0),
                "maxRegression", maxRegression))))).containsExactly(DEV + "qualityGate.popularity.maxRegression is "
                + ConfigProblem.show(maxRegression) + MAX_REGRESSION_FIX);
    }

    @Test
    void failsIfMaxRegressionIsAPercentString() {
        assertThat(envProblems(Map.of("qualityGate", Map.of("popularity", Map.of("minimums", Map.of("coverage", 0),
                "maxRegression", "5%"))))).containsExactly(DEV + "qualityGate.popularity.maxRegression is \"5%\""
                + MAX_REGRESSION_FIX);
    }

    @Test
    void reportsEachWrongMetricOfAGate() {
        assertThat(envProblems(Map.of("qualityGate", Map.of("userPersonalization", Map.of("minimums",
                Map.of("ndcg", 0.1, "precision_at_10", 2), "maxRegression", -1))))).containsExactly(
                DEV + "qualityGate.userPersonalization.minimums.ndcg is not an offline metric of Amazon Personalize: "
                        + "use one of " + METRICS + ".",
                DEV + "qualityGate.userPersonalization.minimums.precision_at_10 is 2" + MINIMUM_FIX,
                DEV + "qualityGate.userPersonalization.maxRegression is -1" + MAX_REGRESSION_FIX);
    }

    @Test
    void aSlotGateChecksItsOwnValues() {
        assertThatThrownBy(() -> new QualityGateSettings.SlotGate(Map.of(), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new QualityGateSettings.SlotGate(Map.of("ndcg", 0.1), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ndcg");
        assertThatThrownBy(() -> new QualityGateSettings.SlotGate(Map.of(NDCG_10, 1.1), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new QualityGateSettings.SlotGate(Map.of(NDCG_10, 0.1), Optional.of(-0.1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anEnvironmentCannotGateASlotItDoesNotDeploy() {
        RecipeSelection rankingOnly = new RecipeSelection(Map.of(RecipeSlot.RANKING,
                Recipe.PERSONALIZED_RANKING_V2));
        QualityGateSettings popularity = new QualityGateSettings(Map.of(RecipeSlot.POPULARITY,
                new QualityGateSettings.SlotGate(Map.of(NDCG_10, 0.1), Optional.empty())));

        assertThatThrownBy(() -> environment(rankingOnly, false, popularity, MonitoringSettings.defaults(),
                RetrainingSettings.none(), BatchRecommendationSettings.defaults()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("popularity");
    }
}
