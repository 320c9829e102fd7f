package com.movierec.infra.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One mistake in the {@code movierec} configuration, as the object that found it words it: {@code <path> is <value>:
 * <fix>.} or, for a mistake that is not one value's, {@code <path> <text>.}. The path is relative to that object (keys
 * and list indexes; empty for the object itself); {@link ConfigBinder} puts the object's own path in front and shows
 * the value as cdk.json wrote it.
 *
 * @param path       keys ({@link String}) and list indexes ({@link Integer}) from the object to the value
 * @param showsValue whether the sentence is {@code <path> is <value>: <text>.}
 * @param value      the value, as the object holds it
 * @param text       the fix, or the whole sentence after the path; without the final full stop
 */
public record ConfigProblem(List<Object> path, boolean showsValue, Object value, String text) {

    public ConfigProblem {
        path = List.copyOf(path);
    }

    /** {@code <path> is <value>: <fix>.} */
    static ConfigProblem invalid(List<Object> path, Object value, String fix) {
        return new ConfigProblem(path, true, value, fix);
    }

    /** {@code <path> <text>.} */
    static ConfigProblem sentence(List<Object> path, String text) {
        return new ConfigProblem(path, false, null, text);
    }

    /** The sentence below {@code prefix}, the path of the object that found it, showing the value as {@code shown}. */
    String render(String prefix, String shown) {
        return path(prefix) + (showsValue ? " is " + shown + ": " : " ") + text + ".";
    }

    /** The sentence relative to the object, with the value as it holds it: for problems found outside the binder. */
    String describe() {
        return render("", show(value)).stripLeading();
    }

    /** {@code prefix.key[index]...}: the path as cdk.json's keys spell it. */
    String path(String prefix) {
        StringBuilder path = new StringBuilder(prefix);
        for (Object segment : this.path) {
            path.append(segment instanceof Integer index ? "[" + index + "]" : (path.isEmpty() ? "" : ".") + segment);
        }
        return path.toString();
    }

    /**
     * A value the way the sentences show it: strings quoted, whole numbers without a fraction, objects and lists by
     * their kind, enums by their cdk.json spelling.
     */
    static String show(Object value) {
        return switch (value) {
            case null -> "null";
            case JsonNode node -> show(ConfigBinder.JSON.convertValue(node, Object.class));
            case Optional<?> optional -> show(optional.orElse(null));
            case String text -> "\"" + text + "\"";
            case Enum<?> constant -> show(ConfigBinder.JSON.valueToTree(constant));
            case Map<?, ?> map -> "an object";
            case Record record -> "an object";
            case Collection<?> list -> "a list";
            case Number n when n.doubleValue() == Math.rint(n.doubleValue()) && Math.abs(n.doubleValue()) < 1e15 ->
                    Long.toString(n.longValue());
            default -> String.valueOf(value);
        };
    }
}
