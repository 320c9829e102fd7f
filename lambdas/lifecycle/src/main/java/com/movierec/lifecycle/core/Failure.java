package com.movierec.lifecycle.core;

import com.movierec.schemas.contract.CustomResourceType;

/**
 * A failure whose message is the reason CloudFormation shows: it names the resource type, the resource name and,
 * for Personalize failures, the status and Personalize's failureReason, as docs/personalize-resources.md specifies.
 */
public final class Failure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    /** CloudFormation rejects a response over 4 KB; a long failureReason must not cost the whole answer. */
    static final int MAX_LENGTH = 1000;

    private Failure(String message, Throwable cause) {
        super(message.length() <= MAX_LENGTH ? message : message.substring(0, MAX_LENGTH - 16) + " ... (truncated)",
                cause);
    }

    private Failure(String message) {
        this(message, null);
    }

    /** {@code Custom::PersonalizeSolution movierec-dev-x is CREATE FAILED: <failureReason>}. */
    public static Failure status(CustomResourceType type, String name, String status, String failureReason) {
        String reason = failureReason == null || failureReason.isBlank()
                ? "Personalize gave no failureReason"
                : failureReason;
        return new Failure(type + " " + name + " is " + status + ": " + reason);
    }

    /** A sentence about one resource: {@code Custom::PersonalizeCampaign movierec-dev-x: <sentence>}. */
    public static Failure of(CustomResourceType type, String name, String sentence) {
        return new Failure(type + " " + name + ": " + sentence);
    }

    /** An unexpected error during work on one resource, kept as the cause for the stack trace. */
    public static Failure of(CustomResourceType type, String name, String sentence, Throwable cause) {
        return new Failure(type + " " + name + ": " + sentence, cause);
    }

    /** A sentence about one property: {@code Custom::PersonalizeSolution property X <sentence>}. */
    public static Failure property(CustomResourceType type, String property, String sentence) {
        return new Failure(type + " property " + property + " " + sentence);
    }

    /** A failure before the resource is known (a malformed event). */
    public static Failure of(String sentence) {
        return new Failure(sentence);
    }
}
