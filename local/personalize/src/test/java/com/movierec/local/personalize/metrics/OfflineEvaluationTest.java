package com.movierec.local.personalize.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.movierec.local.personalize.Fixtures;
import com.movierec.local.personalize.data.Interactions;
import com.movierec.local.personalize.data.ItemCatalog;
import com.movierec.local.personalize.recipe.Recipe;
import com.movierec.local.personalize.recipe.TrainingOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class OfflineEvaluationTest {
    private final TrainingOptions options = TrainingOptions.defaults();

    /**
     * 20 users watch p, a, b in that order and 10 watch p, c, d: the newest item always follows from the rest.
     * 40 more users watched only q, the most popular item, and unrelated to everything else.
     */
    private static Interactions predictable() {
        List<String> lines = new ArrayList<>();
        for (int u = 0; u < 40; u++) {
            lines.add("q" + u + ": q");
        }
        for (int u = 0; u < 20; u++) {
            lines.add("ab" + u + ": p a b");
        }
        for (int u = 0; u < 10; u++) {
            lines.add("cd" + u + ": p c d");
        }
        return Fixtures.interactions(lines.toArray(String[]::new));
    }

    @ParameterizedTest
    @EnumSource(value = Recipe.class, names = {"USER_PERSONALIZATION_V2", "PERSONALIZED_RANKING_V2", "SIMS",
            "SIMILAR_ITEMS"})
    void aModelThatLearnsFindsThePredictableNextItemFirst(Recipe recipe) {
        // EASE's default lambda suits thousands of users; with 70 it would drown the co-occurrence counts.
        Map<String, Double> m = OfflineEvaluation.evaluate(recipe, predictable(), ItemCatalog.empty(),
                options.withEaseLambda(5));

        assertThat(m.get("mean_reciprocal_rank_at_25")).isEqualTo(1.0);
        assertThat(m.get("normalized_discounted_cumulative_gain_at_10")).isEqualTo(1.0);
        assertThat(m.get("precision_at_5")).isCloseTo(0.2, within(1e-12));
    }

    @Test
    void popularityPutsTheUnrelatedPopularItemFirstAndSoMisses() {
        Map<String, Double> personal = OfflineEvaluation.evaluate(Recipe.USER_PERSONALIZATION_V2, predictable(),
                ItemCatalog.empty(), options);
        Map<String, Double> popular = OfflineEvaluation.evaluate(Recipe.POPULARITY_COUNT, predictable(),
                ItemCatalog.empty(), options);

        assertThat(popular.get("mean_reciprocal_rank_at_25")).isLessThanOrEqualTo(0.5);
        assertThat(popular.get("normalized_discounted_cumulative_gain_at_10"))
                .isLessThan(personal.get("normalized_discounted_cumulative_gain_at_10"));
    }

    @ParameterizedTest
    @EnumSource(Recipe.class)
    void reportsPersonalizesEightMetricsBetweenZeroAndOne(Recipe recipe) {
        Map<String, Double> m = OfflineEvaluation.evaluate(recipe, Fixtures.random(11, 400, 120), ItemCatalog.empty(),
                options);

        assertThat(m.keySet()).containsExactlyElementsOf(OfflineEvaluation.METRIC_NAMES);
        assertThat(m.values()).allSatisfy(v -> assertThat(v).isBetween(0.0, 1.0));
        assertThat(m.get("coverage")).isPositive();
    }

    @Test
    void countsTheItemsDatasetInTheCoverageDenominator() {
        ItemCatalog.Builder catalog = ItemCatalog.builder();
        for (int i = 0; i < 95; i++) {
            catalog.item("never-watched-" + i, "Obscure " + i, "Drama", null);
        }

        Map<String, Double> alone = OfflineEvaluation.evaluate(Recipe.POPULARITY_COUNT, predictable(),
                ItemCatalog.empty(), options);
        Map<String, Double> withCatalog = OfflineEvaluation.evaluate(Recipe.POPULARITY_COUNT, predictable(),
                catalog.build(), options);

        assertThat(withCatalog.get("coverage")).isCloseTo(alone.get("coverage") * 6 / 101, within(1e-12));
    }

    @Test
    void refusesDataWhereNoUserCanBeHeldOut() {
        assertThatThrownBy(() -> OfflineEvaluation.evaluate(Recipe.POPULARITY_COUNT,
                Fixtures.interactions("a: x", "b: y"), ItemCatalog.empty(), options))
                .hasMessageContaining("2 or more interactions");
    }
}
