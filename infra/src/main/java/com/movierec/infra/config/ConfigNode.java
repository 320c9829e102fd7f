package com.movierec.infra.config;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * One JSON object of the {@code movierec} context with its key path. Readers return empty and record one sentence
 * ({@code <path> is <value>: <fix>.}) when a value is present but wrong, so a single synth reports every mistake.
 */
final class ConfigNode {
    private final String path;
    private final Map<?, ?> values;
    private final List<String> problems;

    ConfigNode(String path, Map<?, ?> values, List<String> problems) {
        this.path = path;
        this.values = values;
        this.problems = problems;
    }

    String path() {
        return path;
    }

    String path(String key) {
        return path + "." + key;
    }

    Set<String> keys() {
        Set<String> keys = new TreeSet<>();
        values.keySet().forEach(k -> keys.add(String.valueOf(k)));
        return keys;
    }

    boolean has(String key) {
        return values.containsKey(key);
    }

    /** Present and JSON null: for optional parts that can be switched off. */
    boolean isNull(String key) {
        return values.containsKey(key) && values.get(key) == null;
    }

    void problem(String key, String fix) {
        problems.add(path(key) + " is " + show(values.get(key)) + ": " + fix + ".");
    }

    void problem(String sentence) {
        problems.add(sentence);
    }

    Optional<ConfigNode> object(String key, String fix) {
        Object value = values.get(key);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof Map<?, ?> map) {
            return Optional.of(new ConfigNode(path(key), map, problems));
        }
        problem(key, fix);
        return Optional.empty();
    }

    Optional<List<?>> list(String key, String fix) {
        Object value = values.get(key);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof List<?> list) {
            return Optional.of(list);
        }
        problem(key, fix);
        return Optional.empty();
    }

    Optional<String> text(String key, Pattern valid, String fix) {
        Object value = values.get(key);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof String s && valid.matcher(s).matches()) {
            return Optional.of(s);
        }
        problem(key, fix);
        return Optional.empty();
    }

    Optional<Integer> wholeNumber(String key, int min, int max, String fix) {
        Object value = values.get(key);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof Number n) {
            double d = n.doubleValue();
            if (d == Math.rint(d) && d >= min && d <= max) {
                return Optional.of((int) d);
            }
        }
        problem(key, fix);
        return Optional.empty();
    }

    /** A JSON number from {@code min} to {@code max}, both included. */
    Optional<Double> number(String key, double min, double max, String fix) {
        Object value = values.get(key);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof Number n && n.doubleValue() >= min && n.doubleValue() <= max) {
            return Optional.of(n.doubleValue());
        }
        problem(key, fix);
        return Optional.empty();
    }

    Optional<Boolean> flag(String key) {
        Object value = values.get(key);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof Boolean b) {
            return Optional.of(b);
        }
        problem(key, "set true or false (JSON booleans, without quotes)");
        return Optional.empty();
    }

    /**
     * Reports every key that is not one of {@code known}; AutoML keys get the sentence saying AutoML is retired,
     * because that is the one mistake a Personalize user migrating older code is likely to make.
     */
    void rejectUnknownKeys(Set<String> known) {
        for (String key : keys()) {
            if (known.contains(key)) {
                continue;
            }
            if (RetiredFeatures.isAutoMlKey(key)) {
                problem(key, "AutoML is retired in Amazon Personalize; remove the key and deploy the recipe "
                        + RetiredFeatures.REPLACEMENT + " (recipes.userPersonalization), which replaces it");
            } else {
                problem(path(key) + " is not a known key: use one of " + String.join(", ", new TreeSet<>(known))
                        + " (see infra/README.md).");
            }
        }
    }

    static String show(Object value) {
        if (value instanceof String s) {
            return "\"" + s + "\"";
        }
        if (value instanceof Map<?, ?>) {
            return "an object";
        }
        if (value instanceof List<?>) {
            return "a list";
        }
        if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
                && Math.abs(n.doubleValue()) < 1e15) {
            return Long.toString(n.longValue());
        }
        return String.valueOf(value);
    }
}
