package com.movierec.api.http;

import java.util.Map;

/**
 * A request that ends in one of the API's JSON errors. The message is shown to the client, so it is a sentence written
 * here, never an exception's or Personalize's text. No stack trace: these are expected outcomes, not defects.
 */
public final class ApiException extends RuntimeException {
    private final ErrorCode code;
    private final Map<String, String> headers;

    public ApiException(ErrorCode code, String message) {
        this(code, message, Map.of());
    }

    public ApiException(ErrorCode code, String message, Map<String, String> headers) {
        super(message, null, false, false);
        this.code = code;
        this.headers = Map.copyOf(headers);
    }

    public static ApiException badRequest(String message) {
        return new ApiException(ErrorCode.BAD_REQUEST, message);
    }

    public static ApiException notFound(String message) {
        return new ApiException(ErrorCode.NOT_FOUND, message);
    }

    public static ApiException notConfigured(String what) {
        return new ApiException(ErrorCode.NOT_CONFIGURED, what + " is not configured in this environment.");
    }

    public ErrorCode code() {
        return code;
    }

    /** Extra response headers, e.g. Retry-After or Allow. */
    public Map<String, String> headers() {
        return headers;
    }
}
