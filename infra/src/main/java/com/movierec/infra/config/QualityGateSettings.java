package com.movierec.infra.config;

import static com.movierec.infra.config.ConfigCheck.at;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.movierec.schemas.contract.OfflineMetric;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The quality gate of an environment: a deploy (or a scheduled retraining) of a recipe slot fails when the new
 * solution version's offline metrics fall below the slot's minimums, or drop more than its maxRegression against the
 * version the slot's campaign serves now. A slot that is absent (or null in cdk.json) is not gated.
 *
 * @param bySlot the gate of each gated slot; only slots whose recipe the environment deploys
 */
public record QualityGateSettings(@JsonSetter(contentNulls = Nulls.SKIP) Map<RecipeSlot, SlotGate> bySlot) {

    /** The offline metrics GetSolutionMetrics reports, in the order the documentation lists them. */
    public static final List<String> OFFLINE_METRICS = OfflineMetric.names();
    /** A literal, not built from {@link OfflineMetric}: annotations (the @Fix sentences) take only constants. */
    static final String EXAMPLE_MINIMUMS = "{\"normalized_discounted_cumulative_gain_at_10\": 0.05}";

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
    public record SlotGate(
            @JsonSetter(contentNulls = Nulls.SKIP)
            @Fix("make it an object of offline metric names to the lowest value allowed, such as "
                    + QualityGateSettings.EXAMPLE_MINIMUMS)
            Map<String, Double> minimums,
            @Fix("set a number from 0 to 1, the largest relative drop of each gated metric against the version the "
                    + "campaign serves (0.05: at most 5% lower), or null for no regression check")
            Optional<Double> maxRegression) {

        public SlotGate {
            ConfigCheck check = new ConfigCheck(SlotGate.class);
            new TreeMap<>(minimums).forEach((metric, minimum) -> {
                if (!OFFLINE_METRICS.contains(metric)) {
                    check.add(at("minimums", metric), "is not an offline metric of Amazon Personalize: use one of "
                            + String.join(", ", OFFLINE_METRICS));
                } else {
                    check.require(minimum != null && isFraction(minimum), at("minimums", metric), minimum, "set a "
                            + "number from 0 to 1, the lowest value the new solution version may score (0 checks only "
                            + "maxRegression)");
                }
            });
            maxRegression.ifPresent(max -> check.require(isFraction(max), "maxRegression", max));
            if (check.passed() && minimums.isEmpty()) {
                check.add(at(), "gates no metric: list at least one under minimums (a minimum of 0 checks only "
                        + "maxRegression), or remove the gate");
            }
            check.done();
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

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public QualityGateSettings {
        ConfigCheck check = new ConfigCheck(QualityGateSettings.class);
        bySlot.forEach((slot, gate) -> check.require(gate != null, at(slot.configKey()), gate, "make it an object "
                + "such as {\"minimums\": " + EXAMPLE_MINIMUMS + ", \"maxRegression\": 0.1}, or null for no gate"));
        check.done();
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
