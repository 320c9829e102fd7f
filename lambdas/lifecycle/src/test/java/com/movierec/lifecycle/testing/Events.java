package com.movierec.lifecycle.testing;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** The event fixtures under src/test/resources/events, read the way the Lambda runtime hands them over. */
public final class Events {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Events() {
    }

    /** {@code load("campaign/create")} reads events/campaign/create.json. */
    public static Map<String, Object> load(String name) {
        try (InputStream in = Events.class.getResourceAsStream("/events/" + name + ".json")) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture events/" + name + ".json");
            }
            return JSON.readValue(in, new TypeReference<LinkedHashMap<String, Object>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the Provider framework passes isComplete: the onEvent event with onEvent's answer laid over it. */
    public static Map<String, Object> afterOnEvent(Map<String, Object> event, Map<String, Object> onEventAnswer) {
        Map<String, Object> merged = new LinkedHashMap<>(event);
        merged.putAll(onEventAnswer);
        return merged;
    }

    /** A copy of {@code event} with one resource property replaced. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> withProperty(Map<String, Object> event, String name, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(event);
        Map<String, Object> properties = new LinkedHashMap<>((Map<String, Object>) event.get("ResourceProperties"));
        if (value == null) {
            properties.remove(name);
        } else {
            properties.put(name, value);
        }
        copy.put("ResourceProperties", properties);
        return copy;
    }

    @SuppressWarnings("unchecked")
    public static String property(Map<String, Object> event, String name) {
        return (String) ((Map<String, Object>) event.get("ResourceProperties")).get(name);
    }
}
