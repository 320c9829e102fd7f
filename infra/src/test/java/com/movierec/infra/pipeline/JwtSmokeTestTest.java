package com.movierec.infra.pipeline;

import static com.movierec.infra.pipeline.PipelineTemplate.commands;
import static com.movierec.infra.pipeline.PipelineTemplate.environmentVariables;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.movierec.infra.Fixtures;
import com.movierec.infra.MovieRecStage;
import com.movierec.infra.TemplateJson;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.CfnElement;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Template;

/**
 * The smoke test of stages on api.auth "jwt": staging in the pipeline's account with a user pool it creates, prod in
 * another account on an existing pool. The step signs a temporary user in through the operators' client, with only
 * the admin calls of that user's life on that pool.
 */
class JwtSmokeTestTest {
    private static final String PROD_ACCOUNT = "999988887777";
    private static final String EXISTING_POOL = "eu-west-1_AbCdEf123";
    private static final List<String> ADMIN_CALLS = List.of("cognito-idp:AdminCreateUser",
            "cognito-idp:AdminSetUserPassword", "cognito-idp:AdminInitiateAuth", "cognito-idp:AdminDeleteUser");

    @TempDir
    static Path tmp;
    private static SynthesizedPipeline synthesized;
    private static PipelineTemplate pipeline;

    @BeforeAll
    static void synthesize() {
        synthesized = SynthesizedPipeline.of(tmp, environments -> {
            environments.get("staging").put("api", Map.of("auth", "jwt", "jwt",
                    Map.of("callbackUrls", List.of("https://staging.movierec.example.com/"))));
            environments.get("prod").put("account", PROD_ACCOUNT);
            environments.get("prod").put("api", Map.of("auth", "jwt", "jwt", Map.of(
                    "callbackUrls", List.of("https://movierec.example.com/"),
                    "existingUserPool", Map.of("userPoolId", EXISTING_POOL, "domain", "https://auth.example.com"))));
        });
        pipeline = new PipelineTemplate(synthesized.json());
    }

    @Test
    void theStepSignsATemporaryUserInThroughTheOperatorsClientOfTheStagesPool() {
        JsonNode smokeTest = pipeline.action("staging", "SmokeTest");
        String namespace = pipeline.action("staging", "movierec-staging-api.Deploy").path("Namespace").asText();

        assertThat(environmentVariables(smokeTest)).containsExactly("API_URL=#{" + namespace + ".ApiUrl}",
                "USER_POOL_ID=#{" + namespace + ".UserPoolId}",
                "OPERATOR_CLIENT_ID=#{" + namespace + ".OperatorClientId}");
        assertThat(commands(pipeline.buildSpec(smokeTest), "build")).containsExactly(
                "SMOKE_COGNITO_USER_POOL_ID=\"$USER_POOL_ID\" SMOKE_COGNITO_CLIENT_ID=\"$OPERATOR_CLIENT_ID\" "
                        + "bin/smoke-test \"$API_URL\"");
    }

    @Test
    void theStepMayManageUsersOnlyOfPoolsTaggedAsTheStages() {
        assertThat(cognitoStatements(synthesized.stack(), "staging")).singleElement().satisfies(statement -> {
            assertThat(TemplateJson.texts(statement.path("Action"))).containsExactlyInAnyOrderElementsOf(ADMIN_CALLS);
            assertThat(TemplateJson.texts(statement.path("Resource"))).containsExactly(
                    "arn:${AWS::Partition}:cognito-idp:eu-west-1:" + Fixtures.ACCOUNT + ":userpool/*");
            assertThat(statement.at("/Condition/StringEquals").toString()).isEqualTo(
                    "{\"aws:ResourceTag/Environment\":\"staging\",\"aws:ResourceTag/Project\":\"movierec\"}");
        });
    }

    @Test
    void thePoolTheStageCreatesCarriesTheTagsTheStepIsAllowedOn() {
        MovieRecStage staging = synthesized.stack().stages().get("staging");
        JsonNode pool = TemplateJson.of(Template.fromStack(staging.apiStack()))
                .resources("AWS::Cognito::UserPool").values().iterator().next();

        assertThat(pool.at("/Properties/UserPoolTags/Environment").asText()).isEqualTo("staging");
        assertThat(pool.at("/Properties/UserPoolTags/Project").asText()).isEqualTo("movierec");
    }

    @Test
    void inAnotherAccountTheStepSignsInThroughTheAccessRoleOnTheExistingPoolByName() {
        JsonNode smokeTest = pipeline.action("prod", "SmokeTest");

        assertThat(commands(pipeline.buildSpec(smokeTest), "build")).containsExactly(
                "aws configure set profile.stage.role_arn arn:aws:iam::" + PROD_ACCOUNT
                        + ":role/movierec-prod-smoke-test-eu-west-1",
                "aws configure set profile.stage.credential_source EcsContainer",
                "AWS_PROFILE=stage SMOKE_COGNITO_USER_POOL_ID=\"$USER_POOL_ID\" "
                        + "SMOKE_COGNITO_CLIENT_ID=\"$OPERATOR_CLIENT_ID\" bin/smoke-test \"$API_URL\"");
        Stack access = (Stack) synthesized.stack().stages().get("prod").getNode().findChild("SmokeTestAccess");
        JsonNode statement = TemplateJson.of(Template.fromStack(access)).resources("AWS::IAM::Policy").values()
                .iterator().next().at("/Properties/PolicyDocument/Statement/0");
        assertThat(TemplateJson.texts(statement.path("Action"))).containsExactlyInAnyOrderElementsOf(ADMIN_CALLS);
        assertThat(TemplateJson.texts(statement.path("Resource"))).containsExactly(
                "arn:${AWS::Partition}:cognito-idp:eu-west-1:" + PROD_ACCOUNT + ":userpool/" + EXISTING_POOL);
        assertThat(statement.has("Condition")).as("the pool is named, no tag needed").isFalse();
        assertThat(PipelineTemplate.nagFindingsAndWarnings(access)).isEmpty();
    }

    @Test
    void thePipelineStackHasNoUnsuppressedCdkNagFindingOrOtherWarning() {
        assertThat(PipelineTemplate.nagFindingsAndWarnings(synthesized.stack())).isEmpty();
    }

    private static List<JsonNode> cognitoStatements(PipelineStack stack, String stage) {
        String role = stack.getLogicalId((CfnElement) stack.smokeTests().get(stage).role().getNode()
                .getDefaultChild());
        return pipeline.policyStatements(role).stream().filter(statement -> TemplateJson.texts(
                statement.path("Action")).stream().anyMatch(action -> action.startsWith("cognito-idp:"))).toList();
    }
}
