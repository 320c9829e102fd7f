package com.movierec.infra.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;

/**
 * How solutions train.
 *
 * @param hpo                  hyperparameter optimisation, for the recipes that accept it
 * @param autoTraining         Personalize retrains on its own schedule (billed while the solution exists)
 * @param autoTrainingSchedule {@code rate(N days)} or {@code cron(...)}, used only with auto-training
 * @param timeoutHours         how long a deploy waits for an import or a training before failing (1-12 hours)
 * @param pollSeconds          how often the watcher checks a running job
 */
public record TrainingSettings(
        @JsonProperty(defaultValue = "false") @Fix(Fix.BOOLEAN) boolean hpo,
        @JsonProperty(defaultValue = "false") @Fix(Fix.BOOLEAN) boolean autoTraining,
        @JsonProperty(defaultValue = TrainingSettings.DEFAULT_SCHEDULE) @Fix(Schedules.FIX) String autoTrainingSchedule,
        @JsonProperty(defaultValue = "" + TrainingSettings.DEFAULT_TIMEOUT_HOURS)
        @Fix("set a whole number of hours from 1 to " + TrainingSettings.MAX_TIMEOUT_HOURS + " (a CloudFormation "
                + "WaitCondition waits at most 12 hours)")
        int timeoutHours,
        @JsonProperty(defaultValue = "" + TrainingSettings.DEFAULT_POLL_SECONDS)
        @Fix("set a whole number of seconds from " + TrainingSettings.MIN_POLL_SECONDS + " to "
                + TrainingSettings.MAX_POLL_SECONDS)
        int pollSeconds) {
    public static final String DEFAULT_SCHEDULE = "rate(7 days)";
    public static final int DEFAULT_TIMEOUT_HOURS = 6;
    public static final int DEFAULT_POLL_SECONDS = 60;
    /** A CloudFormation WaitCondition waits at most 12 hours. */
    public static final int MAX_TIMEOUT_HOURS = 12;
    public static final int MIN_POLL_SECONDS = 10;
    public static final int MAX_POLL_SECONDS = 900;

    public TrainingSettings {
        new ConfigCheck(TrainingSettings.class)
                .require(Schedules.isValid(autoTrainingSchedule), "autoTrainingSchedule", autoTrainingSchedule)
                .require(timeoutHours >= 1 && timeoutHours <= MAX_TIMEOUT_HOURS, "timeoutHours", timeoutHours)
                .require(pollSeconds >= MIN_POLL_SECONDS && pollSeconds <= MAX_POLL_SECONDS, "pollSeconds", pollSeconds)
                .done();
    }

    /** How long a deploy waits for an import or a training before failing. */
    public Duration timeout() {
        return Duration.ofHours(timeoutHours);
    }
}
