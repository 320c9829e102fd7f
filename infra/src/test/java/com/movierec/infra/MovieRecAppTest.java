package com.movierec.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.movierec.infra.data.PreparedData;
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

/** The entry point: environment selection, account fallback, and one-line errors instead of stack traces. */
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
        List<MovieRecStage> stages = MovieRecApp.stages(app(Map.of("env", "staging")), repository, CDK_DEFAULTS);

        assertThat(stages).extracting(stage -> stage.getNode().getId()).containsExactly("staging");
        assertThat(stages.get(0).personalizeStack().getStackName()).isEqualTo("movierec-staging-personalize");
        assertThat(stages.get(0).dataStack().getStackName()).isEqualTo("movierec-staging-data");
        assertThat(stages.get(0).apiStack().getStackName()).isEqualTo("movierec-staging-api");
    }

    @Test
    void theApiDataLayerIsWrittenUnderInfraTarget() {
        MovieRecApp.stages(app(Map.of("env", "dev")), repository, CDK_DEFAULTS);

        assertThat(repository.resolve(MovieRecApp.LAYER_BUILD_ROOT)
                .resolve(PreparedData.load(repository.resolve("data/prepared/ml-100k"), "p").dataVersion())
                .resolve("movierec/known-users.txt")).hasContent("1\n2\n");
    }

    @Test
    void withoutEnvEveryEnvironmentIsSynthesized() {
        assertThat(MovieRecApp.stages(app(Map.of()), repository, CDK_DEFAULTS))
                .extracting(stage -> stage.getNode().getId()).containsExactly("dev", "staging", "prod");
    }

    @Test
    void theCredentialsAccountIsTheFallbackAndTheConfiguredRegionWins() {
        MovieRecStage dev = MovieRecApp.stages(app(Map.of("env", "dev")), repository, CDK_DEFAULTS).get(0);

        assertThat(dev.getAccount()).isEqualTo("444455556666");
        assertThat(dev.getRegion()).isEqualTo("eu-west-1");
    }

    @Test
    void aConfiguredAccountWins() {
        Map<String, Object> settings = new HashMap<>(Fixtures.environment(false, false, 1));
        settings.put("account", "123456789012");
        App app = Fixtures.app(repository.resolve("cdk.out"), Map.of(
                "movierec", Map.of("environments", Map.of("dev", settings))));

        assertThat(MovieRecApp.stages(app, repository, CDK_DEFAULTS).get(0).getAccount()).isEqualTo("123456789012");
    }

    @Test
    void withoutAnyAccountTheStageIsEnvironmentAgnostic() {
        MovieRecStage dev = MovieRecApp.stages(app(Map.of("env", "dev")), repository, Map.of()).get(0);

        assertThat(dev.getAccount()).isNull();
        assertThat(dev.getRegion()).isEqualTo("eu-west-1");
    }

    @Test
    void theRepositoryIsFoundFromASubdirectory() throws IOException {
        Path infra = Files.createDirectories(repository.resolve("infra"));

        assertThat(MovieRecApp.stages(app(Map.of("env", "dev")), infra, CDK_DEFAULTS)).hasSize(1);
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

    private App app(Map<String, Object> context) {
        Map<String, Object> all = new HashMap<>(context);
        all.put("movierec", Fixtures.context());
        return Fixtures.app(repository.resolve("cdk.out"), all);
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
