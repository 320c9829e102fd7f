package com.movierec.local.personalize.server;

import com.movierec.local.personalize.engine.ErrorType;

/**
 * The two wire protocols of Personalize's APIs and how each reports an error. The control plane is AWS JSON 1.1:
 * every error is HTTP 400 with {@code __type}. The runtime and events APIs are REST-JSON: the status comes from
 * the error shape in the service model (404 ResourceNotFound, 409 ResourceInUse, 400 InvalidInput, 400 for the
 * front end's ValidationException and SerializationException), and
 * throttling is 429 so the SDK classes it as throttling by status alone.
 */
public enum Protocol {
    AWS_JSON_1_1("application/x-amz-json-1.1"),
    REST_JSON("application/json");

    private final String contentType;

    Protocol(String contentType) {
        this.contentType = contentType;
    }

    public String contentType() {
        return contentType;
    }

    public int status(ErrorType type) {
        if (this == AWS_JSON_1_1) {
            return 400;
        }
        return switch (type) {
            case RESOURCE_NOT_FOUND -> 404;
            case RESOURCE_IN_USE, RESOURCE_ALREADY_EXISTS -> 409;
            case THROTTLING -> 429;
            case INVALID_INPUT, INVALID_NEXT_TOKEN, LIMIT_EXCEEDED, VALIDATION, SERIALIZATION -> 400;
        };
    }
}
