package com.movierec.local.personalize.engine;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Failures a test asks for: the next import job or training fails with a given failureReason, the next N API
 * requests are throttled. Each armed fault fires once and disarms itself. Thread-safe.
 */
public final class Faults {
    private final AtomicReference<String> importFailure = new AtomicReference<>();
    private final AtomicReference<String> trainingFailure = new AtomicReference<>();
    private final AtomicInteger throttled = new AtomicInteger();

    /** The next dataset import job to run fails with {@code failureReason}. */
    public void failNextImport(String failureReason) {
        importFailure.set(requireReason(failureReason));
    }

    /** The next solution version to train fails with {@code failureReason}. */
    public void failNextTraining(String failureReason) {
        trainingFailure.set(requireReason(failureReason));
    }

    /** The next {@code requests} API requests (any of the three APIs) are answered with a throttling error. */
    public void throttleNext(int requests) {
        if (requests < 0) {
            throw new IllegalArgumentException("throttleNext must be zero or more, not " + requests);
        }
        throttled.set(requests);
    }

    Optional<String> takeImportFailure() {
        return Optional.ofNullable(importFailure.getAndSet(null));
    }

    Optional<String> takeTrainingFailure() {
        return Optional.ofNullable(trainingFailure.getAndSet(null));
    }

    /** Whether this request is to be throttled; counts it down if so. */
    public boolean takeThrottle() {
        return throttled.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
    }

    public void clear() {
        importFailure.set(null);
        trainingFailure.set(null);
        throttled.set(0);
    }

    /** What is armed, for the admin API: {@code failNextImport}, {@code failNextTraining}, {@code throttleNext}. */
    public Map<String, Object> armed() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("failNextImport", importFailure.get());
        out.put("failNextTraining", trainingFailure.get());
        out.put("throttleNext", throttled.get());
        return out;
    }

    private static String requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a fault needs a failureReason");
        }
        return reason;
    }
}
