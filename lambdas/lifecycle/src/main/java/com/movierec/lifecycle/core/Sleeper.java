package com.movierec.lifecycle.core;

import java.time.Duration;

/** Waits between retries. Tests and the local deployer pass one that records the delays instead of sleeping. */
@FunctionalInterface
public interface Sleeper {
    void sleep(Duration duration);

    /** The real clock: blocks the Lambda's thread. */
    Sleeper SYSTEM = duration -> {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while backing off before a retry", e);
        }
    };
}
