package com.movierec.local.deployer.deploy.waitcondition;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.movierec.lifecycle.watcher.WaitConditionSignaller;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The local stand-in for CloudFormation's WaitConditionHandle URLs: each handle gets a unique https URL in the
 * reserved {@code .invalid} domain (so nothing can ever send it over the network), and the watcher, given this board
 * as its {@link WaitConditionSignaller}, delivers its signal here instead of PUTting it to S3. A WaitCondition waits
 * on the board. As in CloudFormation, a later signal with the same UniqueId replaces the earlier one, and a signal to
 * a URL no handle has is refused.
 */
public final class SignalBoard implements WaitConditionSignaller {
    private static final String URL_PREFIX = "https://waitcondition.localmode.invalid/";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Map<String, Signal>> signalsByUrl = new HashMap<>();
    private final Map<String, String> watcherFailures = new HashMap<>();

    /** A new handle's URL, which signals can be sent to until it is closed. */
    public synchronized String open(String stackName, String logicalId) {
        String url = URL_PREFIX + stackName + "/" + logicalId + "/" + UUID.randomUUID();
        signalsByUrl.put(url, new LinkedHashMap<>());
        return url;
    }

    /** Keeps accepting signals for a handle created by an earlier run, whose URL the deploy state recorded. */
    public synchronized void adopt(String url) {
        signalsByUrl.putIfAbsent(url, new LinkedHashMap<>());
    }

    public synchronized void close(String url) {
        signalsByUrl.remove(url);
        watcherFailures.remove(url);
    }

    @Override
    public synchronized void signal(String signalUrl, String body) {
        Map<String, Signal> signals = signalsByUrl.get(signalUrl);
        if (signals == null) {
            // What S3 answers for a handle whose stack or WaitCondition is gone; the URL stays out of the message.
            throw new IllegalStateException("the WaitCondition refused the signal with HTTP 403 AccessDenied");
        }
        Signal signal = parse(body);
        signals.put(signal.uniqueId(), signal);
        notifyAll();
    }

    /** The watcher that would signal {@code url} stopped with an error: no signal will come. */
    public synchronized void watcherFailed(String url, String error) {
        watcherFailures.put(url, error);
        notifyAll();
    }

    /**
     * Waits until a FAILURE arrives, {@code count} SUCCESS signals have, the watcher for the URL failed, or the timeout
     * passed; answers the signals received by then.
     */
    public synchronized Received await(String url, int count, Duration timeout) throws InterruptedException {
        adopt(url);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<Signal> signals = new ArrayList<>(signalsByUrl.getOrDefault(url, Map.of()).values());
            Optional<String> watcherFailure = Optional.ofNullable(watcherFailures.get(url));
            long successes = signals.stream().filter(Signal::isSuccess).count();
            boolean failed = signals.stream().anyMatch(s -> !s.isSuccess());
            long left = deadline - System.nanoTime();
            if (failed || successes >= count || watcherFailure.isPresent() || left <= 0) {
                return new Received(signals, watcherFailure);
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }

    /** What a wait got: the signals, and the error of a watcher that stopped without signalling. */
    public record Received(List<Signal> signals, Optional<String> watcherFailure) {
        public Optional<Signal> failure() {
            return signals.stream().filter(s -> !s.isSuccess()).findFirst();
        }

        public long successes() {
            return signals.stream().filter(Signal::isSuccess).count();
        }
    }

    private static Signal parse(String body) {
        try {
            JsonNode json = JSON.readTree(body);
            String status = json.path("Status").asText("");
            if (!status.equals("SUCCESS") && !status.equals("FAILURE")) {
                throw new IllegalStateException("the WaitCondition refused the signal: Status must be SUCCESS or "
                        + "FAILURE, not '" + status + "'");
            }
            return new Signal(status, json.path("UniqueId").asText(""), json.path("Reason").asText(""),
                    json.path("Data").asText(""));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the WaitCondition refused the signal: the body is not JSON");
        }
    }
}
