package com.movierec.infra;

import com.movierec.infra.config.EnvironmentConfig;
import com.movierec.infra.config.MovieRecConfig;
import com.movierec.infra.config.MovieRecConfigParser;
import com.movierec.infra.data.PreparedData;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Environment;

/**
 * The CDK app, and the only place that reads context and the process environment. {@code -c env=dev} synthesizes
 * one environment's Stage; without it, every configured environment is synthesized.
 */
public final class MovieRecApp {
    /** Where the lambdas/lifecycle module writes its shaded jar, relative to the repository root. */
    public static final String LIFECYCLE_JAR = "lambdas/lifecycle/target/lifecycle.jar";
    /** Where the lambdas/api module writes its shaded jar, relative to the repository root. */
    public static final String API_JAR = "lambdas/api/target/api.jar";
    /** Where the API's data layer is written at synth, relative to the repository root; mvn clean removes it. */
    public static final String LAYER_BUILD_ROOT = "infra/target/api-data-layer";

    private MovieRecApp() {
    }

    public static void main(String[] args) {
        App app = new App();
        int status = addStages(app, Path.of("").toAbsolutePath(), System.getenv(), System.err);
        if (status != 0) {
            System.exit(status);
        }
        app.synth();
    }

    /**
     * Adds the stages, or prints each problem the user has to fix as one {@code error: ...} line, without a stack
     * trace, and returns 1.
     */
    static int addStages(App app, Path workingDirectory, Map<String, String> processEnvironment, PrintStream err) {
        try {
            stages(app, workingDirectory, processEnvironment);
            return 0;
        } catch (SynthException e) {
            e.problems().forEach(problem -> err.println("error: " + problem));
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
        }
        return 1;
    }

    /**
     * Adds the selected environments' stages to {@code app}.
     *
     * @param workingDirectory the repository root or a directory below it (the one holding cdk.json is the root)
     * @param processEnvironment the variables CDK sets, CDK_DEFAULT_ACCOUNT and CDK_DEFAULT_REGION
     */
    public static List<MovieRecStage> stages(App app, Path workingDirectory, Map<String, String> processEnvironment) {
        Path root = repositoryRoot(workingDirectory);
        MovieRecConfig config = MovieRecConfigParser.parse(app.getNode().tryGetContext(MovieRecConfigParser.CONTEXT_KEY));
        List<EnvironmentConfig> selected = select(config, app.getNode().tryGetContext("env"));
        Path jar = requireJar(root, LIFECYCLE_JAR, "lambdas/lifecycle");
        Path apiJar = requireJar(root, API_JAR, "lambdas/api");
        List<MovieRecStage> stages = new ArrayList<>();
        for (EnvironmentConfig environment : selected) {
            PreparedData prepared = PreparedData.load(root.resolve(environment.preparedDataDir()).normalize(),
                    environment.preparedDataDir());
            stages.add(new MovieRecStage(app, environment.name(), MovieRecStageProps.builder()
                    .config(environment)
                    .preparedData(prepared)
                    .lifecycleJar(jar)
                    .apiJar(apiJar)
                    .layerBuildRoot(root.resolve(LAYER_BUILD_ROOT))
                    .env(Environment.builder()
                            .account(environment.account().orElse(processEnvironment.get("CDK_DEFAULT_ACCOUNT")))
                            .region(environment.region().orElse(processEnvironment.get("CDK_DEFAULT_REGION")))
                            .build())
                    .build()));
        }
        return stages;
    }

    private static Path requireJar(Path root, String jar, String module) {
        Path path = root.resolve(jar);
        if (!Files.isRegularFile(path)) {
            throw new SynthException(jar + " is missing: build it with mvn -pl " + module + " -am package (bin/cdk-app "
                    + "does this before every synth).");
        }
        return path;
    }

    private static List<EnvironmentConfig> select(MovieRecConfig config, Object requested) {
        if (requested == null) {
            return List.copyOf(config.environments().values());
        }
        String name = String.valueOf(requested);
        return List.of(config.environment(name).orElseThrow(() -> new SynthException("env=" + name
                + " is not configured: use one of " + String.join(", ", config.names())
                + " (the keys of movierec.environments in cdk.json), or leave -c env out to synthesize all.")));
    }

    private static Path repositoryRoot(Path start) {
        for (Path dir = start.toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("cdk.json"))) {
                return dir;
            }
        }
        throw new SynthException("no cdk.json in " + start.toAbsolutePath() + " or above: run the app from the "
                + "repository (cdk synth there runs bin/cdk-app).");
    }
}
