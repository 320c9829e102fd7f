package com.movierec.local.deployer.deploy.provider;

import com.movierec.lifecycle.core.Sleeper;
import java.time.Duration;

/**
 * The handlers' back-off clock, really sleeping but never longer than a cap: a throttled call is retried the same
 * number of times as in Lambda, without a local deploy waiting the seconds AWS would need to recover.
 */
public final class CappedSleeper implements Sleeper {
    private final Duration cap;

    public CappedSleeper(Duration cap) {
        this.cap = cap;
    }

    @Override
    public void sleep(Duration duration) {
        try {
            Thread.sleep(duration.compareTo(cap) > 0 ? cap : duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while backing off before a retry", e);
        }
    }
}
