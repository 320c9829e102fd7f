package com.movierec.local.deployer.auth;

/**
 * An OAuth 2.0 error (RFC 6749 §5.2, §4.1.2.1) as the issuer answers it: the error code, a sentence saying what was
 * wrong and how to fix it, and the HTTP status of a JSON answer.
 */
public final class OAuthException extends RuntimeException {
    private final String error;
    private final int status;

    public OAuthException(String error, String description) {
        this(error, description, 400);
    }

    public OAuthException(String error, String description, int status) {
        super(description);
        this.error = error;
        this.status = status;
    }

    /** {@code invalid_request}, {@code invalid_client}, {@code invalid_grant}, ... */
    public String error() {
        return error;
    }

    public String description() {
        return getMessage();
    }

    public int status() {
        return status;
    }
}
