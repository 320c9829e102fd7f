package com.movierec.api.http;

import com.movierec.api.json.Json;

/** The API's error body, {@code {"error": CODE, "message": sentence, "requestId": id}}, with its status and headers. */
public final class ErrorResponse {
    private ErrorResponse() {
    }

    public static ApiResponse of(ApiException e, String requestId) {
        return of(e.code(), e.getMessage(), requestId).withHeaders(e.headers());
    }

    public static ApiResponse of(ErrorCode code, String message, String requestId) {
        String body = Json.write(g -> {
            g.writeStartObject();
            g.writeStringField("error", code.name());
            g.writeStringField("message", message);
            g.writeStringField("requestId", requestId);
            g.writeEndObject();
        });
        return ApiResponse.json(code.status(), body);
    }
}
