package com.movierec.local.personalize.recipe;

import com.movierec.local.personalize.data.Interactions;
import com.movierec.local.personalize.data.ItemCatalog;

/**
 * Trains a solution version (CreateSolutionVersion). Deterministic: the same data and options give the same model,
 * score for score, whatever the thread count.
 *
 * <ul>
 *   <li>aws-popularity-count: distinct users per item.</li>
 *   <li>aws-user-personalization(-v2), aws-personalized-ranking(-v2): EASE (see {@link Ease}).</li>
 *   <li>aws-sims: cosine item-item similarity over co-occurrence; aws-similar-items: the same plus the
 *       {@link TrainingOptions#genreBoost()} genre overlap, its use of item metadata.</li>
 * </ul>
 * Every model also keeps popularity, to answer cold-start queries and fill short lists.
 */
public final class Trainer {
    private Trainer() {
    }

    /**
     * @param catalog the Items dataset (only aws-similar-items reads it); {@link ItemCatalog#empty()} when none
     * @throws IllegalArgumentException when the options leave no interactions to train on
     */
    public static TrainedModel train(Recipe recipe, Interactions interactions, ItemCatalog catalog,
                                     TrainingOptions options) {
        Interactions data = trainingData(interactions, options);
        if (data.size() == 0) {
            throw new IllegalArgumentException("no interactions to train on"
                    + (options.eventType() != null ? " with EVENT_TYPE " + options.eventType() : "")
                    + (options.eventValueThreshold() != null ? " and EVENT_VALUE >= " + options.eventValueThreshold() : ""));
        }
        Popularity popularity = Popularity.of(data);
        try (Parallel parallel = new Parallel(options.threads())) {
            return switch (recipe) {
                case POPULARITY_COUNT -> new TrainedModel(recipe, popularity, null, null);
                case USER_PERSONALIZATION, USER_PERSONALIZATION_V2, PERSONALIZED_RANKING, PERSONALIZED_RANKING_V2 ->
                        new TrainedModel(recipe, popularity,
                                Ease.train(data, options.maxEaseItems(), options.easeLambda(), parallel), null);
                case SIMS -> new TrainedModel(recipe, popularity, null,
                        ItemSimilarity.train(data, catalog, options.neighbours(), 0, parallel));
                case SIMILAR_ITEMS -> new TrainedModel(recipe, popularity, null,
                        ItemSimilarity.train(data, catalog, options.neighbours(), options.genreBoost(), parallel));
            };
        }
    }

    /** The events a solution trains on: of its event type only, and at or above its value threshold. */
    public static Interactions trainingData(Interactions all, TrainingOptions options) {
        String type = options.eventType();
        Double threshold = options.eventValueThreshold();
        if (type == null && threshold == null) {
            return all;
        }
        return all.where((d, p) -> (type == null || type.equalsIgnoreCase(d.eventType(p)))
                && (threshold == null || d.eventValue(p) >= threshold));
    }
}
