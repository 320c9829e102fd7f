package com.movierec.api.http;

import java.util.Map;
import java.util.Set;

/**
 * CORS for browser frontends: the request's Origin is echoed only when ALLOWED_ORIGINS lists it, and {@code *} is
 * answered only when ALLOWED_ORIGINS is {@code *}. No origin configured means no CORS headers at all.
 */
public final class Cors {
    static final String ALLOWED_HEADERS = "Content-Type, X-Api-Key, Authorization, X-Amz-Date, X-Amz-Security-Token";
    static final String MAX_AGE_SECONDS = "600";

    private final Set<String> allowedOrigins;

    public Cors(Set<String> allowedOrigins) {
        this.allowedOrigins = Set.copyOf(allowedOrigins);
    }

    /** Headers to add to any response to this request. */
    public Map<String, String> headersFor(ApiRequest request) {
        if (allowedOrigins.isEmpty()) {
            return Map.of();
        }
        if (allowedOrigins.contains("*")) {
            return Map.of("Access-Control-Allow-Origin", "*", "Access-Control-Expose-Headers", "Retry-After");
        }
        String origin = request.header("Origin");
        if (origin != null && allowedOrigins.contains(origin)) {
            return Map.of("Access-Control-Allow-Origin", origin, "Access-Control-Expose-Headers", "Retry-After",
                    "Vary", "Origin");
        }
        return Map.of("Vary", "Origin");
    }

    /** The answer to a browser's preflight OPTIONS request for a path that supports {@code methods}. */
    public ApiResponse preflight(ApiRequest request, String methods) {
        Map<String, String> cors = headersFor(request);
        if (!cors.containsKey("Access-Control-Allow-Origin")) {
            return new ApiResponse(204, cors, null);
        }
        return new ApiResponse(204, Map.of(
                "Access-Control-Allow-Methods", methods,
                "Access-Control-Allow-Headers", ALLOWED_HEADERS,
                "Access-Control-Max-Age", MAX_AGE_SECONDS), null).withHeaders(cors);
    }
}
