package com.movierec.local.personalize.model;

/** The service models cannot be loaded, so personalize-local must not start; the message says how to fix it. */
public final class ServiceModelsUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ServiceModelsUnavailableException(String message) {
        super(message, null, false, false); // a setup problem for the user, not a bug: no stack trace to fill
    }

    public ServiceModelsUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
