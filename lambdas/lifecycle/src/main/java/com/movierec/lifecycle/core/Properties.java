package com.movierec.lifecycle.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.movierec.schemas.contract.CustomResourceType;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Typed access to ResourceProperties. CloudFormation passes every value as a string (numbers and booleans too), the
 * local deployer may pass native values; both are accepted. A missing or invalid value fails with a sentence that
 * names the resource type and the property.
 */
public final class Properties {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final CustomResourceType type;
    private final Map<String, Object> values;

    public Properties(CustomResourceType type, Map<String, Object> values) {
        this.type = type;
        this.values = values == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public Map<String, Object> asMap() {
        return values;
    }

    public String required(String name) {
        return optional(name).orElseThrow(() -> Failure.property(type, name, "is required"));
    }

    public Optional<String> optional(String name) {
        Object value = values.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof Map || value instanceof List) {
            throw Failure.property(type, name, "must be a string, not a JSON " + (value instanceof Map ? "object" : "array"));
        }
        String text = value.toString().trim();
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }

    /** A boolean that has no safe default; {@code why} tells the reader why it must be explicit. */
    public boolean requiredBoolean(String name, String why) {
        String text = optional(name).orElseThrow(() -> Failure.property(type, name, "is required (true or false): " + why));
        return parseBoolean(name, text);
    }

    public boolean optionalBoolean(String name, boolean defaultValue) {
        return optional(name).map(text -> parseBoolean(name, text)).orElse(defaultValue);
    }

    public int requiredInt(String name, int min) {
        return parseInt(name, required(name), min);
    }

    public int optionalInt(String name, int defaultValue, int min) {
        return optional(name).map(text -> parseInt(name, text, min)).orElse(defaultValue);
    }

    /** One of {@code allowed}, compared without case and answered in the allowed spelling; absent means the first. */
    public String oneOf(String name, List<String> allowed) {
        return optionalOneOf(name, allowed).orElse(allowed.get(0));
    }

    public String requiredOneOf(String name, List<String> allowed) {
        required(name);
        return oneOf(name, allowed);
    }

    public Optional<String> optionalOneOf(String name, List<String> allowed) {
        return optional(name).map(given -> allowed.stream()
                .filter(candidate -> candidate.equalsIgnoreCase(given))
                .findFirst()
                .orElseThrow(() -> Failure.property(type, name,
                        "must be one of " + String.join(", ", allowed) + ", not '" + given + "'")));
    }

    /** A JSON value given either as a JSON string or, from CloudFormation, as a nested object. */
    public Optional<JsonNode> optionalJson(String name) {
        Object value = values.get(name);
        if (value == null || value instanceof String text && text.isBlank()) {
            return Optional.empty();
        }
        if (value instanceof String text) {
            try {
                return Optional.of(JSON.readTree(text));
            } catch (JsonProcessingException e) {
                throw Failure.property(type, name, "is not valid JSON: " + e.getOriginalMessage());
            }
        }
        return Optional.of(JSON.valueToTree(value));
    }

    private boolean parseBoolean(String name, String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw Failure.property(type, name, "must be true or false, not '" + text + "'");
        };
    }

    private int parseInt(String name, String text, int min) {
        try {
            int value = Integer.parseInt(text);
            if (value >= min) {
                return value;
            }
        } catch (NumberFormatException e) {
            // falls through to the sentence below
        }
        throw Failure.property(type, name, "must be a whole number of at least " + min + ", not '" + text + "'");
    }
}
