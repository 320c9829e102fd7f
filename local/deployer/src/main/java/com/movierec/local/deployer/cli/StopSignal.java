package com.movierec.local.deployer.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import sun.misc.Signal;

/**
 * When {@code up} stops serving: on SIGINT (Ctrl-C), SIGTERM (kill, a service manager, a container stop) or SIGHUP
 * (the terminal closed) in a real process, or when a test says so.
 *
 * <p>The signals are handled, not left to a JVM shutdown hook. A hook runs while the JVM is already shutting down,
 * concurrently with every other hook, Log4j's among them; once Log4j's has stopped its context, the lifecycle
 * handlers still deleting the stage get a SimpleLoggerContext that Powertools casts to Log4j's LoggerContext, and the
 * delete fails, leaving resources, depending on which hook got there first. A handled signal starts no shutdown: it
 * only wakes {@code up}'s own thread, which runs the Delete path with everything alive and returns; main then stops
 * Log4j itself, last, and exits. (Log4j's own hook is off too, see {@link LocalModeCommand#main}, for a JVM that
 * shuts down some other way.)
 */
class StopSignal {
    private static final List<String> SIGNALS = List.of("INT", "TERM", "HUP");

    private final CountDownLatch requested = new CountDownLatch(1);
    private final AtomicReference<String> reason = new AtomicReference<>();

    /** Handles SIGINT, SIGTERM and SIGHUP from now on; a signal it cannot handle is named on {@code err}. */
    static StopSignal onSignals(PrintWriter err) {
        StopSignal stop = new StopSignal();
        for (String name : SIGNALS) {
            try {
                // Runs on a JVM thread made for the signal; stop() only counts a latch down.
                Signal.handle(new Signal(name), signal -> stop.stop("SIG" + signal.getName()));
            } catch (IllegalArgumentException e) {
                // -Xrs, or a platform without the signal: it then ends the JVM as it would anyway.
                err.println("warning: SIG" + name + " cannot be handled in this JVM (" + e.getMessage()
                        + "); it would stop up without deleting the stage");
            }
        }
        return stop;
    }

    /** Asks to stop; the first reason given is the one {@link #reason} reports. */
    void stop(String why) {
        reason.compareAndSet(null, why);
        requested.countDown();
    }

    void awaitStop() throws InterruptedException {
        requested.await();
    }

    /** What asked to stop ({@code SIGTERM}, ...); {@code interrupted} when nothing did. */
    String reason() {
        String why = reason.get();
        return why == null ? "interrupted" : why;
    }
}
