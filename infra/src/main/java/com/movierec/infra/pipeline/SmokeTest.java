package com.movierec.infra.pipeline;

import com.movierec.infra.MovieRecStage;
import com.movierec.infra.config.ApiAuth;
import com.movierec.infra.config.EnvironmentConfig;
import com.movierec.infra.pipeline.PipelineStack.StageTarget;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.pipelines.CodeBuildStep;
import software.amazon.awscdk.pipelines.IFileSetProducer;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;

/**
 * The post-deploy check of one stage: a CodeBuild step in the pipeline's account that runs {@code bin/smoke-test}
 * from the source against the stage's API, with the API stack's {@code ApiUrl} output and what the API's auth needs:
 * the API key's value, read with {@code aws apigateway get-api-key} ({@code apiKey}), the step's own credentials
 * to sign with ({@code iam}), or the user pool and operators' client to sign a temporary user in with
 * ({@code jwt}). For a stage in another account, the step assumes the role of {@link SmokeTestAccess}
 * there first. Any failed command fails the step, and so the promotion.
 */
final class SmokeTest {
    static final String STEP_ID = "SmokeTest";
    /** The API stack's outputs the step reads (ApiStack's output ids). */
    static final String API_URL_OUTPUT = "ApiUrl";
    static final String API_KEY_ID_OUTPUT = "ApiKeyId";
    static final String API_URL = "API_URL";
    static final String API_KEY_ID = "API_KEY_ID";
    /** With api.auth jwt: the API stack's user pool and operators' client outputs, and their variables. */
    static final String USER_POOL_ID_OUTPUT = "UserPoolId";
    static final String OPERATOR_CLIENT_ID_OUTPUT = "OperatorClientId";
    static final String USER_POOL_ID = "USER_POOL_ID";
    static final String OPERATOR_CLIENT_ID = "OPERATOR_CLIENT_ID";
    /** The AWS CLI profile that assumes the stage account's {@link SmokeTestAccess} role. */
    static final String STAGE_PROFILE = "stage";

    private final CodeBuildStep step;
    private final Role role;
    private final ApiAccess access;

    SmokeTest(Stack pipelineStack, IFileSetProducer source, MovieRecStage stage, StageTarget target) {
        EnvironmentConfig environment = target.environment();
        String name = environment.name();
        ApiAuth auth = environment.api().auth();
        String region = target.region() != null ? target.region() : "$AWS_REGION";
        Role.Builder roleBuilder = Role.Builder.create(pipelineStack, "SmokeTestRole-" + name)
                .assumedBy(new ServicePrincipal("codebuild.amazonaws.com"))
                .description("movierec pipeline: runs bin/smoke-test against the " + name + " stage's API");
        List<String> commands = new ArrayList<>();
        String aws = "aws";
        if (target.otherAccount()) {
            // Its ARN is trusted by name in the stage's account, so it needs a fixed name (IAM names are global).
            String roleName = "movierec-pipeline-smoke-test-" + name + "-" + target.pipelineRegion().orElseThrow();
            roleBuilder.roleName(roleName);
            String pipelineAccount = target.pipelineAccount().orElseThrow();
            String roleArn = "arn:" + ApiAccess.partitionOf(target.pipelineRegion().orElseThrow()) + ":iam::"
                    + pipelineAccount + ":role/" + roleName;
            SmokeTestAccess accessRole = new SmokeTestAccess(stage, name, target.region(), environment.api(),
                    pipelineAccount, roleArn);
            access = ApiAccess.assumeRole(accessRole.roleArn());
            commands.add("aws configure set profile." + STAGE_PROFILE + ".role_arn " + accessRole.roleArn());
            commands.add("aws configure set profile." + STAGE_PROFILE + ".credential_source EcsContainer");
            aws = "aws --profile " + STAGE_PROFILE;
        } else {
            access = ApiAccess.of(environment.api(), pipelineStack, name, target.account(), target.region());
        }
        role = roleBuilder.build();

        Map<String, CfnOutput> outputs = new LinkedHashMap<>();
        outputs.put(API_URL, output(stage, API_URL_OUTPUT));
        if (auth == ApiAuth.API_KEY) {
            outputs.put(API_KEY_ID, output(stage, API_KEY_ID_OUTPUT));
            commands.add("key=$(" + aws + " apigateway get-api-key --api-key \"$" + API_KEY_ID + "\" --include-value "
                    + "--region " + region + " --query value --output text)");
            commands.add("bin/smoke-test \"$" + API_URL + "\" \"$key\"");
        } else if (auth == ApiAuth.JWT) {
            outputs.put(USER_POOL_ID, output(stage, USER_POOL_ID_OUTPUT));
            outputs.put(OPERATOR_CLIENT_ID, output(stage, OPERATOR_CLIENT_ID_OUTPUT));
            // The script signs a temporary user in with the AWS CLI, through the stage account's role if it has one.
            commands.add((target.otherAccount() ? "AWS_PROFILE=" + STAGE_PROFILE + " " : "")
                    + "SMOKE_COGNITO_USER_POOL_ID=\"$" + USER_POOL_ID + "\" SMOKE_COGNITO_CLIENT_ID=\"$"
                    + OPERATOR_CLIENT_ID + "\" bin/smoke-test \"$" + API_URL + "\"");
        } else {
            commands.add("credentials=$(" + aws + " configure export-credentials --format env)");
            commands.add("eval \"$credentials\"");
            commands.add("SMOKE_SIGV4_REGION=" + region + " bin/smoke-test \"$" + API_URL + "\"");
        }
        step = CodeBuildStep.Builder.create(STEP_ID)
                .input(source)
                .envFromCfnOutputs(outputs)
                .commands(commands)
                .role(role)
                .rolePolicyStatements(List.of(access.statement()))
                .build();
    }

    CodeBuildStep step() {
        return step;
    }

    Role role() {
        return role;
    }

    /** What the step's role may do in the pipeline's account (read the key, invoke the API, or assume a role). */
    ApiAccess access() {
        return access;
    }

    private static CfnOutput output(MovieRecStage stage, String id) {
        return (CfnOutput) stage.apiStack().getNode().findChild(id);
    }
}
