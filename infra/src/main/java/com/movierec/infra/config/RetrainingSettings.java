package com.movierec.infra.config;

import java.util.Optional;

/**
 * Scheduled retraining: on the schedule, import the data again, train every deployed solution, and update a campaign
 * only when the new version passes the environment's quality gate. The alternative to Personalize's auto-training
 * ({@link TrainingSettings#autoTraining()}); an environment uses at most one of the two.
 *
 * @param schedule {@code rate(N days)} or {@code cron(...)}; empty for no scheduled retraining
 */
public record RetrainingSettings(
        @Fix(Schedules.FIX + ", or null for no scheduled retraining") Optional<String> schedule) {

    public RetrainingSettings {
        schedule.ifPresent(s -> new ConfigCheck(RetrainingSettings.class).require(Schedules.isValid(s), "schedule", s)
                .done());
    }

    /** No scheduled retraining. */
    public static RetrainingSettings none() {
        return new RetrainingSettings(Optional.empty());
    }

    public boolean isScheduled() {
        return schedule.isPresent();
    }
}
