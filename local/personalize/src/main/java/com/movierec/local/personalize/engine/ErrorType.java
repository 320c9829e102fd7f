package com.movierec.local.personalize.engine;

/**
 * The errors Personalize answers with, by the exception shape names the SDK maps to its exception classes. The HTTP
 * status depends on the protocol, so the server decides it.
 */
public enum ErrorType {
    RESOURCE_NOT_FOUND("ResourceNotFoundException"),
    RESOURCE_ALREADY_EXISTS("ResourceAlreadyExistsException"),
    RESOURCE_IN_USE("ResourceInUseException"),
    INVALID_INPUT("InvalidInputException"),
    /** A request breaking its service model's constraints, refused by AWS's front end before the service sees it. */
    VALIDATION("ValidationException"),
    /** A request member of the wrong JSON type, refused by AWS's front end while reading the request. */
    SERIALIZATION("SerializationException"),
    INVALID_NEXT_TOKEN("InvalidNextTokenException"),
    LIMIT_EXCEEDED("LimitExceededException"),
    THROTTLING("ThrottlingException");

    private final String shapeName;

    ErrorType(String shapeName) {
        this.shapeName = shapeName;
    }

    /** The error shape's name, e.g. {@code ResourceNotFoundException}: the {@code __type} on the wire. */
    public String shapeName() {
        return shapeName;
    }
}
