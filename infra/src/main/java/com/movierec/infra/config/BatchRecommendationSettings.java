package com.movierec.infra.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Optional;

/**
 * Batch recommendations: a Personalize batch inference job that writes recommendations for every user, from the
 * userPersonalization solution. It can always be started on demand; the schedule is optional.
 *
 * @param schedule   {@code rate(N days)} or {@code cron(...)}; empty to run it on demand only
 * @param numResults the recommendations per user, 1 to 500
 */
public record BatchRecommendationSettings(
        @Fix(Schedules.FIX + ", or null to run it on demand only") Optional<String> schedule,
        @JsonProperty(defaultValue = "" + BatchRecommendationSettings.DEFAULT_NUM_RESULTS)
        @Fix("set a whole number of recommendations per user from 1 to " + BatchRecommendationSettings.MAX_NUM_RESULTS
                + " (the most a batch inference job returns)")
        int numResults) {
    public static final int DEFAULT_NUM_RESULTS = 25;
    /** The most a batch inference job returns per user. */
    public static final int MAX_NUM_RESULTS = 500;

    public BatchRecommendationSettings {
        ConfigCheck check = new ConfigCheck(BatchRecommendationSettings.class);
        schedule.ifPresent(s -> check.require(Schedules.isValid(s), "schedule", s));
        check.require(numResults >= 1 && numResults <= MAX_NUM_RESULTS, "numResults", numResults).done();
    }

    /** On demand only, 25 recommendations per user. */
    public static BatchRecommendationSettings defaults() {
        return new BatchRecommendationSettings(Optional.empty(), DEFAULT_NUM_RESULTS);
    }

    public boolean isScheduled() {
        return schedule.isPresent();
    }
}
