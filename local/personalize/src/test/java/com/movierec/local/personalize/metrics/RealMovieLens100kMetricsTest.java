package com.movierec.local.personalize.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.movierec.local.personalize.MovieLens100k;
import com.movierec.local.personalize.data.PreparedData;
import com.movierec.local.personalize.recipe.Recipe;
import com.movierec.local.personalize.recipe.Recommendations;
import com.movierec.local.personalize.recipe.TrainedModel;
import com.movierec.local.personalize.recipe.Trainer;
import com.movierec.local.personalize.recipe.TrainingOptions;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Personalize's protocol on the real MovieLens 100K (skipped, saying why, when it is absent): user personalization
 * must beat the popularity baseline by the margin the project promises. Prints the metrics and training times.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RealMovieLens100kMetricsTest {
    private static final String NDCG_10 = "normalized_discounted_cumulative_gain_at_10";

    private final TrainingOptions options = TrainingOptions.defaults();
    private PreparedData data;
    private Map<String, Double> personal;
    private Map<String, Double> popular;

    /** Per test rather than per class, so that each test reports the skip and its reason. */
    @BeforeEach
    void evaluateBothRecipesOnce() {
        data = MovieLens100k.loadOrSkip();
        if (personal != null) {
            return;
        }
        personal = timed("evaluate aws-user-personalization-v2", () ->
                OfflineEvaluation.evaluate(Recipe.USER_PERSONALIZATION_V2, data.interactions(), data.items(), options));
        popular = timed("evaluate aws-popularity-count", () ->
                OfflineEvaluation.evaluate(Recipe.POPULARITY_COUNT, data.interactions(), data.items(), options));
        System.out.println("ML-100K aws-user-personalization-v2 (EASE): " + personal);
        System.out.println("ML-100K aws-popularity-count:              " + popular);
    }

    @Test
    void userPersonalizationBeatsPopularityByAtLeastSixtyPercentOnNdcgAt10() {
        double ratio = personal.get(NDCG_10) / popular.get(NDCG_10);
        System.out.printf(Locale.ROOT, "ML-100K NDCG@10: user personalization %.4f, popularity %.4f, ratio %.2fx%n",
                personal.get(NDCG_10), popular.get(NDCG_10), ratio);

        assertThat(ratio).isGreaterThanOrEqualTo(1.6);
    }

    @Test
    void reportsAllEightMetricsWithinZeroAndOne() {
        for (Map<String, Double> metrics : List.of(personal, popular)) {
            assertThat(metrics.keySet()).containsExactlyElementsOf(OfflineEvaluation.METRIC_NAMES);
            assertThat(metrics.values()).allSatisfy(v -> assertThat(v).isBetween(0.0, 1.0));
        }
        assertThat(personal.get("coverage")).isGreaterThan(popular.get("coverage"));
    }

    @Test
    void everyRecipeTrainsOnTheFullDataAndAnswersWithAFullList() {
        List<String> history = List.of("1", "50", "181"); // Toy Story, Star Wars, Return of the Jedi
        for (Recipe recipe : Recipe.values()) {
            TrainedModel model = timed("train " + recipe.recipeName(),
                    () -> Trainer.train(recipe, data.interactions(), data.items(), options));
            Recommendations answer = switch (recipe.type()) {
                case USER_PERSONALIZATION -> model.recommend(history, 25, item -> !history.contains(item));
                case RELATED_ITEMS -> model.similarItems("50", 25, item -> true);
                case PERSONALIZED_RANKING -> model.rank(history, data.interactions().items().ids(), item -> true);
            };
            assertThat(answer.items()).as(recipe.recipeName()).hasSizeGreaterThanOrEqualTo(25);
            assertThat(answer.coldStart()).isFalse();
        }
    }

    private static <T> T timed(String what, java.util.function.Supplier<T> work) {
        long start = System.nanoTime();
        T result = work.get();
        System.out.printf(Locale.ROOT, "ML-100K %s: %.2f s%n", what, (System.nanoTime() - start) / 1e9);
        return result;
    }
}
