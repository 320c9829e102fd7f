package com.movierec.lifecycle.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.movierec.lifecycle.core.Failure;
import com.movierec.lifecycle.core.Properties;
import com.movierec.lifecycle.core.ResourceType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The optional {@code QualityGate} of a SolutionMetrics resource, {@code {"minimums": {"<metric>": 0.1}}}: an unmet
 * minimum fails the deploy before the campaign moves to the new version.
 */
final class QualityGate {
    static final String PROPERTY = "QualityGate";
    private static final ResourceType TYPE = ResourceType.SOLUTION_METRICS;

    private final Map<String, Double> minimums;

    private QualityGate(Map<String, Double> minimums) {
        this.minimums = minimums;
    }

    static QualityGate from(Properties properties) {
        Map<String, Double> minimums = new LinkedHashMap<>();
        properties.optionalJson(PROPERTY).ifPresent(gate -> {
            JsonNode given = gate.get("minimums");
            if (!gate.isObject() || gate.size() != 1 || given == null || !given.isObject()) {
                throw Failure.property(TYPE, PROPERTY, "must be {\"minimums\": {\"<metric>\": <number>, ...}}");
            }
            given.properties().forEach(minimum -> minimums.put(minimum.getKey(), number(minimum.getKey(), minimum.getValue())));
        });
        return new QualityGate(minimums);
    }

    /** One sentence per unmet minimum; empty when the gate passes. */
    List<String> violations(Map<String, Double> metrics) {
        List<String> violations = new ArrayList<>();
        minimums.forEach((metric, minimum) -> {
            Double value = metrics.get(metric);
            if (value == null) {
                violations.add("metric " + metric + " is not reported for this solution version (it reports "
                        + String.join(", ", new TreeSet<>(metrics.keySet())) + ")");
            } else if (value < minimum) {
                violations.add("metric " + metric + " is " + format(value) + ", below the minimum " + format(minimum)
                        + " for this environment");
            }
        });
        return violations;
    }

    /** At least two decimals (0.10), at most four (0.0834), so a near miss never prints as equal to its minimum. */
    static String format(double value) {
        BigDecimal rounded = BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_UP).stripTrailingZeros();
        return (rounded.scale() < 2 ? rounded.setScale(2, RoundingMode.UNNECESSARY) : rounded).toPlainString();
    }

    private static double number(String metric, JsonNode value) {
        try {
            return Double.parseDouble(value.asText());
        } catch (NumberFormatException e) {
            throw Failure.property(TYPE, PROPERTY, "sets the minimum of " + metric + " to '" + value.asText()
                    + "', not a number");
        }
    }
}
