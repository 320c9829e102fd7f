package com.movierec.local.personalize.server.auth;

/**
 * A request refused while authenticating it, with AWS's error type and message; the HTTP status is the protocol's,
 * which {@link RequestAuthorizer} adds.
 */
final class SignatureRefusal extends RuntimeException {
    static final String INCOMPLETE = "IncompleteSignatureException";
    static final String INVALID = "InvalidSignatureException";
    static final String UNRECOGNIZED = "UnrecognizedClientException";
    static final String MISSING = "MissingAuthenticationTokenException";

    private final String type;

    SignatureRefusal(String type, String message) {
        super(message, null, false, false);
        this.type = type;
    }

    String type() {
        return type;
    }
}
