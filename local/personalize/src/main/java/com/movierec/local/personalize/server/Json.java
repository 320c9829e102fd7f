package com.movierec.local.personalize.server;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.movierec.local.personalize.engine.PersonalizeException;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;

/** The server's JSON: one shared mapper, AWS timestamps (epoch seconds), object building without nulls. */
public final class Json {
    /** Thread-safe once configured. BigDecimals stay plain so a timestamp is never written as 1.7E9. */
    public static final ObjectMapper MAPPER = new ObjectMapper().enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

    private Json() {
    }

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** Puts {@code value} unless it is null: Personalize leaves unset members out. */
    public static ObjectNode put(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
        return node;
    }

    public static ObjectNode put(ObjectNode node, String field, JsonNode value) {
        if (value != null) {
            node.set(field, value);
        }
        return node;
    }

    /** A timestamp as AWS JSON protocols write it: epoch seconds, milliseconds as the fraction. */
    public static ObjectNode time(ObjectNode node, String field, Instant value) {
        if (value != null) {
            node.put(field, BigDecimal.valueOf(value.toEpochMilli(), 3));
        }
        return node;
    }

    /** The body as JSON, or null when it is not a JSON object (the operation itself then says what is wrong). */
    public static ObjectNode parseOrNull(byte[] body) {
        try {
            return parse(body);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Parses a request body; an empty body is an empty object. */
    public static ObjectNode parse(byte[] body) {
        if (body.length == 0) {
            return object();
        }
        try {
            JsonNode node = MAPPER.readTree(body);
            if (node instanceof ObjectNode object) {
                return object;
            }
        } catch (JsonProcessingException e) {
            throw PersonalizeException.invalidInput("The request body is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw PersonalizeException.invalidInput("The request body cannot be read: " + e.getMessage());
        }
        throw PersonalizeException.invalidInput("The request body must be a JSON object.");
    }

    public static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }
}
