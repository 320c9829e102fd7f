package com.movierec.local.personalize.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Typed access to a request's JSON members. A missing or null member is null. Requests reach the handlers only
 * after {@link ModelValidation} has checked every member's type against the service model, so a member of the
 * wrong JSON type here is a handler reading a member the model does not declare: a bug, answered with a 500.
 */
public final class RequestFields {
    private final ObjectNode body;
    private final String path;

    public RequestFields(ObjectNode body) {
        this(body, "");
    }

    private RequestFields(ObjectNode body, String path) {
        this.body = body;
        this.path = path;
    }

    public String string(String name) {
        JsonNode v = present(name);
        if (v == null) {
            return null;
        }
        if (!v.isTextual()) {
            throw wrongType(name, "a string");
        }
        return v.textValue();
    }

    public Integer integer(String name) {
        JsonNode v = present(name);
        if (v == null) {
            return null;
        }
        if (!v.canConvertToInt() || !v.isIntegralNumber()) {
            throw wrongType(name, "an integer");
        }
        return v.intValue();
    }

    public Boolean bool(String name) {
        JsonNode v = present(name);
        if (v == null) {
            return null;
        }
        if (!v.isBoolean()) {
            throw wrongType(name, "true or false");
        }
        return v.booleanValue();
    }

    public Float floatValue(String name) {
        JsonNode v = present(name);
        if (v == null) {
            return null;
        }
        if (!v.isNumber()) {
            throw wrongType(name, "a number");
        }
        return v.floatValue();
    }

    /** A timestamp in epoch seconds, the AWS JSON protocols' format. */
    public Instant instant(String name) {
        JsonNode v = present(name);
        if (v == null) {
            return null;
        }
        if (!v.isNumber()) {
            throw wrongType(name, "a timestamp in epoch seconds");
        }
        BigDecimal millis = v.decimalValue().movePointRight(3);
        return Instant.ofEpochMilli(millis.longValue());
    }

    /** An object member as raw JSON (configs the engine echoes); null when absent. */
    public JsonNode json(String name) {
        JsonNode v = present(name);
        if (v != null && !v.isObject()) {
            throw wrongType(name, "an object");
        }
        return v;
    }

    /** A nested structure; null when absent. */
    public RequestFields nested(String name) {
        JsonNode v = json(name);
        return v == null ? null : new RequestFields((ObjectNode) v, path + name + ".");
    }

    public List<String> strings(String name) {
        JsonNode v = present(name);
        if (v == null) {
            return null;
        }
        if (!v.isArray()) {
            throw wrongType(name, "a list");
        }
        List<String> out = new ArrayList<>(v.size());
        for (JsonNode e : v) {
            if (!e.isTextual()) {
                throw wrongType(name, "a list of strings");
            }
            out.add(e.textValue());
        }
        return out;
    }

    public Map<String, String> stringMap(String name) {
        JsonNode v = json(name);
        if (v == null) {
            return null;
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : v.properties()) {
            if (!e.getValue().isTextual()) {
                throw wrongType(name + "." + e.getKey(), "a string");
            }
            out.put(e.getKey(), e.getValue().textValue());
        }
        return out;
    }

    /** The members of a list of structures. */
    public List<RequestFields> objects(String name) {
        JsonNode v = present(name);
        if (v == null) {
            return null;
        }
        if (!v.isArray()) {
            throw wrongType(name, "a list");
        }
        List<RequestFields> out = new ArrayList<>(v.size());
        int i = 1;
        for (JsonNode e : v) {
            if (!e.isObject()) {
                throw wrongType(name, "a list of objects");
            }
            out.add(new RequestFields((ObjectNode) e, path + name + "." + i++ + ".member."));
        }
        return out;
    }

    private JsonNode present(String name) {
        JsonNode v = body.get(name);
        return v == null || v.isNull() ? null : v;
    }

    private IllegalStateException wrongType(String name, String expected) {
        return new IllegalStateException("request member " + path + name + " is not " + expected + " although the "
                + "service model was checked first: does the model declare it?");
    }
}
