package com.movierec.local.deployer.deploy.provider;

import com.movierec.lifecycle.WatcherHandler;
import com.movierec.lifecycle.core.Retry;
import com.movierec.local.deployer.deploy.waitcondition.SignalBoard;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One execution of the watcher state machine, on its own thread: {@code CheckJob} (the watcher handler), then the
 * {@code Done?} choice, then {@code WaitPollSeconds} and around again. The wait is PollSeconds capped locally, as a
 * job in personalize-local takes seconds, not the hour a real training takes. If the handler throws, the execution
 * fails as the state machine's would, and the WaitCondition waiting on its signal is told.
 */
final class WatcherExecution implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(WatcherExecution.class);

    private final WatcherHandler watcher;
    private final Map<String, Object> input;
    private final Duration pollCap;
    private final SignalBoard board;

    WatcherExecution(WatcherHandler watcher, Map<String, Object> input, Duration pollCap, SignalBoard board) {
        this.watcher = watcher;
        this.input = input;
        this.pollCap = pollCap;
        this.board = board;
    }

    @Override
    public void run() {
        Map<String, Object> state = new LinkedHashMap<>(input);
        try {
            while (true) {
                state = watcher.handleRequest(state, null);
                if (Boolean.TRUE.equals(state.get("Done"))) {
                    return;
                }
                Thread.sleep(pollInterval(state));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warn("the watcher execution failed: {}", Retry.describe(e));
            board.watcherFailed(String.valueOf(input.get("SignalUrl")), Retry.describe(e));
        }
    }

    private Duration pollInterval(Map<String, Object> state) {
        Duration wait = Duration.ofSeconds(Long.parseLong(String.valueOf(state.getOrDefault("PollSeconds", "60"))));
        return wait.compareTo(pollCap) > 0 ? pollCap : wait;
    }
}
