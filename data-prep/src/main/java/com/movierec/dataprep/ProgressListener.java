package com.movierec.dataprep;

/** Told how far the long interactions pass has read, so a terminal can show a progress bar. */
public interface ProgressListener {
    ProgressListener NONE = new ProgressListener() {
        @Override
        public void start(String task, long totalBytes) {
        }

        @Override
        public void bytesRead(long bytes) {
        }

        @Override
        public void finish() {
        }
    };

    /** @param totalBytes the uncompressed size of what will be read, or -1 if unknown */
    void start(String task, long totalBytes);

    /** @param bytes bytes read so far (cumulative) */
    void bytesRead(long bytes);

    void finish();
}
