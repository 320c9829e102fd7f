package com.movierec.local.personalize.engine;

/**
 * The checks Personalize makes beyond its service model, worded like the model's ("1 validation error detected").
 * The model's own constraints (required members, lengths, patterns, ranges, enums) are checked in front of the
 * engine by the server ({@code com.movierec.local.personalize.server.ModelValidation}), as AWS's front end checks them before
 * the service; what remains here is what the model leaves open, such as an import's data location.
 */
public final class Validation {
    private Validation() {
    }

    public static <T> T require(String field, T value) {
        if (value == null || (value instanceof String s && s.isEmpty())) {
            throw PersonalizeException.invalidInput("1 validation error detected: Value null at '" + field
                    + "' failed to satisfy constraint: Member must not be null");
        }
        return value;
    }

    public static PersonalizeException failed(String field, Object value, String constraint) {
        return PersonalizeException.invalidInput("1 validation error detected: Value '" + value + "' at '" + field
                + "' failed to satisfy constraint: " + constraint);
    }
}
