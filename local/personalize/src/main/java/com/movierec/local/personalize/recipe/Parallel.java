package com.movierec.local.personalize.recipe;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;

/**
 * Runs independent index ranges on a bounded pool. Each index is handled by exactly one task that does the same
 * arithmetic in the same order whatever the thread count, so results never depend on scheduling.
 */
final class Parallel implements AutoCloseable {
    /** Ranges per thread: enough to even out rows of unequal cost. */
    private static final int CHUNKS_PER_THREAD = 8;

    private final int threads;
    private final ForkJoinPool pool;

    Parallel(int threads) {
        this.threads = threads;
        this.pool = threads > 1 ? new ForkJoinPool(threads) : null;
    }

    /** Work on the indices {@code from..to-1}. */
    @FunctionalInterface
    interface RangeTask {
        void run(int from, int to);
    }

    /** Calls {@code task} on contiguous ranges covering {@code 0..n-1} and waits for all of them. */
    void forRanges(int n, RangeTask task) {
        if (pool == null || n < 2) {
            task.run(0, n);
            return;
        }
        int chunks = Math.min(n, threads * CHUNKS_PER_THREAD);
        List<Callable<Void>> tasks = new ArrayList<>(chunks);
        for (int c = 0; c < chunks; c++) {
            int from = (int) ((long) n * c / chunks);
            int to = (int) ((long) n * (c + 1) / chunks);
            tasks.add(() -> {
                task.run(from, to);
                return null;
            });
        }
        for (Future<Void> f : pool.invokeAll(tasks)) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("training was interrupted", e);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            }
        }
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdown();
        }
    }
}
