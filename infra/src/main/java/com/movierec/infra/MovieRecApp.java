package com.movierec.infra;

import com.movierec.infra.config.EnvironmentConfig;
import com.movierec.infra.config.MovieRecConfig;
import com.movierec.infra.config.MovieRecConfigParser;
import com.movierec.infra.data.PreparedData;
import com.movierec.infra.pipeline.PipelineStack;
import com.movierec.infra.pipeline.PipelineStackProps;
import com.movierec.infra.pipeline.StageFactory;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Environment;

/**
 * The CDK app, and the only place that reads context and the process environment. {@code -c env=dev} synthesizes
 * one environment's Stage; without it, every configured environment is synthesized, and the pipeline stack too when
 * cdk.json configures a pipeline.
 */
public final class MovieRecApp {
    /** Where the lambdas/lifecycle module writes its shaded jar, relative to the repository root. */
    public static final String LIFECYCLE_JAR = "lambdas/lifecycle/target/lifecycle.jar";
    /** Where the lambdas/api module writes its shaded jar, relative to the repository root. */
    public static final String API_JAR = "lambdas/api/target/api.jar";
    /** Where the API's data layer is written at synth, relative to the repository root; mvn clean removes it. */
    public static final String LAYER_BUILD_ROOT = "infra/target/api-data-layer";
    private static final Pattern PINNED_CLI = Pattern.compile("\"aws-cdk\"\\s*:\\s*\"(\\d+\\.\\d+\\.\\d+)\"");

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
            build(app, workingDirectory, processEnvironment);
            return 0;
        } catch (SynthException e) {
            e.problems().forEach(problem -> err.println("error: " + problem));
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
        }
        return 1;
    }

    /**
     * What the app holds: the selected environments' stages and, when cdk.json configures one and no single
     * environment is selected, the pipeline stack.
     *
     * @param stages   the stages deployed by hand ({@code cdk deploy 'dev/*'}), in cdk.json order
     * @param pipeline the pipeline stack ({@code cdk deploy movierec-pipeline}), which holds its own stages
     */
    public record Contents(List<MovieRecStage> stages, Optional<PipelineStack> pipeline) {
        public Contents {
            stages = List.copyOf(stages);
        }
    }

    /**
     * Adds the selected environments' stages to {@code app} and, without {@code -c env}, the pipeline stack when
     * cdk.json configures a pipeline. Both build their stages with the same {@link #stageFactory}.
     *
     * @param workingDirectory the repository root or a directory below it (the one holding cdk.json is the root)
     * @param processEnvironment the variables CDK sets, CDK_DEFAULT_ACCOUNT and CDK_DEFAULT_REGION
     */
    public static Contents build(App app, Path workingDirectory, Map<String, String> processEnvironment) {
        Path root = repositoryRoot(workingDirectory);
        MovieRecConfig config = MovieRecConfigParser.parse(app.getNode().tryGetContext(MovieRecConfigParser.CONTEXT_KEY));
        Object requested = app.getNode().tryGetContext("env");
        List<EnvironmentConfig> selected = select(config, requested);
        StageFactory factory = stageFactory(root);
        String defaultAccount = processEnvironment.get("CDK_DEFAULT_ACCOUNT");
        String defaultRegion = processEnvironment.get("CDK_DEFAULT_REGION");
        List<MovieRecStage> stages = new ArrayList<>();
        for (EnvironmentConfig environment : selected) {
            stages.add(factory.create(app, environment, Environment.builder()
                    .account(environment.account().orElse(defaultAccount))
                    .region(environment.region().orElse(defaultRegion))
                    .build()));
        }
        Optional<PipelineStack> pipeline = requested != null ? Optional.empty() : config.pipeline().map(p ->
                new PipelineStack(app, PipelineStack.STACK_NAME, new PipelineStackProps(config, factory,
                        Environment.builder()
                                .account(p.account().orElse(defaultAccount))
                                .region(p.region().orElse(defaultRegion))
                                .build(),
                        pinnedCdkCli(root))));
        return new Contents(stages, pipeline);
    }

    /**
     * The one way a stage is built, in the app or in the pipeline stack: the environment's prepared data (loaded once
     * per directory), the two Lambda jars and the layer directory under {@code root}.
     */
    static StageFactory stageFactory(Path root) {
        Path jar = requireJar(root, LIFECYCLE_JAR, "lambdas/lifecycle");
        Path apiJar = requireJar(root, API_JAR, "lambdas/api");
        Path layerBuildRoot = root.resolve(LAYER_BUILD_ROOT);
        Map<String, PreparedData> prepared = new HashMap<>();
        return (scope, environment, env) -> new MovieRecStage(scope, environment.name(), new MovieRecStageProps(
                environment, prepared.computeIfAbsent(environment.preparedDataDir(),
                        dir -> PreparedData.load(root.resolve(dir).normalize(), dir)),
                jar, apiJar, layerBuildRoot, env));
    }

    /** The CDK CLI version package.json pins, which the pipeline installs too. */
    static String pinnedCdkCli(Path root) {
        Path packageJson = root.resolve("package.json");
        try {
            Matcher pinned = PINNED_CLI.matcher(Files.isRegularFile(packageJson) ? Files.readString(packageJson) : "");
            if (pinned.find()) {
                return pinned.group(1);
            }
        } catch (IOException e) {
            throw new SynthException("package.json cannot be read (" + e.getMessage() + "): the pipeline installs the "
                    + "CDK CLI version it pins.");
        }
        throw new SynthException("package.json pins no exact \"aws-cdk\" version: the pipeline installs the CDK CLI "
                + "version it pins; restore it from git.");
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
