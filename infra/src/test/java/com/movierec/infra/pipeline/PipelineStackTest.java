package com.movierec.infra.pipeline;

import static com.movierec.infra.pipeline.PipelineTemplate.category;
import static com.movierec.infra.pipeline.PipelineTemplate.commands;
import static com.movierec.infra.pipeline.PipelineTemplate.environmentVariables;
import static com.movierec.infra.pipeline.PipelineTemplate.project;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.movierec.infra.Fixtures;
import com.movierec.infra.MovieRecStage;
import com.movierec.infra.TemplateJson;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.CfnElement;

/**
 * The pipeline of dev, staging (API on IAM auth) and prod in one account: its source, synth, self-mutation, stage
 * order, the approval before prod, each stage's smoke test, and cdk-nag.
 */
class PipelineStackTest {
    private static final List<String> DEPLOYED = List.of("dev", "staging", "prod");

    @TempDir
    static Path tmp;
    private static SynthesizedPipeline synthesized;
    private static PipelineTemplate pipeline;

    @BeforeAll
    static void synthesize() {
        synthesized = SynthesizedPipeline.of(tmp);
        pipeline = new PipelineTemplate(synthesized.json());
    }

    @Test
    void theSourceIsTheConfiguredRepositoryAndBranchThroughTheConnection() {
        List<JsonNode> source = pipeline.actions("Source");

        assertThat(source).singleElement().satisfies(action -> {
            assertThat(action.path("ActionTypeId").path("Provider").asText()).isEqualTo("CodeStarSourceConnection");
            JsonNode configuration = action.path("Configuration");
            assertThat(configuration.path("ConnectionArn").asText()).isEqualTo(SynthesizedPipeline.CONNECTION);
            assertThat(configuration.path("FullRepositoryId").asText()).isEqualTo(SynthesizedPipeline.REPOSITORY);
            assertThat(configuration.path("BranchName").asText()).isEqualTo(SynthesizedPipeline.BRANCH);
            // A git clone in CodeBuild, which keeps the scripts' executable bits.
            assertThat(configuration.path("OutputArtifactFormat").asText()).isEqualTo("CODEBUILD_CLONE_REF");
        });
    }

    @Test
    void theSynthRunsTheTestsThenBuildDataPrepAndTheWholeSynthIntoCdkOut() {
        JsonNode synth = pipeline.action("Build", "Synth");
        JsonNode buildSpec = pipeline.buildSpec(synth);

        assertThat(commands(buildSpec, "build")).containsExactly("bin/test", "bin/run --synth-only",
                "npx cdk synth --quiet");
        assertThat(buildSpec.path("artifacts").path("base-directory").asText()).isEqualTo("cdk.out");
        assertThat(buildSpec.path("phases").path("install").path("runtime-versions").path("java").asText())
                .isEqualTo("corretto25");
        assertThat(buildSpec.path("phases").path("install").path("runtime-versions").path("nodejs").asText())
                .isEqualTo("22");
        // bin/test ends with bin/lint-templates: the pinned cfn-lint on the Python it was pinned on.
        assertThat(buildSpec.path("phases").path("install").path("runtime-versions").path("python").asText())
                .isEqualTo("3.11");
        assertThat(commands(buildSpec, "install"))
                .contains("python3 -m pip install --quiet --requirement infra/cfn-lint-requirements.txt");
        JsonNode project = pipeline.projectProperties(project(synth));
        assertThat(project.path("Environment").path("Image").asText())
                .isEqualTo("aws/codebuild/amazonlinux-x86_64-standard:5.0");
        assertThat(project.path("Environment").path("ComputeType").asText()).isEqualTo("BUILD_GENERAL1_LARGE");
        assertThat(project.path("TimeoutInMinutes").asInt()).isEqualTo(120);
    }

    @Test
    void theStagesRunSourceBuildSelfMutationAssetsThenDevStagingProd() {
        assertThat(pipeline.stageNames()).containsExactly("Source", "Build", "UpdatePipeline", "Assets", "dev",
                "staging", "prod");
        assertThat(synthesized.stack().stages()).containsOnlyKeys(DEPLOYED);
    }

    @Test
    void thePipelineUpdatesItselfWithThePinnedCdkCli() {
        JsonNode selfMutate = pipeline.action("UpdatePipeline", "SelfMutate");
        JsonNode buildSpec = pipeline.buildSpec(selfMutate);

        assertThat(commands(buildSpec, "install")).containsExactly("npm install -g aws-cdk@"
                + SynthesizedPipeline.CLI_VERSION);
        assertThat(commands(buildSpec, "build")).singleElement().asString()
                .startsWith("cdk -a . deploy movierec-pipeline ");
    }

    @Test
    void aPersonApprovesProdRightBeforeItsFirstStackAndNoOtherStage() {
        List<JsonNode> prod = pipeline.actions("prod");

        assertThat(category(prod.get(0))).isEqualTo("Approval");
        assertThat(prod.get(0).path("Name").asText()).isEqualTo("Approve");
        assertThat(prod.subList(1, prod.size())).allSatisfy(action ->
                assertThat(action.path("RunOrder").asInt()).isGreaterThan(prod.get(0).path("RunOrder").asInt()));
        assertThat(pipeline.actions("dev")).noneMatch(action -> category(action).equals("Approval"));
        assertThat(pipeline.actions("staging")).noneMatch(action -> category(action).equals("Approval"));
    }

    @Test
    void eachStageEndsWithItsSmokeTestAfterEveryDeploy() {
        for (String stage : DEPLOYED) {
            List<JsonNode> actions = pipeline.actions(stage);
            JsonNode last = actions.get(actions.size() - 1);
            assertThat(last.path("Name").asText()).as(stage).isEqualTo("SmokeTest");
            assertThat(category(last)).isEqualTo("Build");
            assertThat(actions.subList(0, actions.size() - 1)).allSatisfy(action ->
                    assertThat(action.path("RunOrder").asInt()).isLessThan(last.path("RunOrder").asInt()));
            assertThat(actions).filteredOn(action -> action.path("Name").asText().endsWith(".Deploy"))
                    .extracting(action -> action.path("Configuration").path("StackName").asText())
                    .containsExactly("movierec-" + stage + "-data", "movierec-" + stage + "-personalize",
                            "movierec-" + stage + "-api", "movierec-" + stage + "-batch",
                            "movierec-" + stage + "-retraining");
        }
    }

    @Test
    void anApiKeyStagesSmokeTestReadsTheKeyItsOutputNamesAndCallsTheApiUrl() {
        JsonNode smokeTest = pipeline.action("dev", "SmokeTest");
        String namespace = apiDeploy("dev").path("Namespace").asText();

        assertThat(namespace).isNotEmpty();
        assertThat(environmentVariables(smokeTest)).containsExactly("API_URL=#{" + namespace + ".ApiUrl}",
                "API_KEY_ID=#{" + namespace + ".ApiKeyId}");
        assertThat(commands(pipeline.buildSpec(smokeTest), "build")).containsExactly(
                "key=$(aws apigateway get-api-key --api-key \"$API_KEY_ID\" --include-value --region eu-west-1 "
                        + "--query value --output text)",
                "bin/smoke-test \"$API_URL\" \"$key\"");
        assertThat(smokeTest.path("InputArtifacts").get(0).path("Name").asText())
                .isEqualTo(pipeline.actions("Source").get(0).path("OutputArtifacts").get(0).path("Name").asText());
    }

    @Test
    void anIamStagesSmokeTestSignsWithItsOwnCredentials() {
        JsonNode smokeTest = pipeline.action("staging", "SmokeTest");

        assertThat(environmentVariables(smokeTest)).containsExactly("API_URL=#{"
                + apiDeploy("staging").path("Namespace").asText() + ".ApiUrl}");
        assertThat(commands(pipeline.buildSpec(smokeTest), "build")).containsExactly(
                "credentials=$(aws configure export-credentials --format env)",
                "eval \"$credentials\"",
                "SMOKE_SIGV4_REGION=eu-west-1 bin/smoke-test \"$API_URL\"");
    }

    @Test
    void theSmokeTestsMayReadApiKeysOrInvokeTheirStageAndNothingElseOfTheApi() {
        assertThat(apiStatements("dev")).singleElement().satisfies(statement -> {
            assertThat(TemplateJson.texts(statement.path("Action"))).containsExactly("apigateway:GET");
            assertThat(TemplateJson.texts(statement.path("Resource")))
                    .containsExactly("arn:${AWS::Partition}:apigateway:eu-west-1::/apikeys/*");
        });
        assertThat(apiStatements("staging")).singleElement().satisfies(statement -> {
            assertThat(TemplateJson.texts(statement.path("Action"))).containsExactly("execute-api:Invoke");
            assertThat(TemplateJson.texts(statement.path("Resource"))).containsExactly(
                    "arn:${AWS::Partition}:execute-api:eu-west-1:" + Fixtures.ACCOUNT + ":*/staging/GET/*");
        });
    }

    @Test
    void everyStageDeploysToThePipelinesAccountWithoutKmsKeys() {
        for (MovieRecStage stage : synthesized.stack().stages().values()) {
            assertThat(stage.getAccount()).isEqualTo(Fixtures.ACCOUNT);
            assertThat(stage.getRegion()).isEqualTo(Fixtures.REGION);
            assertThat(stage.getNode().tryFindChild("SmokeTestAccess")).isNull();
        }
        assertThat(synthesized.stack().crossAccount()).isFalse();
        assertThat(synthesized.json().resources("AWS::KMS::Key")).isEmpty();
    }

    @Test
    void thePipelineStackHasNoUnsuppressedCdkNagFindingOrOtherWarning() {
        assertThat(PipelineTemplate.nagFindingsAndWarnings(synthesized.stack())).isEmpty();
    }

    @Test
    void theSynthIsDeterministicAndLooksNothingUp() {
        SynthesizedPipeline again = SynthesizedPipeline.of(tmp.resolve("again"));

        assertThat(again.json().root()).isEqualTo(synthesized.json().root());
        assertThat(synthesized.app().synth().getManifest().getMissing()).isNullOrEmpty();
    }

    @Test
    void propsWithoutAPipelineConfigurationAreRefused() {
        assertThatThrownBy(() -> new PipelineStackProps(Fixtures.config(), SynthesizedPipeline.stages(tmp), null,
                SynthesizedPipeline.CLI_VERSION))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("movierec.pipeline");
        assertThatThrownBy(() -> new PipelineStackProps(SynthesizedPipeline.config(environments -> { }),
                SynthesizedPipeline.stages(tmp), null, "latest"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\"latest\"");
    }

    private JsonNode apiDeploy(String stage) {
        return pipeline.action(stage, "movierec-" + stage + "-api.Deploy");
    }

    /** The smoke test role's statements about API Gateway (the rest is CodeBuild's logs and artifacts). */
    private List<JsonNode> apiStatements(String stage) {
        String role = synthesized.stack().getLogicalId((CfnElement)
                synthesized.stack().smokeTests().get(stage).role().getNode().getDefaultChild());
        return pipeline.policyStatements(role).stream().filter(statement ->
                TemplateJson.texts(statement.path("Action")).stream().anyMatch(action ->
                        action.startsWith("apigateway:") || action.startsWith("execute-api:")
                                || action.startsWith("sts:"))).toList();
    }
}
