package com.movierec.local.deployer.cli;

import com.movierec.local.deployer.deploy.DeployListener;
import com.movierec.local.deployer.deploy.StackEvent;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * What deploy, destroy and up report to: every stack event to the deploy log, and on the terminal the
 * {@link DeploySummary} (a clock thread tells it the time, so it can say what is waiting) or, verbose, every event
 * too. Closing stops the clock, prints what the summary holds back and closes the log.
 */
final class DeployProgress implements DeployListener, AutoCloseable {
    static final Duration WAITING_INTERVAL = Duration.ofSeconds(10);

    private final Path logFile;
    private final PrintWriter log;
    private final EventList logLines;
    private final DeployListener terminal;
    private final DeploySummary summary;
    private final ScheduledExecutorService clock;

    private DeployProgress(Path logFile, PrintWriter log, DeployListener terminal, DeploySummary summary,
                           ScheduledExecutorService clock) {
        this.logFile = logFile;
        this.log = log;
        this.logLines = new EventList(log);
        this.terminal = terminal;
        this.summary = summary;
        this.clock = clock;
    }

    /** Replaces {@code logFile}; the terminal gets every event when {@code verbose}, else the summary. */
    static DeployProgress open(Path logFile, boolean verbose, PrintWriter out) {
        PrintWriter log = openLog(logFile);
        if (verbose) {
            return new DeployProgress(logFile, log, new EventList(out), null, null);
        }
        DeploySummary summary = new DeploySummary(out, ZoneId.systemDefault(), WAITING_INTERVAL);
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "movierec-deploy-clock");
            thread.setDaemon(true);
            return thread;
        });
        clock.scheduleAtFixedRate(() -> summary.tick(Instant.now()), 1, 1, TimeUnit.SECONDS);
        return new DeployProgress(logFile, log, summary, summary, clock);
    }

    Path logFile() {
        return logFile;
    }

    @Override
    public void onEvent(StackEvent event) {
        logLines.onEvent(event);
        terminal.onEvent(event);
    }

    @Override
    public void close() {
        if (clock != null) {
            clock.shutdownNow();
            summary.flush();
        }
        log.close();
    }

    private static PrintWriter openLog(Path logFile) {
        try {
            Path parent = logFile.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            return new PrintWriter(Files.newBufferedWriter(logFile, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the deploy log " + logFile + ": " + e.getMessage()
                    + "; choose another file with --deploy-log", e);
        }
    }
}
