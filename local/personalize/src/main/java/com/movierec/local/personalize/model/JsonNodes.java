package com.movierec.local.personalize.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/** How request values appear in AWS's messages. */
final class JsonNodes {
    static final Set<String> NON_FINITE = Set.of("NaN", "Infinity", "-Infinity");

    private JsonNodes() {
    }

    static JsonNode text(String s) {
        return TextNode.valueOf(s);
    }

    /**
     * A value as AWS's Java front end prints it: strings bare, lists {@code [a, b]}, maps and structures
     * {@code {k=v}} (Java's {@code toString} of its collections).
     */
    static String render(JsonNode v) {
        if (v == null || v.isNull()) {
            return "null";
        }
        if (v.isArray()) {
            return StreamSupport.stream(v.spliterator(), false).map(JsonNodes::render)
                    .collect(Collectors.joining(", ", "[", "]"));
        }
        if (v.isObject()) {
            return v.properties().stream().map(e -> e.getKey() + "=" + render(e.getValue()))
                    .collect(Collectors.joining(", ", "{", "}"));
        }
        return v.asText();
    }

    /**
     * The SerializationException text for a value of the wrong JSON type, in the words of AWS's JSON reader
     * ({@code STRING_VALUE can not be converted to an Integer}) plus the member, which AWS leaves out.
     */
    static String mismatch(JsonNode v, ShapeType expected, String at) {
        String what;
        if (v.isObject()) {
            what = "Start of structure or map found where not expected";
        } else if (v.isArray()) {
            what = "Start of list found where not expected";
        } else {
            String token = v.isTextual() ? "STRING_VALUE" : v.isNumber() ? "NUMBER_VALUE" : "BOOLEAN_VALUE";
            what = token + " can not be converted to " + typeName(expected);
        }
        return what + " (member '" + at + "').";
    }

    private static String typeName(ShapeType type) {
        return switch (type) {
            case INTEGER -> "an Integer";
            case STRUCTURE -> "a Structure";
            default -> "a " + type.name().charAt(0) + type.name().substring(1).toLowerCase(Locale.ROOT);
        };
    }
}
