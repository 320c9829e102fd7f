package com.movierec.infra.config;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The schedules cdk.json may set (Personalize auto-training, scheduled retraining, batch recommendations): every
 * {@code rate(N days)} with N from 1 to 30, which Personalize's auto-training accepts, or an EventBridge
 * {@code cron(...)} expression.
 */
final class Schedules {
    /** The fix for an invalid schedule. */
    static final String FIX = "set \"rate(N days)\" with N from 1 to 30, or a \"cron(...)\" expression";

    private static final Pattern RATE_DAYS = Pattern.compile("rate\\((\\d{1,3}) days?\\)");
    private static final Pattern CRON = Pattern.compile("cron\\([^()]+\\)");

    private Schedules() {
    }

    static boolean isValid(String schedule) {
        Matcher rate = RATE_DAYS.matcher(schedule);
        if (rate.matches()) {
            int days = Integer.parseInt(rate.group(1));
            return days >= 1 && days <= 30;
        }
        return CRON.matcher(schedule).matches();
    }
}
