package com.movierec.localmode.cli;

import com.movierec.local.engine.Delays;
import com.movierec.localmode.run.LocalRun;
import com.movierec.localmode.run.RunSettings;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The README's main command, after the build, the data preparation and the synth: starts personalize-local,
 * deploys the stage into it (each stack event printed as it happens), prints the served models' offline metrics,
 * then serves the API and the web page until Ctrl-C, which deletes the stage again and stops.
 */
@Command(name = "up", mixinStandardHelpOptions = true,
        description = "Starts personalize-local, deploys the stage into it and serves the API and the web page "
                + "until Ctrl-C.")
final class Up implements Callable<Integer> {
    private final StopSignal stopSignal;

    @Spec
    CommandSpec spec;

    @Mixin
    StageArguments target;

    @Option(names = "--port", defaultValue = "8080",
            description = "The API's and the page's port on 127.0.0.1; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--web-root", defaultValue = "web",
            description = "The web page's directory (default: ${DEFAULT-VALUE}).")
    Path webRoot;

    @Option(names = "--s3-root", defaultValue = "data/local-mode/s3",
            description = "Where the deploy puts the prepared data for the imports (default: ${DEFAULT-VALUE}).")
    Path s3Root;

    @Option(names = "--delays", defaultValue = "fast",
            description = "How long each Personalize resource stays in each transitional state: none, fast or "
                    + "realistic (default: ${DEFAULT-VALUE}).")
    String delays;

    @Option(names = "--api-log", defaultValue = "data/local-mode/api.log",
            description = "Where the API handler's JSON log lines go, one per request, as in CloudWatch Logs "
                    + "(default: ${DEFAULT-VALUE}).")
    Path apiLog;

    @Option(names = "--keep-on-exit",
            description = "On Ctrl-C, stop without running the stage's Delete path first.")
    boolean keepOnExit;

    Up(StopSignal stopSignal) {
        this.stopSignal = stopSignal;
    }

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        if (!Files.isDirectory(webRoot.resolve(".")) || !Files.isRegularFile(webRoot.resolve("index.html"))) {
            throw new IllegalArgumentException("--web-root " + webRoot + " has no index.html: run from the "
                    + "repository's root, or point --web-root at the web page's directory");
        }
        try (ApiLog log = ApiLog.redirect(apiLog)) {
            return run(out);
        }
    }

    private int run(PrintWriter out) throws InterruptedException {
        RunSettings settings = RunSettings.of(target.cdkOut, s3Root).withStage(target.stage).withApiPort(port)
                .withWebRoot(webRoot).withEngineDelays(Delays.named(delays)).withPollInterval(Duration.ofMillis(100));
        out.println("==> Deploying stage " + target.stage + " of " + target.cdkOut + " into personalize-local (the "
                + "Personalize stack's custom resources run through the lifecycle handlers)");
        out.flush();
        long started = System.nanoTime();
        try (LocalRun run = LocalRun.start(settings, new ConsoleProgress(out))) {
            out.printf("==> Deployed in %.1f s%n", (System.nanoTime() - started) / 1e9);
            out.println("==> Offline metrics of the served models (GetSolutionMetrics: 10% of users held out, "
                    + "their newest 10% of interactions to predict)");
            out.print(run.metricsTable());
            out.println("==> Serving the web page at " + run.apiEndpoint() + "/ and the API at "
                    + run.apiEndpoint() + " (e.g. " + run.apiEndpoint() + "/users/1/recommendations)");
            out.println("    Each request is logged to " + apiLog + ". Ctrl-C stops"
                    + (keepOnExit ? "." : ", after deleting the stage's resources."));
            out.flush();
            try {
                stopSignal.awaitStop();
            } finally {
                stopping(run, out);
            }
        } finally {
            stopSignal.cleanedUp();
        }
        out.println("==> Stopped");
        out.flush();
        return 0;
    }

    private void stopping(LocalRun run, PrintWriter out) {
        if (keepOnExit) {
            return;
        }
        out.println("==> Deleting stage " + target.stage + " (cdk destroy's order)");
        out.flush();
        run.destroy();
        out.println("==> personalize-local holds " + run.engine().engine().resources().size() + " resources");
    }
}
