package com.movierec.dataprep.download;

/** Told how far a download has got, so the CLI can draw a progress bar. */
@FunctionalInterface
public interface DownloadListener {
    /** Ignores progress. */
    DownloadListener NONE = (bytesSoFar, totalBytesOrMinusOne) -> { };

    /**
     * Called after each chunk with the bytes received so far; the total is -1 when the server did not say how big
     * the file is. The last call reports the complete size.
     */
    void progress(long bytesSoFar, long totalBytesOrMinusOne);
}
