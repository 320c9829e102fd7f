package com.movierec.infra.pipeline;

import static com.movierec.infra.pipeline.PipelineTemplate.commands;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.movierec.infra.Fixtures;
import com.movierec.infra.MovieRecStage;
import com.movierec.infra.SynthException;
import com.movierec.infra.TemplateJson;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.CfnElement;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Template;

/**
 * The pipeline when prod lives in another account: KMS-encrypted artifacts (cross-account keys, rotated), and a smoke
 * test that assumes a role the pipeline adds to prod, trusted for exactly that test's role.
 */
class CrossAccountPipelineTest {
    private static final String PROD_ACCOUNT = "999988887777";
    private static final String SMOKE_ROLE = "movierec-pipeline-smoke-test-prod-eu-west-1";
    private static final String ACCESS_ROLE_ARN = "arn:aws:iam::" + PROD_ACCOUNT + ":role/movierec-prod-smoke-test-"
            + "eu-west-1";

    @TempDir
    static Path tmp;
    private static SynthesizedPipeline synthesized;
    private static PipelineTemplate pipeline;

    @BeforeAll
    static void synthesize() {
        synthesized = SynthesizedPipeline.of(tmp, environments -> environments.get("prod").put("account",
                PROD_ACCOUNT));
        pipeline = new PipelineTemplate(synthesized.json());
    }

    @Test
    void prodDeploysToItsOwnAccountAndTheOthersToThePipelines() {
        assertThat(synthesized.stack().stages().get("prod").getAccount()).isEqualTo(PROD_ACCOUNT);
        assertThat(synthesized.stack().stages().get("dev").getAccount()).isEqualTo(Fixtures.ACCOUNT);
        assertThat(pipeline.action("prod", "movierec-prod-api.Deploy").path("RoleArn").toString())
                .contains(":iam::" + PROD_ACCOUNT + ":role/cdk-hnb659fds-deploy-role-" + PROD_ACCOUNT);
    }

    @Test
    void theArtifactsAreEncryptedWithARotatedKeyTheOtherAccountCanUse() {
        assertThat(synthesized.stack().crossAccount()).isTrue();
        assertThat(synthesized.json().resources("AWS::KMS::Key").values()).singleElement().satisfies(key ->
                assertThat(key.path("Properties").path("EnableKeyRotation").asBoolean()).isTrue());
        JsonNode encryption = pipeline.properties().path("ArtifactStore").path("EncryptionKey");
        assertThat(encryption.path("Type").asText()).isEqualTo("KMS");
    }

    @Test
    void prodsSmokeTestAssumesTheAccessRoleInProdToReadTheKey() {
        JsonNode smokeTest = pipeline.action("prod", "SmokeTest");

        assertThat(commands(pipeline.buildSpec(smokeTest), "build")).containsExactly(
                "aws configure set profile.stage.role_arn " + ACCESS_ROLE_ARN,
                "aws configure set profile.stage.credential_source EcsContainer",
                "key=$(aws --profile stage apigateway get-api-key --api-key \"$API_KEY_ID\" --include-value "
                        + "--region eu-west-1 --query value --output text)",
                "bin/smoke-test \"$API_URL\" \"$key\"");
        SmokeTest test = synthesized.stack().smokeTests().get("prod");
        String role = synthesized.stack().getLogicalId((CfnElement) test.role().getNode().getDefaultChild());
        assertThat(synthesized.json().resource(role).path("Properties").path("RoleName").asText())
                .isEqualTo(SMOKE_ROLE);
        assertThat(pipeline.policyStatements(role)).filteredOn(statement ->
                        !TemplateJson.texts(statement.path("Action")).stream().allMatch(action ->
                                action.startsWith("logs:") || action.startsWith("codebuild:")
                                        || action.startsWith("s3:") || action.startsWith("kms:")
                                        || action.startsWith("codestar-connections:")))
                .singleElement().satisfies(statement -> {
                    assertThat(TemplateJson.texts(statement.path("Action"))).containsExactly("sts:AssumeRole");
                    assertThat(TemplateJson.texts(statement.path("Resource"))).containsExactly(ACCESS_ROLE_ARN);
                });
    }

    @Test
    void prodHoldsTheAccessRoleTrustedOnlyForTheSmokeTestsRole() {
        MovieRecStage prod = synthesized.stack().stages().get("prod");
        Stack access = (Stack) prod.getNode().findChild("SmokeTestAccess");
        TemplateJson template = TemplateJson.of(Template.fromStack(access));

        assertThat(access.getStackName()).isEqualTo("movierec-prod-smoke-test-access");
        assertThat(template.resources("AWS::IAM::Role").values()).singleElement().satisfies(role -> {
            JsonNode properties = role.path("Properties");
            assertThat(properties.path("RoleName").asText()).isEqualTo("movierec-prod-smoke-test-eu-west-1");
            JsonNode trust = properties.path("AssumeRolePolicyDocument").path("Statement").get(0);
            assertThat(TemplateJson.text(trust.path("Principal").path("AWS"))).contains(":iam::" + Fixtures.ACCOUNT
                    + ":root");
            assertThat(trust.path("Condition").path("ArnEquals").path("aws:PrincipalArn").asText())
                    .isEqualTo("arn:aws:iam::" + Fixtures.ACCOUNT + ":role/" + SMOKE_ROLE);
        });
        assertThat(template.resources("AWS::IAM::Policy").values()).singleElement().satisfies(policy -> {
            JsonNode statement = policy.path("Properties").path("PolicyDocument").path("Statement");
            assertThat(statement).hasSize(1);
            assertThat(TemplateJson.texts(statement.get(0).path("Action"))).containsExactly("apigateway:GET");
            assertThat(TemplateJson.texts(statement.get(0).path("Resource")))
                    .containsExactly("arn:${AWS::Partition}:apigateway:eu-west-1::/apikeys/*");
        });
        assertThat(PipelineTemplate.nagFindingsAndWarnings(access)).isEmpty();
    }

    @Test
    void noOtherStageGetsAnAccessRole() {
        assertThat(synthesized.stack().stages().get("dev").getNode().tryFindChild("SmokeTestAccess")).isNull();
        assertThat(synthesized.stack().stages().get("staging").getNode().tryFindChild("SmokeTestAccess")).isNull();
    }

    @Test
    void thePipelineStackHasNoUnsuppressedCdkNagFindingOrOtherWarning() {
        assertThat(PipelineTemplate.nagFindingsAndWarnings(synthesized.stack())).isEmpty();
    }

    @Test
    void aStageInAnotherAccountNeedsThePipelinesAccount() {
        PipelineStackProps props = new PipelineStackProps(
                SynthesizedPipeline.config(environments -> environments.get("prod").put("account", PROD_ACCOUNT)),
                SynthesizedPipeline.stages(tmp.resolve("agnostic")),
                Environment.builder().region(Fixtures.REGION).build(), SynthesizedPipeline.CLI_VERSION);

        assertThatThrownBy(() -> new PipelineStack(Fixtures.app(tmp.resolve("agnostic/cdk.out")),
                PipelineStack.STACK_NAME, props))
                .isInstanceOf(SynthException.class)
                .hasMessage("environment prod deploys to account " + PROD_ACCOUNT + ", so the pipeline must know its "
                        + "own account and region: set movierec.pipeline.account and movierec.pipeline.region (or "
                        + "deploy with credentials and CDK_DEFAULT_REGION set).");
    }

}
