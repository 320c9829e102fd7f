package com.movierec.local.personalize.iam;

/**
 * The simulator cannot evaluate a request as given: a resource that is not of a type the action takes (a campaign
 * ARN where a schema's is expected), or not an ARN at all. Such a request is the service's to refuse with its own
 * error, not IAM's.
 */
public final class UnevaluableRequestException extends RuntimeException {
    public UnevaluableRequestException(String message) {
        super(message);
    }
}
