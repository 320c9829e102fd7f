package com.movierec.lifecycle.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.movierec.lifecycle.core.Failure;
import com.movierec.lifecycle.core.Properties;
import com.movierec.schemas.contract.CustomResourceType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The optional {@code QualityGate} of a SolutionMetrics resource, and the {@code gate} of a scheduled retraining's
 * slot, {@code {"minimums": {"<metric>": 0.1}, "maxRegression": 0.05}}: the deploy (or the retraining) fails before
 * the campaign moves to the new version when a gated metric (a key of {@code minimums}) is below its minimum or, with {@code maxRegression},
 * more than that fraction below the same metric of the version the campaign serves now. A value equal to its bound
 * passes.
 */
final class QualityGate {
    static final String PROPERTY = "QualityGate";
    private static final CustomResourceType TYPE = CustomResourceType.SOLUTION_METRICS;
    private static final String MINIMUMS = "minimums";
    private static final String MAX_REGRESSION = "maxRegression";
    private static final String SHAPE = "must be {\"minimums\": {\"<metric>\": <number>, ...}, \"maxRegression\": "
            + "<number from 0 to 1, optional>}";

    private final Map<String, Double> minimums;
    private final Optional<Double> maxRegression;

    private QualityGate(Map<String, Double> minimums, Optional<Double> maxRegression) {
        this.minimums = minimums;
        this.maxRegression = maxRegression;
    }

    /**
     * The version the campaign serves now, which a regression is measured against.
     *
     * @param name    its name, e.g. {@code movierec-dev-user-personalization-1a2b3c4d/4f5e6d7c}
     * @param metrics its offline metrics
     */
    record Baseline(String name, Map<String, Double> metrics) {
    }

    static QualityGate from(Properties properties) {
        return from(properties.optionalJson(PROPERTY));
    }

    /** The gate as JSON (the {@code QualityGate} property, or a retraining slot's {@code gate}); empty for none. */
    static QualityGate from(Optional<JsonNode> given) {
        if (given.isEmpty() || given.get().isNull()) {
            return new QualityGate(Map.of(), Optional.empty());
        }
        JsonNode gate = given.get();
        JsonNode minimums = gate.get(MINIMUMS);
        if (!gate.isObject() || minimums == null || !minimums.isObject()
                || !Set.of(MINIMUMS, MAX_REGRESSION).containsAll(fieldNames(gate))) {
            throw Failure.property(TYPE, PROPERTY, SHAPE);
        }
        Map<String, Double> parsed = new LinkedHashMap<>();
        minimums.properties().forEach(minimum -> parsed.put(minimum.getKey(),
                number(minimum.getValue(), "sets the minimum of " + minimum.getKey() + " to")));
        JsonNode regression = gate.get(MAX_REGRESSION);
        Optional<Double> maxRegression = regression == null || regression.isNull()
                ? Optional.empty()
                : Optional.of(number(regression, "sets maxRegression to"));
        if (maxRegression.isPresent() && (maxRegression.get() < 0 || maxRegression.get() > 1)) {
            throw Failure.property(TYPE, PROPERTY, "sets maxRegression to " + regression.asText()
                    + ": use a fraction from 0 to 1 (0.05 allows 5% lower than the served version)");
        }
        return new QualityGate(parsed, maxRegression);
    }

    /** True when the gate compares with the served version, which then has to be read. */
    boolean checksRegression() {
        return maxRegression.isPresent() && !minimums.isEmpty();
    }

    /**
     * One sentence per unmet bound; empty when the gate passes.
     *
     * @param metrics the new version's metrics
     * @param served  the version the campaign serves now; empty on a first deploy (no campaign yet), when the
     *                campaign already serves the new version, or without maxRegression: then only the minimums count
     */
    List<String> violations(Map<String, Double> metrics, Optional<Baseline> served) {
        List<String> violations = new ArrayList<>();
        minimums.forEach((metric, minimum) -> {
            Double value = metrics.get(metric);
            if (value == null) {
                violations.add("metric " + metric + " is not reported for this solution version (it reports "
                        + String.join(", ", new TreeSet<>(metrics.keySet())) + ")");
                return;
            }
            if (value < minimum) {
                violations.add("metric " + metric + " is " + format(value, minimum, 2, 4) + ", below the minimum "
                        + format(minimum) + " for this environment");
            }
            served.flatMap(baseline -> regression(metric, value, baseline)).ifPresent(violations::add);
        });
        return violations;
    }

    /**
     * The regression sentence when {@code value} is below {@code (1 - maxRegression)} times the served version's
     * value, computed in decimal so that a value exactly at that bound passes. A metric the served version does not
     * report cannot regress: there is nothing to compare with.
     */
    private Optional<String> regression(String metric, double value, Baseline served) {
        Double before = served.metrics().get(metric);
        if (before == null || maxRegression.isEmpty()) {
            return Optional.empty();
        }
        BigDecimal allowed = BigDecimal.valueOf(maxRegression.get());
        BigDecimal lowest = BigDecimal.valueOf(before).multiply(BigDecimal.ONE.subtract(allowed));
        if (BigDecimal.valueOf(value).compareTo(lowest) >= 0) {
            return Optional.empty();
        }
        double drop = 100 * (before - value) / before;
        double allowedPercent = 100 * maxRegression.get();
        return Optional.of("metric " + metric + " is " + format(value, lowest.doubleValue(), 2, 4) + ", "
                + format(drop, allowedPercent, 1, 1) + "% below the served version's " + format(before) + " ("
                + served.name() + "), more than the " + format(allowedPercent, drop, 1, 1) + "% allowed (at least "
                + format(lowest.doubleValue()) + ")");
    }

    /** At least two decimals (0.10), at most four (0.0834). */
    static String format(double value) {
        return format(value, value, 2, 4);
    }

    /**
     * {@code value} with {@code minScale} to {@code maxScale} decimals, or more (up to 10) while it would print the
     * same as the different {@code bound} it is compared with, so a near miss never reads as equal to its bound.
     */
    static String format(double value, double bound, int minScale, int maxScale) {
        String text = scaled(value, minScale, maxScale);
        for (int scale = maxScale + 1; value != bound && scale <= 10 && text.equals(scaled(bound, minScale, scale - 1));
             scale++) {
            text = scaled(value, minScale, scale);
        }
        return text;
    }

    private static String scaled(double value, int minScale, int maxScale) {
        BigDecimal rounded = BigDecimal.valueOf(value).setScale(maxScale, RoundingMode.HALF_UP).stripTrailingZeros();
        return (rounded.scale() < minScale ? rounded.setScale(minScale, RoundingMode.UNNECESSARY) : rounded)
                .toPlainString();
    }

    private static double number(JsonNode value, String what) {
        try {
            double number = Double.parseDouble(value.asText());
            if (Double.isFinite(number)) {
                return number;
            }
        } catch (NumberFormatException e) {
            // falls through to the sentence below
        }
        throw Failure.property(TYPE, PROPERTY, what + " '" + (value.isContainerNode() ? value : value.asText())
                + "', not a number");
    }

    private static List<String> fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
