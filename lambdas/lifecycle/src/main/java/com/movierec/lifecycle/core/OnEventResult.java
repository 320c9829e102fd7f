package com.movierec.lifecycle.core;

import java.util.LinkedHashMap;
import java.util.Map;

/** What onEvent answers the Provider framework: the physical id and the attributes known so far. */
public record OnEventResult(String physicalResourceId, Map<String, String> data) {

    public static OnEventResult of(String physicalResourceId) {
        return new OnEventResult(physicalResourceId, Map.of());
    }

    public static OnEventResult withArn(String arn) {
        return new OnEventResult(arn, Map.of("Arn", arn));
    }

    public Map<String, Object> toMap() {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("PhysicalResourceId", physicalResourceId);
        if (!data.isEmpty()) {
            answer.put("Data", new LinkedHashMap<>(data));
        }
        return answer;
    }
}
