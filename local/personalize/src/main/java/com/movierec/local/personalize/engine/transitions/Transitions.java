package com.movierec.local.personalize.engine.transitions;

import com.movierec.local.personalize.engine.Delays;
import com.movierec.local.personalize.engine.Status;
import com.movierec.local.personalize.engine.state.Progress;
import com.movierec.local.personalize.engine.state.Resource;
import com.movierec.local.personalize.engine.state.ResourceStore;
import java.time.Instant;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Moves resources through Personalize's states on a timer: CREATE PENDING, CREATE IN_PROGRESS (for at least the
 * configured delay, longer while a job's work runs on a worker thread), then ACTIVE or CREATE FAILED; DELETE PENDING,
 * DELETE IN_PROGRESS, then gone. Every step takes the store's lock and does nothing once its resource has left the
 * store (deleted, or the engine reset), so a late step can never resurrect anything.
 */
public final class Transitions implements AutoCloseable {
    private final ResourceStore store;
    private static final Runnable NOTHING = () -> { };

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(daemon("timer"));
    /** Imports and trainings: long work that must not hold up the timer. */
    private final ExecutorService workers = Executors.newFixedThreadPool(2, daemon("worker"));
    private volatile Delays delays;

    public Transitions(ResourceStore store, Delays delays) {
        this.store = store;
        this.delays = delays;
    }

    public Delays delays() {
        return delays;
    }

    public void delays(Delays value) {
        delays = value;
    }

    /** Creates a resource that has nothing to compute: it only goes through the states. */
    public void create(Resource resource) {
        advance(resource, resource.progress(), () -> NOTHING, Runnable::run);
    }

    /**
     * Updates {@code owner} in place: {@code progress} (the update's) is CREATE PENDING now; {@code apply} runs under
     * the lock just before the update turns ACTIVE.
     */
    public void update(Resource owner, Progress progress, Runnable apply) {
        advance(owner, progress, () -> apply, Runnable::run);
    }

    /**
     * Creates a job (an import, a training): {@code progress} is CREATE PENDING now. {@code work} runs on a worker
     * thread once it is IN_PROGRESS, without the lock, and returns what to do under the lock when it succeeds (just
     * before ACTIVE); a {@link JobFailure} makes it CREATE FAILED with that reason. A CREATE STOPPING status set
     * meanwhile ends in CREATE STOPPED instead.
     */
    public void runJob(Resource owner, Progress progress, Supplier<Runnable> work) {
        advance(owner, progress, work, workers);
    }

    private void advance(Resource owner, Progress progress, Supplier<Runnable> work, Executor runner) {
        Delays d = delays;
        timer.schedule(() -> {
            synchronized (store) {
                if (!store.holds(owner)) {
                    return;
                }
                if (!Status.CREATE_PENDING.equals(progress.status())) {
                    stopIfStopping(progress);
                    return;
                }
                progress.moveTo(Status.CREATE_IN_PROGRESS, Instant.now());
            }
            long started = System.nanoTime();
            runner.execute(() -> {
                Outcome outcome = outcome(work);
                long remaining = d.createInProgress().toNanos() - (System.nanoTime() - started);
                timer.schedule(() -> finish(owner, progress, outcome), Math.max(0, remaining), TimeUnit.NANOSECONDS);
            });
        }, d.createPending().toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Deletes {@code resource}: DELETE PENDING now, then DELETE IN_PROGRESS, then {@code removal} under the lock. */
    public void delete(Resource resource, Runnable removal) {
        Delays d = delays;
        resource.progress().moveTo(Status.DELETE_PENDING, Instant.now());
        timer.schedule(() -> {
            synchronized (store) {
                if (!store.holds(resource)) {
                    return;
                }
                resource.progress().moveTo(Status.DELETE_IN_PROGRESS, Instant.now());
            }
            timer.schedule(() -> {
                synchronized (store) {
                    if (store.holds(resource)) {
                        removal.run();
                    }
                }
            }, d.deleteInProgress().toNanos(), TimeUnit.NANOSECONDS);
        }, d.deletePending().toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Ends a stop that was asked for meanwhile: CREATE STOPPING becomes CREATE STOPPED. */
    private static void stopIfStopping(Progress progress) {
        if (Status.CREATE_STOPPING.equals(progress.status())) {
            progress.moveTo(Status.CREATE_STOPPED, Instant.now());
        }
    }

    /** Runs the work: its commit step, or the failureReason it ended with. */
    private static Outcome outcome(Supplier<Runnable> work) {
        try {
            return new Outcome(work.get(), null);
        } catch (JobFailure e) {
            return new Outcome(null, e.getMessage());
        } catch (RuntimeException | OutOfMemoryError e) {
            return new Outcome(null, "personalize-local could not finish: " + e);
        }
    }

    /** What the work left to do: {@code commit} under the lock, or fail with {@code failureReason}. */
    private record Outcome(Runnable commit, String failureReason) {
    }

    private void finish(Resource owner, Progress progress, Outcome outcome) {
        synchronized (store) {
            if (!store.holds(owner)) {
                return;
            }
            if (!Status.CREATE_IN_PROGRESS.equals(progress.status())) {
                stopIfStopping(progress);
                return;
            }
            if (outcome.failureReason() != null) {
                progress.fail(Status.CREATE_FAILED, outcome.failureReason(), Instant.now());
                return;
            }
            try {
                outcome.commit().run();
                progress.moveTo(Status.ACTIVE, Instant.now());
            } catch (JobFailure e) {
                progress.fail(Status.CREATE_FAILED, e.getMessage(), Instant.now());
            } catch (RuntimeException e) {
                progress.fail(Status.CREATE_FAILED, "personalize-local could not finish: " + e, Instant.now());
            }
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        workers.shutdownNow();
    }

    private static ThreadFactory daemon(String role) {
        AtomicInteger count = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "personalize-local-" + role + "-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
