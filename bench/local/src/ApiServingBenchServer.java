import com.movierec.local.personalize.engine.Delays;
import com.movierec.local.personalize.engine.EngineSettings;
import com.movierec.local.personalize.server.PersonalizeLocalServer;
import com.movierec.local.deployer.api.LocalApiServer;
import com.movierec.local.deployer.deploy.DeployListener;
import com.movierec.local.deployer.deploy.DeployOptions;
import com.movierec.local.deployer.deploy.LocalDeployer;
import com.movierec.local.deployer.deploy.StageDeployment;
import com.movierec.local.deployer.deploy.assembly.CloudAssembly;
import com.movierec.local.deployer.deploy.assembly.StackArtifact;
import com.movierec.local.deployer.deploy.assembly.StageAssembly;
import com.movierec.local.deployer.run.LambdaLayers;
import com.movierec.local.deployer.run.LocalRun;
import com.movierec.local.deployer.run.RunSettings;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * The product's local API for bench/local/api-serving.sh: the dev stage of a synthesized cdk.out deployed into
 * personalize-local in-process and the API's real handler served on 127.0.0.1 by LocalApiServer, as {@code up}
 * (what bin/run ends with) does, minus the web page and the offline metrics table.
 *
 * <pre>ApiServingBenchServer CDK_OUT S3_ROOT API_LOG default|uncached</pre>
 *
 * API_LOG receives the handler's JSON lines (one per request): standard output is redirected to it as {@code up}'s
 * {@code --api-log} does (an auto-flushing PrintStream over the file); /dev/null discards them after formatting.
 * {@code default} starts {@link LocalRun} itself with
 * {@code RunSettings.of(cdkOut, s3Root).withApiPort(0).withEngineDelays(Delays.NONE)}. {@code uncached} does the
 * same steps as {@code LocalRun.start} by hand (LocalRun does not expose the engine's settings) with the engine's
 * answer cache off ({@code EngineSettings.withAnswerCache(0)}), so every request is computed by the model.
 * The system properties are LocalModeCommand.main's (Log4j's configuration, the SLF4J provider).
 * Prints {@code api-serving-bench listening on http://127.0.0.1:PORT} when ready, then serves until killed.
 */
public final class ApiServingBenchServer {
    private ApiServingBenchServer() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 4 || !(args[3].equals("default") || args[3].equals("uncached"))) {
            System.err.println("usage: ApiServingBenchServer CDK_OUT S3_ROOT API_LOG default|uncached");
            System.exit(2);
        }
        Path cdkOut = Path.of(args[0]);
        Path s3Root = Path.of(args[1]);
        Path apiLog = Path.of(args[2]);
        boolean cached = args[3].equals("default");

        // As LocalModeCommand.main: the lifecycle handlers' Log4j lines to stderr at WARN, SLF4J (the SDK's logger)
        // bound to Log4j.
        if (System.getProperty("log4j2.configurationFile") == null) {
            System.setProperty("log4j2.configurationFile", "localmode-log4j2.xml");
        }
        if (System.getProperty("slf4j.provider") == null) {
            System.setProperty("slf4j.provider", "org.apache.logging.slf4j.SLF4JServiceProvider");
            System.setProperty("slf4j.internal.verbosity", "WARN");
        }
        PrintStream status = System.out;
        OutputStream logFile = Files.newOutputStream(apiLog, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
        System.setOut(new PrintStream(logFile, true, StandardCharsets.UTF_8)); // as up's ApiLog.redirect
        DeployListener listener = event -> status.println("   " + event);

        long started = System.nanoTime();
        AutoCloseable running;
        String endpoint;
        if (cached) {
            LocalRun run = LocalRun.start(RunSettings.of(cdkOut, s3Root).withApiPort(0)
                    .withEngineDelays(Delays.NONE), listener);
            running = run;
            endpoint = run.apiEndpoint().toString();
        } else {
            Uncached run = Uncached.start(cdkOut, s3Root, listener);
            running = run;
            endpoint = run.api.endpoint().toString();
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                running.close();
            } catch (Exception e) {
                // stopping anyway
            } finally {
                stopped.countDown();
            }
        }));
        status.printf("deployed and serving in %.1f s (answer cache %s)%n", (System.nanoTime() - started) / 1e9,
                cached ? "on, " + EngineSettings.DEFAULT_ANSWER_CACHE + " answers" : "off");
        status.println("api-serving-bench listening on " + endpoint);
        stopped.await();
    }

    /** LocalRun.start's steps with the engine's answer cache off. */
    private record Uncached(PersonalizeLocalServer engine, LocalApiServer api) implements AutoCloseable {
        static Uncached start(Path cdkOut, Path s3Root, DeployListener listener) {
            CloudAssembly assembly = CloudAssembly.load(cdkOut);
            StageAssembly stage = assembly.stage("dev");
            LambdaLayers layers = LambdaLayers.of(stage, StageDeployment.API_HANDLER);
            String region = stage.stacks().stream().map(StackArtifact::region).flatMap(Optional::stream)
                    .findFirst().orElse(EngineSettings.DEFAULT_REGION);
            RunSettings defaults = RunSettings.of(cdkOut, s3Root);
            PersonalizeLocalServer engine = PersonalizeLocalServer.start(EngineSettings.defaults(s3Root)
                    .withRegion(region).withDelays(Delays.NONE).withAnswerCache(0), 0);
            try {
                DeployOptions options = DeployOptions.defaults(engine.endpoint(), s3Root)
                        .withListener(listener)
                        .withCompletionPollInterval(defaults.pollInterval())
                        .withWatcherPollCap(defaults.pollInterval());
                LocalDeployer deployer = new LocalDeployer();
                deployer.deploy(assembly, "dev", options);
                Map<String, String> environment = deployer.deployedApiEnvironment();
                LocalApiServer api = LocalApiServer.start(environment, engine.endpoint(),
                        layers.resolve(environment.get("ITEMS_FILE")),
                        layers.resolve(environment.get("KNOWN_USERS_FILE")), "dev", 0, null);
                return new Uncached(engine, api);
            } catch (RuntimeException e) {
                engine.close();
                throw e;
            }
        }

        @Override
        public void close() {
            try {
                api.close();
            } finally {
                engine.close();
            }
        }
    }
}
