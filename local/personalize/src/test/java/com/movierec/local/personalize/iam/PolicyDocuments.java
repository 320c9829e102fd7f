package com.movierec.local.personalize.iam;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.stream.Collectors;

/** IAM policy documents for tests, written as the JSON a template holds. */
public final class PolicyDocuments {
    private static final ObjectMapper JSON = new ObjectMapper();

    private PolicyDocuments() {
    }

    public static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A policy with the given statements (each a JSON object). */
    public static JsonNode policy(String... statements) {
        return json("{\"Version\": \"2012-10-17\", \"Statement\": [" + String.join(",", statements) + "]}");
    }

    /** {@code {"Effect": "Allow", "Action": action, "Resource": [resources]}}. */
    public static String allow(String action, String... resources) {
        return statement("Allow", action, resources);
    }

    public static String deny(String action, String... resources) {
        return statement("Deny", action, resources);
    }

    private static String statement(String effect, String action, String... resources) {
        return "{\"Effect\": \"" + effect + "\", \"Action\": \"" + action + "\", \"Resource\": ["
                + Arrays.stream(resources).map(r -> "\"" + r + "\"").collect(Collectors.joining(",")) + "]}";
    }

    /** A trust policy letting {@code service} assume the role. */
    public static JsonNode trust(String service) {
        return policy("{\"Effect\": \"Allow\", \"Principal\": {\"Service\": \"" + service + "\"}, "
                + "\"Action\": \"sts:AssumeRole\"}");
    }
}
