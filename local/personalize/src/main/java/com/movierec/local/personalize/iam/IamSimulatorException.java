package com.movierec.local.personalize.iam;

/** The IAM simulator cannot be started or cannot evaluate a request: a setup problem, never an AWS answer. */
public final class IamSimulatorException extends RuntimeException {
    public IamSimulatorException(String message) {
        super(message);
    }
}
