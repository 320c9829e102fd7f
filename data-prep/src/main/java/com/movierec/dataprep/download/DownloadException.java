package com.movierec.dataprep.download;

/**
 * A download that could not give a verified zip. The message is one sentence for end users: what failed, where, and
 * what to do; the cause is kept for debugging only and is never meant to be printed.
 */
public final class DownloadException extends Exception {
    public DownloadException(String oneSentence) {
        super(oneSentence);
    }

    public DownloadException(String oneSentence, Throwable cause) {
        super(oneSentence, cause);
    }
}
