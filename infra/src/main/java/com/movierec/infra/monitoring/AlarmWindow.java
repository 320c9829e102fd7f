package com.movierec.infra.monitoring;

import software.amazon.awscdk.Duration;

/**
 * How long an alarm looks: {@code datapointsToAlarm} breaching periods of {@code periodMinutes} among the last
 * {@code evaluationPeriods} raise it ("M out of N").
 */
record AlarmWindow(int periodMinutes, int evaluationPeriods, int datapointsToAlarm) {
    /** The API's and its function's alarms: 2 of the last 3 five-minute periods, so one bad minute does not page. */
    static final AlarmWindow API = new AlarmWindow(5, 3, 2);
    /** Personalize bills the average requests per second of 5-minute windows; 3 of them in a row is sustained load. */
    static final AlarmWindow CAMPAIGN_LOAD = new AlarmWindow(5, 3, 3);

    AlarmWindow {
        if (periodMinutes < 1 || datapointsToAlarm < 1 || datapointsToAlarm > evaluationPeriods) {
            throw new IllegalArgumentException(datapointsToAlarm + " of " + evaluationPeriods + " periods of "
                    + periodMinutes + " minutes");
        }
    }

    /** Every one of the last {@code hours} hours (CloudWatch evaluates at most 7 days of 1-hour periods). */
    static AlarmWindow hours(int hours) {
        return new AlarmWindow(60, hours, hours);
    }

    Duration period() {
        return Duration.minutes(periodMinutes);
    }

    /** The window in words: "in 2 of the last 3 5-minute periods", "in each of the last 24 hours". */
    String describe() {
        String periods = periodMinutes == 60 ? "hours" : periodMinutes + "-minute periods";
        String breaching = datapointsToAlarm == evaluationPeriods ? "each" : String.valueOf(datapointsToAlarm);
        return "in " + breaching + " of the last " + evaluationPeriods + " " + periods;
    }
}
