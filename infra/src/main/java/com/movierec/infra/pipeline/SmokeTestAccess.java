package com.movierec.infra.pipeline;

import com.movierec.infra.MovieRecStage;
import com.movierec.infra.config.ApiSettings;
import com.movierec.infra.nag.NagFindings;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.Token;
import software.amazon.awscdk.services.iam.AccountPrincipal;
import software.amazon.awscdk.services.iam.Role;

/**
 * A stack the pipeline adds to a stage in another account than its own: the role its smoke test assumes there to read
 * the API key (or invoke the API, or sign a temporary user in), trusted by the pipeline account for exactly the smoke
 * test's role. The stage's cdk-nag checks cover it.
 */
final class SmokeTestAccess extends Stack {
    private final String roleArn;

    /**
     * @param region         the stage's region, known at synth
     * @param trustedAccount the pipeline's account
     * @param trustedRoleArn the smoke test's role in that account, the only principal that may assume this role
     */
    SmokeTestAccess(MovieRecStage stage, String environment, String region, ApiSettings api, String trustedAccount,
                    String trustedRoleArn) {
        super(stage, "SmokeTestAccess", StackProps.builder()
                .stackName("movierec-" + environment + "-smoke-test-access")
                .description("movierec " + environment + ": the role the pipeline's smoke test assumes to call the API")
                .build());
        String roleName = "movierec-" + environment + "-smoke-test-" + region;
        Role role = Role.Builder.create(this, "Role")
                .roleName(roleName)
                .description("movierec " + environment + ": assumed by the pipeline's smoke test in account "
                        + trustedAccount)
                .assumedBy(new AccountPrincipal(trustedAccount).withConditions(Map.of("ArnEquals",
                        Map.of("aws:PrincipalArn", trustedRoleArn))))
                .build();
        ApiAccess access = ApiAccess.of(api, this, environment, null, region);
        role.addToPolicy(access.statement());
        access.wildcard().ifPresent(wildcard -> NagFindings.suppress(NagFindings.defaultPolicy(role),
                "AwsSolutions-IAM5", access.reason(), List.of(wildcard)));
        roleArn = "arn:" + ApiAccess.partitionOf(region) + ":iam::" + getAccount() + ":role/" + roleName;
        if (Token.isUnresolved(roleArn)) {
            throw new IllegalStateException("the smoke test's role in " + environment + " needs the stage's account "
                    + "and region at synth, not " + roleArn);
        }
    }

    /** The role's ARN, spelt out (no token), for the pipeline account's policy and the smoke test's profile. */
    String roleArn() {
        return roleArn;
    }
}
