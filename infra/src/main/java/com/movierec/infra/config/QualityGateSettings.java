package com.movierec.infra.config;

import com.movierec.schemas.contract.OfflineMetric;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The quality gate of an environment: a deploy (or a scheduled retraining) of a recipe slot fails when the new
 * solution version's offline metrics fall below the slot's minimums, or drop more than its maxRegression against the
 * version the slot's campaign serves now. A slot that is absent is not gated.
 *
 * @param bySlot the gate of each gated slot; only slots whose recipe the environment deploys
 */
public record QualityGateSettings(Map<RecipeSlot, SlotGate> bySlot) {

    /** The offline metrics GetSolutionMetrics reports, in the order the documentation lists them. */
    public static final List<String> OFFLINE_METRICS = OfflineMetric.names();

    /**
     * The gate of one slot.
     *
     * @param minimums      the lowest value each gated metric may have, by offline metric name, from 0 to 1 (0 gates
     *                      the metric only against regression); at least one, in {@link #OFFLINE_METRICS} order
     * @param maxRegression the largest relative drop of each gated metric against the version the campaign serves now,
     *                      from 0 to 1 (0.05: at most 5% lower); empty for no regression check. There is nothing to
     *                      compare with while the slot's campaign serves no version yet, so the first deploy checks
     *                      only the minimums
     */
    public record SlotGate(Map<String, Double> minimums, Optional<Double> maxRegression) {
        public SlotGate {
            if (minimums.isEmpty()) {
                throw new IllegalArgumentException("a slot's gate needs at least one metric minimum");
            }
            minimums.forEach((metric, minimum) -> {
                if (!OFFLINE_METRICS.contains(metric)) {
                    throw new IllegalArgumentException(metric + " is not an offline metric of Amazon Personalize: use "
                            + "one of " + OFFLINE_METRICS);
                }
                if (!isFraction(minimum)) {
                    throw new IllegalArgumentException("the minimum of " + metric + " is " + minimum + ": use 0 to 1");
                }
            });
            if (maxRegression.isPresent() && !isFraction(maxRegression.get())) {
                throw new IllegalArgumentException("maxRegression is " + maxRegression.get() + ": use 0 to 1");
            }
            Map<String, Double> ordered = new LinkedHashMap<>();
            for (String metric : OFFLINE_METRICS) {
                if (minimums.containsKey(metric)) {
                    ordered.put(metric, minimums.get(metric));
                }
            }
            minimums = Collections.unmodifiableMap(ordered);
        }

        /** The metrics this gate checks: the keys of {@link #minimums()}. */
        public List<String> gatedMetrics() {
            return List.copyOf(minimums.keySet());
        }
    }

    public QualityGateSettings {
        Map<RecipeSlot, SlotGate> copy = new EnumMap<>(RecipeSlot.class);
        copy.putAll(bySlot);
        bySlot = Collections.unmodifiableMap(copy);
    }

    /** No slot gated: every trained version is deployed. */
    public static QualityGateSettings none() {
        return new QualityGateSettings(Map.of());
    }

    /** True when no slot is gated. */
    public boolean isEmpty() {
        return bySlot.isEmpty();
    }

    public Optional<SlotGate> gate(RecipeSlot slot) {
        return Optional.ofNullable(bySlot.get(slot));
    }

    static boolean isFraction(double value) {
        return value >= 0 && value <= 1;
    }
}
