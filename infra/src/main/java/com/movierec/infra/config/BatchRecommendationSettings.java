package com.movierec.infra.config;

import java.util.Optional;

/**
 * Batch recommendations: a Personalize batch inference job that writes recommendations for every user, from the
 * userPersonalization solution. It can always be started on demand; the schedule is optional.
 *
 * @param schedule   {@code rate(N days)} or {@code cron(...)}; empty to run it on demand only
 * @param numResults the recommendations per user, 1 to 500
 */
public record BatchRecommendationSettings(Optional<String> schedule, int numResults) {
    public static final int DEFAULT_NUM_RESULTS = 25;
    /** The most a batch inference job returns per user. */
    public static final int MAX_NUM_RESULTS = 500;

    public BatchRecommendationSettings {
        schedule.ifPresent(s -> Schedules.require("batch recommendations schedule", s));
        if (numResults < 1 || numResults > MAX_NUM_RESULTS) {
            throw new IllegalArgumentException("numResults is " + numResults + ": use 1 to " + MAX_NUM_RESULTS);
        }
    }

    /** On demand only, 25 recommendations per user. */
    public static BatchRecommendationSettings defaults() {
        return new BatchRecommendationSettings(Optional.empty(), DEFAULT_NUM_RESULTS);
    }

    public boolean isScheduled() {
        return schedule.isPresent();
    }
}
