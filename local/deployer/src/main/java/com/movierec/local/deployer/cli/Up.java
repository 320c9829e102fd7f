package com.movierec.local.deployer.cli;

import com.movierec.local.personalize.iam.SessionCredentials;
import com.movierec.local.personalize.engine.Delays;
import com.movierec.local.deployer.run.LocalRun;
import com.movierec.local.deployer.run.RunSettings;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The README's main command, after the build, the data preparation and the synth: starts personalize-local,
 * deploys the stage into it (a line per stack and per Personalize resource, every event in the deploy log), prints
 * the served models' offline metrics, then serves the API and the web page until Ctrl-C or SIGTERM, which delete the
 * stage again and stop.
 */
@Command(name = "up", mixinStandardHelpOptions = true,
        description = "Starts personalize-local, deploys the stage into it and serves the API and the web page "
                + "until Ctrl-C.")
final class Up implements Callable<Integer> {
    private final Supplier<StopSignal> stopSignals;

    @Spec
    CommandSpec spec;

    @Mixin
    StageArguments target;

    @Mixin
    ProgressArguments progress;

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

    /** {@code stopSignals} is asked once {@code up} runs, so the other commands leave the signals alone. */
    Up(Supplier<StopSignal> stopSignals) {
        this.stopSignals = stopSignals;
    }

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        if (!Files.isDirectory(webRoot.resolve(".")) || !Files.isRegularFile(webRoot.resolve("index.html"))) {
            throw new IllegalArgumentException("--web-root " + webRoot + " has no index.html: run from the "
                    + "repository's root, or point --web-root at the web page's directory");
        }
        Delays engineDelays = Delays.named(delays);
        StopSignal stop = stopSignals.get();
        UpConsole console = new UpConsole(out);
        try (ApiLog log = ApiLog.redirect(apiLog); DeployProgress deployProgress = progress.open(out)) {
            run(console, deployProgress, engineDelays, stop);
        }
        console.stopped();
        return 0;
    }

    private void run(UpConsole console, DeployProgress deployProgress, Delays engineDelays, StopSignal stop)
            throws InterruptedException {
        RunSettings settings = RunSettings.of(target.cdkOut, s3Root).withStage(target.stage).withApiPort(port)
                .withWebRoot(webRoot).withEngineDelays(engineDelays).withPollInterval(Duration.ofMillis(100));
        console.deploying(target.stage, target.cdkOut, deployProgress.logFile());
        long started = System.nanoTime();
        try (LocalRun run = LocalRun.start(settings, deployProgress)) {
            console.deployed(Duration.ofNanos(System.nanoTime() - started));
            console.metrics(run.metricsTable());
            SessionCredentials admin = run.account().iam().administrator();
            console.personalize(run.engine().endpoint(), run.engine().engine().settings().region(),
                    admin.accessKeyId(), admin.secretAccessKey(), run.personalizeArns());
            // With sign-in the page is at localhost: Cognito accepts plain http callback URLs only there.
            URI page = run.testUser().isPresent()
                    ? URI.create("http://localhost:" + run.apiEndpoint().getPort() + "/")
                    : URI.create(run.apiEndpoint() + "/");
            console.serving(page, run.apiEndpoint(), apiLog, keepOnExit);
            run.testUser().ifPresent(user -> run.cognito().pageSignIn().ifPresent(signIn -> console.signIn(
                    page, signIn.managedLogin().baseUrl(), user, signIn.client().callbackUrls())));
            try {
                stop.awaitStop();
            } finally {
                tearDown(run, console, stop.reason());
            }
        }
    }

    /** On this thread, never in a shutdown hook: see {@link StopSignal}. */
    private void tearDown(LocalRun run, UpConsole console, String reason) {
        console.stopping(reason, target.stage, !keepOnExit);
        if (keepOnExit) {
            return;
        }
        try {
            run.destroy();
        } finally {
            console.resourcesLeft(run.engine().engine().resources().size());
            console.iam(run.account().authorizer().log());
        }
    }
}
