package com.movierec.local.personalize.cli;

import com.movierec.local.personalize.engine.Delays;
import com.movierec.local.personalize.engine.EngineSettings;
import com.movierec.local.personalize.model.ServiceModelsUnavailableException;
import com.movierec.local.personalize.recipe.TrainingOptions;
import com.movierec.local.personalize.server.PersonalizeLocalServer;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code personalize-local}: runs the server until interrupted (Ctrl-C or SIGTERM). */
@Command(name = "personalize-local", mixinStandardHelpOptions = true, version = "personalize-local 0.1.0",
        description = {"Amazon Personalize's control plane, personalize-runtime and personalize-events on one local "
                + "HTTP port, for the AWS SDKs with an endpoint override. Signatures are not checked: any "
                + "credentials do.",
                "Admin API: GET /_local/health, GET /_local/state, POST /_local/faults, POST /_local/delays, "
                        + "POST /_local/reset."})
public final class PersonalizeLocalCommand implements Callable<Integer> {
    /** The exit code when this machine cannot run the server (the service models are missing). */
    static final int UNUSABLE = 3;

    @Spec
    private CommandSpec spec;

    @Option(names = "--port", defaultValue = "8900", description = "TCP port; 0 picks a free one (default ${DEFAULT-VALUE}).")
    private int port;

    @Option(names = "--bind", defaultValue = "127.0.0.1",
            description = "Address to listen on (default ${DEFAULT-VALUE}: this machine only).")
    private InetAddress bind;

    @Option(names = "--s3-root", defaultValue = "data/local-mode/s3",
            description = "Directory standing in for S3: s3://bucket/key is <s3-root>/bucket/key (default ${DEFAULT-VALUE}).")
    private Path s3Root;

    @Option(names = "--region", defaultValue = EngineSettings.DEFAULT_REGION, description = "Region in ARNs (default ${DEFAULT-VALUE}).")
    private String region;

    @Option(names = "--account", defaultValue = EngineSettings.DEFAULT_ACCOUNT, description = "Account id in ARNs (default ${DEFAULT-VALUE}).")
    private String account;

    @Option(names = "--delays", defaultValue = "fast",
            description = "Time in each transitional state: none, fast (150 ms) or realistic (seconds); default ${DEFAULT-VALUE}.")
    private String delays;

    @Option(names = "--threads", description = "HTTP request threads (default: 2 per processor, at least 4).")
    private Integer threads;

    @Option(names = "--answer-cache", defaultValue = "" + EngineSettings.DEFAULT_ANSWER_CACHE,
            description = "GetRecommendations answers kept for identical requests on unchanged data; 0 computes "
                    + "every answer (default ${DEFAULT-VALUE}).")
    private int answerCache;

    public static void main(String[] args) {
        System.exit(new CommandLine(new PersonalizeLocalCommand()).execute(args));
    }

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        if (!Files.isDirectory(s3Root)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--s3-root " + s3Root
                    + " is not a directory: create it and put each bucket in it as a folder");
        }
        EngineSettings settings;
        try {
            settings = new EngineSettings(region, account, s3Root.toAbsolutePath(), Delays.named(delays),
                    TrainingOptions.defaults(), answerCache);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        PersonalizeLocalServer server;
        try {
            server = PersonalizeLocalServer.start(settings, bind, port,
                    threads != null ? threads : PersonalizeLocalServer.DEFAULT_THREADS);
        } catch (ServiceModelsUnavailableException e) {
            spec.commandLine().getErr().println("error: " + e.getMessage());
            return UNUSABLE;
        }
        CountDownLatch stopping = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            stopping.countDown();
            server.stop();
        }, "personalize-local-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        out.println("personalize-local listening on " + server.endpoint() + " (region " + region + ", account "
                + account + ", s3 root " + settings.s3Root() + ", delays " + delays + ")");
        out.flush();
        try {
            stopping.await();
            return 0;
        } finally {
            server.stop(); // also when interrupted, as an embedding caller stops it
            if (stopping.getCount() > 0) {
                Runtime.getRuntime().removeShutdownHook(hook);
            }
        }
    }
}
