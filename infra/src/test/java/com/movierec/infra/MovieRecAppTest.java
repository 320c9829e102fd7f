package com.movierec.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.movierec.infra.data.PreparedData;
import com.movierec.infra.pipeline.PipelineStack;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.App;
import software.amazon.awscdk.assertions.Template;

/**
 * The entry point: environment selection, account fallback, the pipeline stack, and one-line errors instead of stack
 * traces.
 */
class MovieRecAppTest {
    private static final Map<String, String> CDK_DEFAULTS =
            Map.of("CDK_DEFAULT_ACCOUNT", "444455556666", "CDK_DEFAULT_REGION", "us-east-1");

    @TempDir
    Path repository;
    private final ByteArrayOutputStream errors = new ByteArrayOutputStream();

    @BeforeEach
    void createRepository() throws IOException {
        Files.writeString(repository.resolve("cdk.json"), "{}");
        Fixtures.preparedData(repository.resolve("data/prepared/ml-100k"), true);
        Fixtures.lifecycleJar(repository.resolve("lambdas/lifecycle/target"));
        Fixtures.apiJar(repository.resolve("lambdas/api/target"));
    }

    @Test
    void envSelectsOneEnvironment() {
        List<MovieRecStage> stages = stages(app(Map.of("env", "staging")), repository, CDK_DEFAULTS);

        assertThat(stages).extracting(stage -> stage.getNode().getId()).containsExactly("staging");
        assertThat(stages.get(0).personalizeStack().getStackName()).isEqualTo("movierec-staging-personalize");
        assertThat(stages.get(0).dataStack().getStackName()).isEqualTo("movierec-staging-data");
        assertThat(stages.get(0).apiStack().getStackName()).isEqualTo("movierec-staging-api");
    }

    @Test
    void theApiDataLayerIsWrittenUnderInfraTarget() {
        stages(app(Map.of("env", "dev")), repository, CDK_DEFAULTS);

        assertThat(repository.resolve(MovieRecApp.LAYER_BUILD_ROOT)
                .resolve(PreparedData.load(repository.resolve("data/prepared/ml-100k"), "p").dataVersion())
                .resolve("movierec/known-users.txt")).hasContent("1\n2\n");
    }

    @Test
    void withoutEnvEveryEnvironmentIsSynthesized() {
        assertThat(stages(app(Map.of()), repository, CDK_DEFAULTS))
                .extracting(stage -> stage.getNode().getId()).containsExactly("dev", "staging", "prod");
    }

    @Test
    void theCredentialsAccountIsTheFallbackAndTheConfiguredRegionWins() {
        MovieRecStage dev = stages(app(Map.of("env", "dev")), repository, CDK_DEFAULTS).get(0);

        assertThat(dev.getAccount()).isEqualTo("444455556666");
        assertThat(dev.getRegion()).isEqualTo("eu-west-1");
    }

    @Test
    void aConfiguredAccountWins() {
        Map<String, Object> settings = new HashMap<>(Fixtures.environment(false, false, 1));
        settings.put("account", "123456789012");
        App app = Fixtures.app(repository.resolve("cdk.out"), Map.of(
                "movierec", Map.of("environments", Map.of("dev", settings))));

        assertThat(stages(app, repository, CDK_DEFAULTS).get(0).getAccount()).isEqualTo("123456789012");
    }

    @Test
    void withoutAnyAccountTheStageIsEnvironmentAgnostic() {
        MovieRecStage dev = stages(app(Map.of("env", "dev")), repository, Map.of()).get(0);

        assertThat(dev.getAccount()).isNull();
        assertThat(dev.getRegion()).isEqualTo("eu-west-1");
    }

    @Test
    void theRepositoryIsFoundFromASubdirectory() throws IOException {
        Path infra = Files.createDirectories(repository.resolve("infra"));

        assertThat(stages(app(Map.of("env", "dev")), infra, CDK_DEFAULTS)).hasSize(1);
    }

    @Test
    void anUnknownEnvironmentIsOneErrorLine() {
        assertThat(addStages(app(Map.of("env", "qa")))).isEqualTo(1);
        assertThat(errorLines()).containsExactly("error: env=qa is not configured: use one of dev, staging, prod (the "
                + "keys of movierec.environments in cdk.json), or leave -c env out to synthesize all.");
    }

    @Test
    void invalidConfigurationIsOneErrorLinePerProblem() {
        Map<String, Object> settings = new HashMap<>(Fixtures.environment(false, false, 0));
        settings.put("recipes", Map.of("userPersonalization", "aws-hrnn"));
        App app = Fixtures.app(repository.resolve("cdk.out"), Map.of(
                "movierec", Map.of("environments", Map.of("dev", settings))));

        assertThat(addStages(app)).isEqualTo(1);
        assertThat(errorLines()).containsExactly(
                "error: movierec.environments.dev.recipes.userPersonalization is \"aws-hrnn\": HRNN recipes are "
                        + "retired in Amazon Personalize; use \"aws-user-personalization-v2\", which replaces them.",
                "error: movierec.environments.dev.campaign.minProvisionedTPS is 0: set a whole number of 1 or more "
                        + "(each campaign is provisioned, and billed, for at least this many requests per second).");
    }

    @Test
    void missingPreparedDataSaysHowToCreateIt() throws IOException {
        Files.delete(repository.resolve("data/prepared/ml-100k/interactions.csv"));

        assertThat(addStages(app(Map.of("env", "dev")))).isEqualTo(1);
        assertThat(errorLines()).containsExactly("error: data/prepared/ml-100k has no interactions.csv: run bin/run (or "
                + "java -jar data-prep/target/data-prep.jar --input <movielens dir> --output data/prepared/ml-100k) "
                + "before cdk synth.");
    }

    @Test
    void aMissingLifecycleJarSaysHowToBuildIt() throws IOException {
        Files.delete(repository.resolve(MovieRecApp.LIFECYCLE_JAR));

        assertThat(addStages(app(Map.of("env", "dev")))).isEqualTo(1);
        assertThat(errorLines()).containsExactly("error: lambdas/lifecycle/target/lifecycle.jar is missing: build it "
                + "with mvn -pl lambdas/lifecycle -am package (bin/cdk-app does this before every synth).");
    }

    @Test
    void aMissingApiJarSaysHowToBuildIt() throws IOException {
        Files.delete(repository.resolve(MovieRecApp.API_JAR));

        assertThat(addStages(app(Map.of("env", "dev")))).isEqualTo(1);
        assertThat(errorLines()).containsExactly("error: lambdas/api/target/api.jar is missing: build it with mvn -pl "
                + "lambdas/api -am package (bin/cdk-app does this before every synth).");
    }

    @Test
    void outsideTheRepositoryItSaysWhereToRunFrom(@TempDir Path elsewhere) {
        assertThat(MovieRecApp.addStages(app(Map.of()), elsewhere, CDK_DEFAULTS, printer())).isEqualTo(1);
        assertThat(errorLines()).singleElement().asString().startsWith("error: no cdk.json in " + elsewhere);
    }

    @Test
    void withAPipelineAndNoEnvTheAppAlsoHoldsThePipelineWithThePinnedCli() throws IOException {
        Files.writeString(repository.resolve("package.json"), "{\"devDependencies\": {\"aws-cdk\": \"2.1000.7\"}}");

        MovieRecApp.Contents contents = MovieRecApp.build(appWithPipeline(Map.of(), List.of("dev", "prod")),
                repository, CDK_DEFAULTS);

        assertThat(contents.stages()).extracting(stage -> stage.getNode().getId())
                .containsExactly("dev", "staging", "prod");
        PipelineStack pipeline = contents.pipeline().orElseThrow();
        assertThat(pipeline.getStackName()).isEqualTo("movierec-pipeline");
        assertThat(pipeline.getAccount()).isEqualTo("444455556666");
        assertThat(pipeline.getRegion()).isEqualTo("eu-central-1");
        assertThat(pipeline.stages()).containsOnlyKeys("dev", "prod");
        assertThat(pipeline.stages().get("prod").getAccount()).isEqualTo("444455556666");
        assertThat(pipeline.stages().get("prod").getRegion()).isEqualTo("eu-west-1");
        assertThat(pipeline.stages().get("prod").apiStack().getStackName()).isEqualTo("movierec-prod-api");
        assertThat(Template.fromStack(pipeline).toJSON().toString()).contains("npm install -g aws-cdk@2.1000.7");
    }

    @Test
    void withEnvThereIsNoPipeline() {
        MovieRecApp.Contents contents = MovieRecApp.build(appWithPipeline(Map.of("env", "dev"), List.of("dev")),
                repository, CDK_DEFAULTS);

        assertThat(contents.stages()).hasSize(1);
        assertThat(contents.pipeline()).isEmpty();
    }

    @Test
    void aPipelineStageThatIsNoEnvironmentIsOneErrorLine() {
        assertThat(addStages(appWithPipeline(Map.of(), List.of("dev", "qa")))).isEqualTo(1);
        assertThat(errorLines()).containsExactly("error: movierec.pipeline.stages[1] is \"qa\": set the name of an "
                + "environment under movierec.environments (dev, staging, prod).");
    }

    @Test
    void aPipelineNeedsTheCliVersionPackageJsonPins() throws IOException {
        Files.writeString(repository.resolve("package.json"), "{\"devDependencies\": {\"aws-cdk\": \"^2\"}}");

        assertThat(addStages(appWithPipeline(Map.of(), List.of("dev")))).isEqualTo(1);
        assertThat(errorLines()).containsExactly("error: package.json pins no exact \"aws-cdk\" version: the pipeline "
                + "installs the CDK CLI version it pins; restore it from git.");
    }

    /** The fixture environments with a pipeline deploying {@code stages}, run from eu-central-1. */
    private App appWithPipeline(Map<String, Object> context, List<String> stages) {
        Map<String, Object> movierec = new HashMap<>(Fixtures.context());
        movierec.put("pipeline", Map.of("connectionArn", "arn:aws:codeconnections:eu-west-1:444455556666:connection/"
                + "0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d", "repository", "octo/movierec", "region", "eu-central-1",
                "stages", stages));
        Map<String, Object> all = new HashMap<>(context);
        all.put("movierec", movierec);
        return Fixtures.app(repository.resolve("cdk.out"), all);
    }

    private App app(Map<String, Object> context) {
        Map<String, Object> all = new HashMap<>(context);
        all.put("movierec", Fixtures.context());
        return Fixtures.app(repository.resolve("cdk.out"), all);
    }

    private static List<MovieRecStage> stages(App app, Path workingDirectory, Map<String, String> processEnvironment) {
        return MovieRecApp.build(app, workingDirectory, processEnvironment).stages();
    }

    private int addStages(App app) {
        return MovieRecApp.addStages(app, repository, CDK_DEFAULTS, printer());
    }

    private PrintStream printer() {
        return new PrintStream(errors, true, StandardCharsets.UTF_8);
    }

    private List<String> errorLines() {
        return errors.toString(StandardCharsets.UTF_8).lines().toList();
    }
}
