package com.movierec.dataprep;

/**
 * A problem the user can fix: bad input, a missing file, an unwritable output. The message is one sentence that says
 * what is wrong, where, and what to do; the CLI prints it as is, never with a stack trace.
 */
public final class PrepException extends RuntimeException {
    /** Exit code for input or usage problems. */
    public static final int BAD_INPUT = 2;
    /** Exit code for download and I/O problems outside the input data. */
    public static final int IO_FAILURE = 3;

    private final int exitCode;

    public PrepException(String message) {
        this(message, BAD_INPUT, null);
    }

    public PrepException(String message, int exitCode, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
