package com.movierec.local.personalize.engine.datasetimport;

import com.movierec.local.personalize.data.Interactions;
import java.util.Optional;

/** Personalize's minimum interactions data: 1,000 interactions, and 25 users with 2 or more interactions each. */
public final class InteractionMinimums {
    public static final int MIN_INTERACTIONS = 1000;
    public static final int MIN_ACTIVE_USERS = 25;
    public static final int MIN_EVENTS_PER_ACTIVE_USER = 2;

    private InteractionMinimums() {
    }

    /** The rule {@code data} breaks, as a failureReason; empty when it meets both. */
    public static Optional<String> violation(Interactions data) {
        if (data.size() < MIN_INTERACTIONS) {
            return Optional.of("There should be at least " + MIN_INTERACTIONS + " interactions in the Interactions"
                    + " dataset; it has " + data.size() + ".");
        }
        int active = 0;
        for (int u = 0; u < data.userCount(); u++) {
            if (data.end(u) - data.start(u) >= MIN_EVENTS_PER_ACTIVE_USER) {
                active++;
            }
        }
        if (active < MIN_ACTIVE_USERS) {
            return Optional.of("There should be at least " + MIN_ACTIVE_USERS + " unique users with at least "
                    + MIN_EVENTS_PER_ACTIVE_USER + " interactions each; the Interactions dataset has " + active + ".");
        }
        return Optional.empty();
    }
}
