package com.movierec.lifecycle.core;

import java.util.LinkedHashMap;
import java.util.Map;

/** What isComplete answers: not yet, or done with the attributes Fn::GetAtt reads. */
public record Completion(boolean complete, Map<String, String> data) {
    private static final Completion WAITING = new Completion(false, Map.of());

    public static Completion waiting() {
        return WAITING;
    }

    public static Completion done(Map<String, String> data) {
        return new Completion(true, data);
    }

    public static Completion withArn(String arn) {
        return done(Map.of("Arn", arn));
    }

    /** The Provider framework rejects Data on an incomplete answer, so "not yet" carries none. */
    public Map<String, Object> toMap() {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("IsComplete", complete);
        if (complete && !data.isEmpty()) {
            answer.put("Data", new LinkedHashMap<>(data));
        }
        return answer;
    }
}
