package com.movierec.localmode.cli;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * When {@code up} stops serving: on Ctrl-C (SIGINT/SIGTERM) in a real process, through a shutdown hook that waits
 * until the clean-up has finished (the JVM halts as soon as its hooks return), or when a test says so.
 */
class StopSignal {
    private static final Duration CLEAN_UP_LIMIT = Duration.ofMinutes(2);

    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final CountDownLatch cleanedUp = new CountDownLatch(1);

    /** A signal that Ctrl-C gives. */
    static StopSignal onShutdown() {
        StopSignal signal = new StopSignal();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            signal.stop();
            signal.awaitCleanUp();
        }, "movierec-local-stop"));
        return signal;
    }

    void stop() {
        stopRequested.countDown();
    }

    void awaitStop() throws InterruptedException {
        stopRequested.await();
    }

    void cleanedUp() {
        cleanedUp.countDown();
    }

    private void awaitCleanUp() {
        try {
            cleanedUp.await(CLEAN_UP_LIMIT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
