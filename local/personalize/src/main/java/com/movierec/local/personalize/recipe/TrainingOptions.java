package com.movierec.local.personalize.recipe;

/**
 * How to train a solution version. Every recipe reads the data options; each hyperparameter applies to the recipes
 * named in its description.
 *
 * @param eventType           train only on events of this type (the solution's {@code eventType}), matched
 *                            ignoring case; null for all events
 * @param eventValueThreshold train only on events whose EVENT_VALUE is at least this (Personalize's
 *                            {@code eventValueThreshold}); events without a value are then dropped; null for all
 * @param easeLambda          EASE's L2 regularisation (user personalization and ranking): larger is smoother
 * @param maxEaseItems        EASE inverts a dense items x items matrix, so it models at most this many of the
 *                            most-interacted items; the others are recommended only as popular fill-ins
 * @param neighbours          related items kept per item (aws-sims, aws-similar-items)
 * @param genreBoost          added to aws-similar-items' cosine similarity per unit of genre overlap (Jaccard)
 * @param threads             threads for the matrix work; results do not depend on it
 */
public record TrainingOptions(String eventType, Double eventValueThreshold, double easeLambda, int maxEaseItems,
                              int neighbours, double genreBoost, int threads) {

    /** Tuned on MovieLens 100K under the offline-metrics protocol: 300-500 are within 1% of the best NDCG@10. */
    public static final double DEFAULT_EASE_LAMBDA = 400;
    /** 8,000 items take 0.5 GB of doubles and about a minute to invert on two cores. */
    public static final int DEFAULT_MAX_EASE_ITEMS = 8_000;
    public static final int DEFAULT_NEIGHBOURS = 100;
    /** Lifts ML-100K's related-items metrics slightly (NDCG@10 +1%, coverage +2%); 0.05 and more hurt. */
    public static final double DEFAULT_GENRE_BOOST = 0.02;

    public TrainingOptions {
        if (eventType != null && eventType.isBlank()) {
            eventType = null;
        }
        if (!(easeLambda > 0)) {
            throw new IllegalArgumentException("easeLambda must be positive, not " + easeLambda);
        }
        if (maxEaseItems < 1 || neighbours < 1 || threads < 1) {
            throw new IllegalArgumentException("maxEaseItems, neighbours and threads must be at least 1");
        }
        if (!(genreBoost >= 0)) {
            throw new IllegalArgumentException("genreBoost must be zero or more, not " + genreBoost);
        }
    }

    /** All events, the tuned hyperparameters, one thread per processor. */
    public static TrainingOptions defaults() {
        return new TrainingOptions(null, null, DEFAULT_EASE_LAMBDA, DEFAULT_MAX_EASE_ITEMS, DEFAULT_NEIGHBOURS,
                DEFAULT_GENRE_BOOST, Runtime.getRuntime().availableProcessors());
    }

    public TrainingOptions withEventType(String type) {
        return new TrainingOptions(type, eventValueThreshold, easeLambda, maxEaseItems, neighbours, genreBoost, threads);
    }

    public TrainingOptions withEventValueThreshold(Double threshold) {
        return new TrainingOptions(eventType, threshold, easeLambda, maxEaseItems, neighbours, genreBoost, threads);
    }

    public TrainingOptions withEaseLambda(double lambda) {
        return new TrainingOptions(eventType, eventValueThreshold, lambda, maxEaseItems, neighbours, genreBoost, threads);
    }

    public TrainingOptions withMaxEaseItems(int max) {
        return new TrainingOptions(eventType, eventValueThreshold, easeLambda, max, neighbours, genreBoost, threads);
    }

    public TrainingOptions withNeighbours(int count) {
        return new TrainingOptions(eventType, eventValueThreshold, easeLambda, maxEaseItems, count, genreBoost, threads);
    }

    public TrainingOptions withGenreBoost(double boost) {
        return new TrainingOptions(eventType, eventValueThreshold, easeLambda, maxEaseItems, neighbours, boost, threads);
    }

    public TrainingOptions withThreads(int count) {
        return new TrainingOptions(eventType, eventValueThreshold, easeLambda, maxEaseItems, neighbours, genreBoost, count);
    }
}
