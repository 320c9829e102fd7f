package com.movierec.local.personalize.engine;

/** A request Personalize would refuse: its error type and the message the caller sees. */
public final class PersonalizeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorType type;

    public PersonalizeException(ErrorType type, String message) {
        super(message, null, false, false); // an expected answer, not a bug: no stack trace to fill
        this.type = type;
    }

    public ErrorType type() {
        return type;
    }

    public static PersonalizeException notFound(String arn) {
        return new PersonalizeException(ErrorType.RESOURCE_NOT_FOUND, "Resource " + arn + " does not exist.");
    }

    public static PersonalizeException alreadyExists(String arn) {
        return new PersonalizeException(ErrorType.RESOURCE_ALREADY_EXISTS, "Resource " + arn + " already exists.");
    }

    public static PersonalizeException inUse(String message) {
        return new PersonalizeException(ErrorType.RESOURCE_IN_USE, message);
    }

    public static PersonalizeException invalidInput(String message) {
        return new PersonalizeException(ErrorType.INVALID_INPUT, message);
    }

    public static PersonalizeException limitExceeded(String message) {
        return new PersonalizeException(ErrorType.LIMIT_EXCEEDED, message);
    }
}
