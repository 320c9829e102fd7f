package com.movierec.lifecycle.watcher;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** The WaitCondition signal: {@code {"Status", "UniqueId", "Reason", "Data"}}, with the job's ARN as id and data. */
public final class SignalBody {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SignalBody() {
    }

    public static String success(String arn, String reason) {
        return json("SUCCESS", arn, reason);
    }

    public static String failure(String arn, String reason) {
        return json("FAILURE", arn, reason);
    }

    private static String json(String status, String arn, String reason) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("Status", status);
        body.put("UniqueId", arn);
        body.put("Reason", reason);
        body.put("Data", arn);
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
