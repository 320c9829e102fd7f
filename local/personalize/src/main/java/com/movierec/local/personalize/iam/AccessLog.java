package com.movierec.local.personalize.iam;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Every authorization decision local mode made, counted per identity, action, resource and outcome: what the
 * least-privilege report reads (calls denied, grants no call used). Counts, not a list, so serving stays flat.
 */
public final class AccessLog {
    /** One kind of call: who (the role or user whose policies applied), what, on what, and whether it was allowed. */
    public record Call(String identityArn, String action, String resource, boolean allowed, String denial) {
    }

    private final Map<Call, LongAdder> calls = new ConcurrentHashMap<>();

    void record(Call call) {
        calls.computeIfAbsent(call, c -> new LongAdder()).increment();
    }

    /** The distinct calls with how often each was made, sorted by identity, action and resource. */
    public Map<Call, Long> calls() {
        Map<Call, Long> snapshot = new java.util.TreeMap<>(Comparator.comparing(Call::identityArn)
                .thenComparing(Call::action).thenComparing(Call::resource).thenComparing(Call::allowed));
        calls.forEach((call, count) -> snapshot.put(call, count.sum()));
        return snapshot;
    }

    public List<Call> denied() {
        return calls().keySet().stream().filter(c -> !c.allowed()).toList();
    }

    public void clear() {
        calls.clear();
    }
}
