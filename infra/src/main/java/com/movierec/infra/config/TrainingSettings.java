package com.movierec.infra.config;

import java.time.Duration;

/**
 * How solutions train.
 *
 * @param hpo                  hyperparameter optimisation, for the recipes that accept it
 * @param autoTraining         Personalize retrains on its own schedule (billed while the solution exists)
 * @param autoTrainingSchedule {@code rate(N days)} or {@code cron(...)}, used only with auto-training
 * @param timeout              how long a deploy waits for an import or a training before failing (1-12 hours)
 * @param pollSeconds          how often the watcher checks a running job
 */
public record TrainingSettings(boolean hpo, boolean autoTraining, String autoTrainingSchedule, Duration timeout,
                               int pollSeconds) {
    public static final String DEFAULT_SCHEDULE = "rate(7 days)";
    public static final int DEFAULT_TIMEOUT_HOURS = 6;
    public static final int DEFAULT_POLL_SECONDS = 60;
    /** A CloudFormation WaitCondition waits at most 12 hours. */
    public static final int MAX_TIMEOUT_HOURS = 12;

    public TrainingSettings {
        if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(Duration.ofHours(MAX_TIMEOUT_HOURS)) > 0) {
            throw new IllegalArgumentException("training timeout is " + timeout + ": use 1 to 12 hours");
        }
        if (pollSeconds < 1 || pollSeconds >= timeout.toSeconds()) {
            throw new IllegalArgumentException("pollSeconds is " + pollSeconds + ": use a positive number of seconds "
                    + "shorter than the timeout");
        }
    }
}
