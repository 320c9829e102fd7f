package com.movierec.local.personalize.engine.transitions;

/** Work that ended a creation with CREATE FAILED; the message is the failureReason Describe shows. */
public final class JobFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public JobFailure(String failureReason) {
        super(failureReason, null, false, false);
    }
}
