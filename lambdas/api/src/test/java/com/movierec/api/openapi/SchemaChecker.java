package com.movierec.api.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a JSON value against an OpenAPI 3.0 schema: the keywords openapi.yaml uses ($ref, allOf, type, nullable,
 * enum, required, properties, additionalProperties: false, items, min/maxItems, uniqueItems, min/maxLength, pattern,
 * minimum, maximum). A keyword it does not know fails the check, so the document cannot outgrow the checker unnoticed.
 */
public final class SchemaChecker {
    private static final Set<String> ANNOTATIONS = Set.of("description", "default", "example", "format", "title");
    private static final Set<String> KEYWORDS = Set.of("$ref", "allOf", "type", "nullable", "enum", "required",
            "properties", "additionalProperties", "items", "minItems", "maxItems", "uniqueItems", "minLength",
            "maxLength", "pattern", "minimum", "maximum");

    private final JsonNode document;

    public SchemaChecker(JsonNode document) {
        this.document = document;
    }

    /** Follows a {@code $ref} like {@code #/components/schemas/Movie}; other nodes come back as they are. */
    public JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        while (current.has("$ref")) {
            String ref = current.get("$ref").asText();
            if (!ref.startsWith("#/")) {
                throw new IllegalArgumentException("only local references are supported: " + ref);
            }
            current = document.at(ref.substring(1));
            if (current.isMissingNode()) {
                throw new IllegalArgumentException("unresolved reference " + ref);
            }
        }
        return current;
    }

    /** Every violation, each naming where in the value it is; empty when the value conforms. */
    public List<String> check(JsonNode schema, JsonNode value) {
        List<String> problems = new ArrayList<>();
        check(schema, value, "$", problems);
        return problems;
    }

    private void check(JsonNode schemaOrRef, JsonNode value, String at, List<String> problems) {
        JsonNode schema = resolve(schemaOrRef);
        for (Iterator<String> names = schema.fieldNames(); names.hasNext(); ) {
            String keyword = names.next();
            if (!KEYWORDS.contains(keyword) && !ANNOTATIONS.contains(keyword) && !keyword.startsWith("x-")) {
                problems.add(at + ": the schema uses '" + keyword + "', which this checker does not support");
            }
        }
        for (JsonNode part : schema.path("allOf")) {
            check(part, value, at, problems);
        }
        if (value.isNull()) {
            if (schema.has("type") && !schema.path("nullable").asBoolean(false)) {
                problems.add(at + ": null is not allowed");
            }
            return;
        }
        if (schema.has("type") && !hasType(value, schema.get("type").asText())) {
            problems.add(at + ": expected " + schema.get("type").asText() + " but got " + value.getNodeType());
            return;
        }
        if (schema.has("enum") && !contains(schema.get("enum"), value)) {
            problems.add(at + ": " + value + " is not one of " + schema.get("enum"));
        }
        if (value.isObject()) {
            checkObject(schema, value, at, problems);
        }
        if (value.isArray()) {
            checkArray(schema, value, at, problems);
        }
        if (value.isTextual()) {
            String text = value.asText();
            int length = text.codePointCount(0, text.length());
            if (schema.has("minLength") && length < schema.get("minLength").asInt()) {
                problems.add(at + ": shorter than " + schema.get("minLength").asInt());
            }
            if (schema.has("maxLength") && length > schema.get("maxLength").asInt()) {
                problems.add(at + ": longer than " + schema.get("maxLength").asInt());
            }
            if (schema.has("pattern") && !Pattern.compile(schema.get("pattern").asText()).matcher(text).find()) {
                problems.add(at + ": '" + text + "' does not match " + schema.get("pattern").asText());
            }
        }
        if (value.isNumber()) {
            if (schema.has("minimum") && value.asDouble() < schema.get("minimum").asDouble()) {
                problems.add(at + ": " + value + " is below " + schema.get("minimum"));
            }
            if (schema.has("maximum") && value.asDouble() > schema.get("maximum").asDouble()) {
                problems.add(at + ": " + value + " is above " + schema.get("maximum"));
            }
        }
    }

    private void checkObject(JsonNode schema, JsonNode value, String at, List<String> problems) {
        for (JsonNode required : schema.path("required")) {
            if (!value.has(required.asText())) {
                problems.add(at + ": the required property '" + required.asText() + "' is missing");
            }
        }
        JsonNode properties = schema.path("properties");
        for (Map.Entry<String, JsonNode> field : value.properties()) {
            if (properties.has(field.getKey())) {
                check(properties.get(field.getKey()), field.getValue(), at + "." + field.getKey(), problems);
            } else if (schema.has("additionalProperties") && !schema.get("additionalProperties").asBoolean(true)) {
                problems.add(at + ": '" + field.getKey() + "' is not a documented property");
            }
        }
    }

    private void checkArray(JsonNode schema, JsonNode value, String at, List<String> problems) {
        if (schema.has("minItems") && value.size() < schema.get("minItems").asInt()) {
            problems.add(at + ": fewer than " + schema.get("minItems").asInt() + " items");
        }
        if (schema.has("maxItems") && value.size() > schema.get("maxItems").asInt()) {
            problems.add(at + ": more than " + schema.get("maxItems").asInt() + " items");
        }
        if (schema.path("uniqueItems").asBoolean(false)) {
            Set<JsonNode> seen = new HashSet<>();
            value.forEach(item -> {
                if (!seen.add(item)) {
                    problems.add(at + ": " + item + " appears more than once");
                }
            });
        }
        if (schema.has("items")) {
            for (int i = 0; i < value.size(); i++) {
                check(schema.get("items"), value.get(i), at + "[" + i + "]", problems);
            }
        }
    }

    private static boolean hasType(JsonNode value, String type) {
        return switch (type) {
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "string" -> value.isTextual();
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            default -> throw new IllegalArgumentException("unknown OpenAPI type " + type);
        };
    }

    private static boolean contains(JsonNode values, JsonNode value) {
        for (JsonNode candidate : values) {
            if (candidate.equals(value)) {
                return true;
            }
        }
        return false;
    }
}
