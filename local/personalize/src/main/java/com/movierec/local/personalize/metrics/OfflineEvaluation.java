package com.movierec.local.personalize.metrics;

import com.movierec.local.personalize.data.Interactions;
import com.movierec.local.personalize.data.ItemCatalog;
import com.movierec.local.personalize.recipe.Recipe;
import com.movierec.local.personalize.recipe.Recommendations;
import com.movierec.local.personalize.recipe.TrainedModel;
import com.movierec.local.personalize.recipe.Trainer;
import com.movierec.local.personalize.recipe.TrainingOptions;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * GetSolutionMetrics: Personalize's offline metrics for a recipe, by Personalize's protocol (see
 * {@link HoldoutSplit}): a model trained without the held-out users' newest 10% is queried once per held-out user
 * for {@value RankingMetrics#LIST_LENGTH} items, and {@link RankingMetrics} compares the answers with those
 * newest items.
 *
 * <p>The query per recipe type:
 * <ul>
 *   <li>USER_PERSONALIZATION: GetRecommendations for the user's input history.</li>
 *   <li>RELATED_ITEMS: GetRecommendations for the newest input item (what a "more like this" widget would show
 *       next to it).</li>
 *   <li>PERSONALIZED_RANKING: GetPersonalizedRanking of the whole catalogue for the user's input history, top of
 *       the list. Personalize documents one protocol for all these recipe types and no sampled candidate list, and
 *       sampled metrics rank models inconsistently (Krichene and Rendle, KDD 2020), so none is sampled here; a
 *       ranking model thus scores what its user-personalization twin scores.</li>
 * </ul>
 * Every query excludes the user's input items, as this project's campaigns are queried (with an exclude-watched
 * filter): the ground truth never holds them, so showing them again could only waste places in the list.
 */
public final class OfflineEvaluation {
    /** The metric names GetSolutionMetrics returns, in the order {@link #evaluate} puts them. */
    public static final List<String> METRIC_NAMES = List.of("coverage", "mean_reciprocal_rank_at_25",
            "normalized_discounted_cumulative_gain_at_5", "normalized_discounted_cumulative_gain_at_10",
            "normalized_discounted_cumulative_gain_at_25", "precision_at_5", "precision_at_10", "precision_at_25");

    private OfflineEvaluation() {
    }

    /**
     * Trains {@code recipe} on the split and measures it.
     *
     * @param catalog the Items dataset; its items count towards the coverage denominator, with every item that
     *                has interactions ("unique items in the interactions and items datasets")
     * @return {@link #METRIC_NAMES} to values in [0, 1]
     * @throws IllegalArgumentException when no user has enough events to be held out
     */
    public static Map<String, Double> evaluate(Recipe recipe, Interactions interactions, ItemCatalog catalog,
                                               TrainingOptions options) {
        HoldoutSplit split = HoldoutSplit.of(Trainer.trainingData(interactions, options));
        if (split.evaluated().isEmpty()) {
            throw new IllegalArgumentException("no user has the " + HoldoutSplit.MIN_EVENTS
                    + " or more interactions needed to hold some out for metrics");
        }
        TrainedModel model = Trainer.train(recipe, split.training(), catalog, options);
        List<String> catalogue = split.training().items().ids();
        RankingMetrics metrics = new RankingMetrics();
        for (HoldoutSplit.HeldOutUser user : split.evaluated()) {
            Set<String> input = new HashSet<>(user.input());
            Predicate<String> notInInput = item -> !input.contains(item);
            metrics.add(query(model, user, catalogue, notInInput).itemIds(), user.truth());
        }
        return metrics.result(catalogueSize(interactions, catalog));
    }

    private static Recommendations query(TrainedModel model, HoldoutSplit.HeldOutUser user, List<String> catalogue,
                                         Predicate<String> allowed) {
        int n = RankingMetrics.LIST_LENGTH;
        return switch (model.recipe().type()) {
            case USER_PERSONALIZATION -> model.recommend(user.input(), n, allowed);
            case RELATED_ITEMS -> model.similarItems(user.input().get(user.input().size() - 1), n, allowed);
            case PERSONALIZED_RANKING -> {
                Recommendations ranked = model.rank(user.input(), catalogue, allowed);
                yield new Recommendations(ranked.items().subList(0, Math.min(n, ranked.items().size())),
                        ranked.coldStart());
            }
        };
    }

    private static int catalogueSize(Interactions interactions, ItemCatalog catalog) {
        Set<String> items = new HashSet<>(interactions.items().ids());
        items.addAll(catalog.itemIds());
        return items.size();
    }
}
