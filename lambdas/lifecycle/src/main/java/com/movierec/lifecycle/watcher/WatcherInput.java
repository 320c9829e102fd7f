package com.movierec.lifecycle.watcher;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.movierec.lifecycle.core.Failure;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The watcher state machine's input: {@code {"Kind", "Arn", "ResourceName", "SignalUrl", "PollSeconds"}}.
 * The SignalUrl is a presigned secret, so {@link #toString()} leaves it out.
 */
public record WatcherInput(WatcherKind kind, String arn, String resourceName, String signalUrl, int pollSeconds) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public static WatcherInput from(Map<String, Object> input) {
        if (input == null) {
            throw Failure.of("the watcher got no input: it expects {Kind, Arn, ResourceName, SignalUrl, PollSeconds}");
        }
        return new WatcherInput(WatcherKind.of(required(input, "Kind")), required(input, "Arn"),
                required(input, "ResourceName"), required(input, "SignalUrl"), pollSeconds(input));
    }

    /** PollSeconds is a JSON number so the state machine's Wait state can use it as SecondsPath. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("Kind", kind.toString());
        map.put("Arn", arn);
        map.put("ResourceName", resourceName);
        map.put("SignalUrl", signalUrl);
        map.put("PollSeconds", pollSeconds);
        return map;
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(toMap());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return "WatcherInput[kind=" + kind + ", arn=" + arn + ", resourceName=" + resourceName
                + ", pollSeconds=" + pollSeconds + "]";
    }

    private static String required(Map<String, Object> input, String key) {
        Object value = input.get(key);
        if (value == null || value.toString().isBlank()) {
            throw Failure.of("the watcher input has no " + key);
        }
        return value.toString();
    }

    private static int pollSeconds(Map<String, Object> input) {
        String text = required(input, "PollSeconds");
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw Failure.of("the watcher input's PollSeconds must be a whole number, not '" + text + "'");
        }
    }
}
