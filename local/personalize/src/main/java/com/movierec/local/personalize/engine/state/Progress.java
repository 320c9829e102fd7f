package com.movierec.local.personalize.engine.state;

import java.time.Instant;

/**
 * Where a resource or an in-place update stands: its status, failureReason and timestamps. Written under the
 * engine's lock, read without it (a Describe may see a status a moment old, as with the real service).
 */
public final class Progress {
    private final Instant created;
    private volatile String status;
    private volatile String failureReason;
    private volatile Instant lastUpdated;

    public Progress(String status, Instant now) {
        this.created = now;
        this.status = status;
        this.lastUpdated = now;
    }

    public Instant created() {
        return created;
    }

    public String status() {
        return status;
    }

    /** Why the resource failed; null unless it did. */
    public String failureReason() {
        return failureReason;
    }

    public Instant lastUpdated() {
        return lastUpdated;
    }

    public void moveTo(String next, Instant now) {
        status = next;
        lastUpdated = now;
    }

    public void fail(String failedStatus, String reason, Instant now) {
        failureReason = reason;
        moveTo(failedStatus, now);
    }
}
