package com.movierec.api.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.movierec.api.http.ApiException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A request body read as one flat JSON object: scalar members and arrays of scalars, anything else remembered only as
 * "some other type" so the field's error can say what it should be. Unknown members are allowed and ignored, so
 * frontends can send more than this version reads.
 */
public final class JsonFields {
    /** The one Jackson factory of the API, streaming only: strict (duplicate keys rejected) and bounded. */
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(Json.MAX_NESTING_DEPTH)
                    .maxStringLength(Json.MAX_STRING_LENGTH)
                    .maxNumberLength(Json.MAX_NUMBER_LENGTH)
                    .build())
            .build();

    /** Stands for a member whose value is an object, a nested array or a number too large for a long. */
    private static final Object OTHER = new Object();

    private final Map<String, Object> fields;

    private JsonFields(Map<String, Object> fields) {
        this.fields = fields;
    }

    /** @throws ApiException 400 when the text is not exactly one well-formed JSON object */
    public static JsonFields parse(String body) {
        try (JsonParser parser = FACTORY.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw ApiException.badRequest("The request body must be a JSON object.");
            }
            Map<String, Object> fields = new HashMap<>();
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
                String name = parser.currentName();
                parser.nextToken();
                fields.put(name, value(parser));
            }
            if (parser.nextToken() != null) {
                throw ApiException.badRequest("The request body holds more than one JSON value.");
            }
            return new JsonFields(fields);
        } catch (JsonProcessingException e) { // syntax, duplicate keys, limits: the parser's words stay in here
            throw ApiException.badRequest("The request body is not well-formed JSON (or it repeats a member, or nests "
                    + "deeper than " + Json.MAX_NESTING_DEPTH + " levels).");
        } catch (IOException e) {
            throw new UncheckedIOException("reading a JSON string failed", e);
        }
    }

    private static Object value(JsonParser parser) throws IOException {
        return switch (parser.currentToken()) {
            case VALUE_STRING -> parser.getText();
            case VALUE_NUMBER_INT -> parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                    ? OTHER : (Object) parser.getLongValue();
            case VALUE_NUMBER_FLOAT -> parser.getDoubleValue();
            case VALUE_TRUE, VALUE_FALSE -> parser.getBooleanValue();
            case VALUE_NULL -> null;
            case START_ARRAY -> array(parser);
            default -> {
                parser.skipChildren();
                yield OTHER;
            }
        };
    }

    private static Object array(JsonParser parser) throws IOException {
        List<Object> values = new ArrayList<>();
        boolean flat = true;
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            if (token == JsonToken.START_ARRAY || token == JsonToken.START_OBJECT) {
                parser.skipChildren();
                flat = false;
            } else if (flat) {
                values.add(value(parser));
            }
        }
        return flat ? values : OTHER;
    }

    /** A string member; null when absent or JSON null. @throws ApiException 400 when it has another type */
    public String string(String name) {
        Object value = fields.get(name);
        if (value == null || value instanceof String) {
            return (String) value;
        }
        throw ApiException.badRequest(name + " must be a string.");
    }

    /** A whole-number member; null when absent or JSON null. */
    public Long wholeNumber(String name, String expectation) {
        Object value = fields.get(name);
        if (value == null || value instanceof Long) {
            return (Long) value;
        }
        throw ApiException.badRequest(name + " must be " + expectation + ".");
    }

    /** An array of strings; null when absent or JSON null. */
    public List<String> strings(String name) {
        Object value = fields.get(name);
        if (value == null) {
            return null;
        }
        if (value instanceof List<?> list) {
            List<String> strings = new ArrayList<>(list.size());
            for (Object element : list) {
                if (!(element instanceof String s)) {
                    throw ApiException.badRequest(name + " must be an array of strings.");
                }
                strings.add(s);
            }
            return strings;
        }
        throw ApiException.badRequest(name + " must be an array of strings.");
    }
}
