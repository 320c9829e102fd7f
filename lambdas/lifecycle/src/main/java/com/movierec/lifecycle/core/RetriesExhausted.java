package com.movierec.lifecycle.core;

/** A call still throttled or unreachable after every attempt; the caller adds which resource it was for. */
public final class RetriesExhausted extends RuntimeException {
    private static final long serialVersionUID = 1L;

    RetriesExhausted(String message, Throwable lastError) {
        super(message, lastError);
    }
}
