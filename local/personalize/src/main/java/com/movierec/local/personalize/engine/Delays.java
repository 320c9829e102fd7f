package com.movierec.local.personalize.engine;

import java.time.Duration;
import java.util.Locale;

/**
 * How long a resource stays in each transitional state, so a client's polling sees every state. A training or an
 * import stays IN_PROGRESS for at least {@code createInProgress}, longer if the real work takes longer.
 *
 * @param createPending    CREATE PENDING, then CREATE IN_PROGRESS
 * @param createInProgress CREATE IN_PROGRESS (and an update's), then ACTIVE or CREATE FAILED
 * @param deletePending    DELETE PENDING, then DELETE IN_PROGRESS
 * @param deleteInProgress DELETE IN_PROGRESS, then gone
 */
public record Delays(Duration createPending, Duration createInProgress, Duration deletePending,
                     Duration deleteInProgress) {

    /** Every transition as soon as the scheduler gets to it: unit tests. */
    public static final Delays NONE = uniform(Duration.ZERO);
    /** A few hundred milliseconds per resource: enough for a poller to see each state, the default. */
    public static final Delays FAST = uniform(Duration.ofMillis(150));
    /** Seconds, the order of magnitude of small resources in Personalize (a real training takes most of an hour). */
    public static final Delays REALISTIC = new Delays(Duration.ofSeconds(3), Duration.ofSeconds(20),
            Duration.ofSeconds(3), Duration.ofSeconds(10));

    public Delays {
        for (Duration d : new Duration[] {createPending, createInProgress, deletePending, deleteInProgress}) {
            if (d == null || d.isNegative()) {
                throw new IllegalArgumentException("delays must be zero or more, not " + d);
            }
        }
    }

    public static Delays uniform(Duration each) {
        return new Delays(each, each, each, each);
    }

    /** The profile called {@code none}, {@code fast} or {@code realistic}. */
    public static Delays named(String profile) {
        return switch (profile.toLowerCase(Locale.ROOT)) {
            case "none" -> NONE;
            case "fast" -> FAST;
            case "realistic" -> REALISTIC;
            default -> throw new IllegalArgumentException("unknown delay profile '" + profile
                    + "': use none, fast or realistic");
        };
    }
}
