package com.movierec.local.personalize.engine.state;

import java.time.Instant;

/**
 * An in-place change (UpdateDataset, UpdateSolution, UpdateCampaign): what was asked for and how far it got. The
 * resource keeps its current values until the update is ACTIVE.
 *
 * @param <T> the requested values
 */
public final class Update<T> {
    private final T requested;
    private final Progress progress;

    public Update(T requested, String initialStatus, Instant now) {
        this.requested = requested;
        this.progress = new Progress(initialStatus, now);
    }

    public T requested() {
        return requested;
    }

    public Progress progress() {
        return progress;
    }
}
