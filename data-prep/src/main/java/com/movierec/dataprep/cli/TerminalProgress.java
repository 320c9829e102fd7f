package com.movierec.dataprep.cli;

import com.movierec.dataprep.ProgressListener;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** A progress bar on the terminal for long reads; nothing at all for short ones or when output is not a terminal. */
final class TerminalProgress implements ProgressListener {
    /** Below this, a run takes about a second and a bar would only flicker. */
    private static final long MIN_BYTES_FOR_BAR = 32L << 20;
    private static final long MB = 1L << 20;

    private final boolean enabled;
    private ProgressBar bar;

    TerminalProgress(boolean enabled) {
        this.enabled = enabled;
    }

    @Override
    public void start(String task, long totalBytes) {
        if (enabled && totalBytes >= MIN_BYTES_FOR_BAR) {
            bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(totalBytes / MB).setUnit(" MB", 1)
                    .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(250).continuousUpdate().build();
        }
    }

    @Override
    public void bytesRead(long bytes) {
        if (bar != null) {
            bar.stepTo(bytes / MB);
        }
    }

    @Override
    public void finish() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
