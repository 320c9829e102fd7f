package com.movierec.local.engine;

import java.util.regex.Pattern;

/** Personalize's request validation, with its "1 validation error detected" messages. */
public final class Validation {
    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9\\-_]*");
    private static final int MAX_NAME = 63;
    private static final Pattern ROLE_ARN = Pattern.compile("arn:([a-z\\d-]+):iam::\\d{12}:role/?[a-zA-Z_0-9+=,.@\\-_/]+");
    private static final Pattern KMS_KEY_ARN = Pattern.compile("arn:aws.*:kms:.*:[0-9]{12}:key/.*");

    private Validation() {
    }

    /** A resource name: 1-63 characters of {@code ^[a-zA-Z0-9][a-zA-Z0-9\-_]*}. */
    public static String name(String field, String value) {
        require(field, value);
        if (value.length() > MAX_NAME) {
            throw failed(field, value, "Member must have length less than or equal to " + MAX_NAME);
        }
        if (!NAME.matcher(value).matches()) {
            throw failed(field, value, "Member must satisfy regular expression pattern: ^[a-zA-Z0-9][a-zA-Z0-9\\-_]*");
        }
        return value;
    }

    /** An ARN field: present and shaped like an ARN. */
    public static String arn(String field, String value) {
        require(field, value);
        if (!Arns.isArn(value)) {
            throw failed(field, value, "Member must satisfy regular expression pattern: arn:([a-z\\d-]+):personalize:.*:.*:.+");
        }
        return value;
    }

    /** An IAM role ARN, as Personalize's RoleArn shape requires. */
    public static String roleArn(String field, String value) {
        require(field, value);
        if (!ROLE_ARN.matcher(value).matches()) {
            throw failed(field, value, "Member must satisfy regular expression pattern: " + ROLE_ARN.pattern());
        }
        return value;
    }

    /** A KMS key ARN, or null. */
    public static String optionalKmsKeyArn(String field, String value) {
        if (value != null && !KMS_KEY_ARN.matcher(value).matches()) {
            throw failed(field, value, "Member must satisfy regular expression pattern: " + KMS_KEY_ARN.pattern());
        }
        return value;
    }

    /** An optional ARN field: null stays null, anything else must be shaped like an ARN. */
    public static String optionalArn(String field, String value) {
        return value == null ? null : arn(field, value);
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
