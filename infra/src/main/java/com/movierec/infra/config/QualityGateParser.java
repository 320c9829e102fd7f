package com.movierec.infra.config;

import com.movierec.schemas.contract.OfflineMetric;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Reads {@code qualityGate} of an environment into {@link QualityGateSettings}, one sentence per invalid value. */
final class QualityGateParser {
    private static final Set<String> SLOT_KEYS = Set.of("minimums", "maxRegression");
    private static final String EXAMPLE_MINIMUMS = "{\"" + OfflineMetric.NDCG_AT_10.metricName() + "\": 0.05}";

    private QualityGateParser() {
    }

    /**
     * The gates, none when the key is absent or null, or null when a value is wrong (the problem is recorded).
     * {@code recipes} is null when the recipes were invalid: then whether a gated slot is deployed is not checked.
     */
    static QualityGateSettings parse(ConfigNode env, RecipeSelection recipes, List<String> problems) {
        int before = problems.size();
        Optional<ConfigNode> node = env.object("qualityGate", "make it an object with a gate per recipe slot, such "
                + "as {\"userPersonalization\": {\"minimums\": " + EXAMPLE_MINIMUMS + "}}");
        if (node.isEmpty()) {
            return problems.size() > before ? null : QualityGateSettings.none();
        }
        ConfigNode gates = node.get();
        gates.rejectUnknownKeys(Arrays.stream(RecipeSlot.values()).map(RecipeSlot::configKey)
                .collect(Collectors.toSet()));
        Map<RecipeSlot, QualityGateSettings.SlotGate> bySlot = new EnumMap<>(RecipeSlot.class);
        for (RecipeSlot slot : RecipeSlot.values()) {
            slotGate(gates, slot, recipes, problems).ifPresent(gate -> bySlot.put(slot, gate));
        }
        return problems.size() > before ? null : new QualityGateSettings(bySlot);
    }

    private static Optional<QualityGateSettings.SlotGate> slotGate(ConfigNode gates, RecipeSlot slot,
                                                                   RecipeSelection recipes, List<String> problems) {
        String key = slot.configKey();
        Optional<ConfigNode> node = gates.object(key, "make it an object such as {\"minimums\": " + EXAMPLE_MINIMUMS
                + ", \"maxRegression\": 0.1}, or null for no gate");
        if (node.isEmpty()) {
            return Optional.empty();
        }
        if (recipes != null && recipes.recipe(slot).isEmpty()) {
            gates.problem(key, "recipes." + key + " is null, so there is no " + key + " solution to gate; remove the "
                    + "gate or deploy a " + key + " recipe");
            return Optional.empty();
        }
        ConfigNode gate = node.get();
        int before = problems.size();
        gate.rejectUnknownKeys(SLOT_KEYS);
        Map<String, Double> minimums = minimums(gate);
        Optional<Double> maxRegression = gate.number("maxRegression", 0, 1, "set a number from 0 to 1, the largest "
                + "relative drop of each gated metric against the version the campaign serves (0.05: at most 5% "
                + "lower), or null for no regression check");
        if (problems.size() > before) {
            return Optional.empty();
        }
        if (minimums.isEmpty()) {
            gate.problem(gate.path() + " gates no metric: list at least one under minimums (a minimum of 0 checks only "
                    + "maxRegression), or remove the gate.");
            return Optional.empty();
        }
        return Optional.of(new QualityGateSettings.SlotGate(minimums, maxRegression));
    }

    private static Map<String, Double> minimums(ConfigNode gate) {
        Map<String, Double> minimums = new LinkedHashMap<>();
        gate.object("minimums", "make it an object of offline metric names to the lowest value allowed, such as "
                + EXAMPLE_MINIMUMS).ifPresent(node -> {
                    for (String metric : node.keys()) {
                        if (!QualityGateSettings.OFFLINE_METRICS.contains(metric)) {
                            node.problem(node.path(metric) + " is not an offline metric of Amazon Personalize: use one "
                                    + "of " + String.join(", ", QualityGateSettings.OFFLINE_METRICS) + ".");
                            continue;
                        }
                        node.number(metric, 0, 1, "set a number from 0 to 1, the lowest value the new solution "
                                + "version may score (0 checks only maxRegression)")
                                .ifPresent(minimum -> minimums.put(metric, minimum));
                    }
                });
        return minimums;
    }
}
