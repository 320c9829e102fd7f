package com.movierec.api.http;

/** The {@code error} values of the API's JSON errors and the HTTP status each one is answered with. */
public enum ErrorCode {
    BAD_REQUEST(400),
    /**
     * A signed-in user acting for another user (api.auth jwt); otherwise answered by API Gateway itself (missing or
     * wrong API key, IAM denial), in this same JSON shape.
     */
    FORBIDDEN(403),
    NOT_FOUND(404),
    METHOD_NOT_ALLOWED(405),
    PAYLOAD_TOO_LARGE(413),
    THROTTLED(429),
    /** A defect of this API, never a client's mistake; the property tests check no input reaches it. */
    INTERNAL_ERROR(500),
    UPSTREAM_ERROR(502),
    UNAVAILABLE(503),
    NOT_CONFIGURED(503);

    private final int status;

    ErrorCode(int status) {
        this.status = status;
    }

    public int status() {
        return status;
    }
}
