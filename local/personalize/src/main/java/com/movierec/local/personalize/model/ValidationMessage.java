package com.movierec.local.personalize.model;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The message of AWS's ValidationException: {@code 2 validation errors detected: Value 'x' at 'name' failed to
 * satisfy constraint: Member must ...; Value null at 'datasetGroupArn' failed to satisfy constraint: Member must not
 * be null}. A sensitive value is left out ({@code Value at 'userId' ...}), as AWS leaves it out.
 */
public final class ValidationMessage {
    private ValidationMessage() {
    }

    public static String of(List<Violation> violations) {
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("a validation message needs at least one violation");
        }
        int n = violations.size();
        return n + (n == 1 ? " validation error detected: " : " validation errors detected: ")
                + violations.stream().map(ValidationMessage::one).collect(Collectors.joining("; "));
    }

    private static String one(Violation v) {
        String value = v.sensitive() ? "Value" : v.value() == null ? "Value null" : "Value '"
                + JsonNodes.render(v.value()) + "'";
        return value + " at '" + v.path() + "' failed to satisfy constraint: " + v.constraint();
    }
}
