package com.movierec.local.personalize.server.auth;

/** A request refused before it reaches the engine: AWS's error type, HTTP status and message. */
public final class AuthFailure extends RuntimeException {
    private final int status;
    private final String type;

    AuthFailure(int status, String type, String message) {
        super(message);
        this.status = status;
        this.type = type;
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }
}
