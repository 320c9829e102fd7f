package com.movierec.api.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.HashMap;
import java.util.Map;

/** A response before it becomes API Gateway's proxy response: status, headers, body text (null for none). */
public record ApiResponse(int status, Map<String, String> headers, String body) {
    public static final String JSON = "application/json";

    public ApiResponse {
        headers = Map.copyOf(headers);
    }

    public static ApiResponse json(int status, String body) {
        return new ApiResponse(status, Map.of("Content-Type", JSON, "X-Content-Type-Options", "nosniff"), body);
    }

    public ApiResponse withHeaders(Map<String, String> extra) {
        if (extra.isEmpty()) {
            return this;
        }
        Map<String, String> all = new HashMap<>(headers);
        all.putAll(extra);
        return new ApiResponse(status, all, body);
    }

    public APIGatewayProxyResponseEvent toEvent() {
        return new APIGatewayProxyResponseEvent()
                .withStatusCode(status)
                .withHeaders(new HashMap<>(headers))
                .withBody(body)
                .withIsBase64Encoded(false);
    }
}
