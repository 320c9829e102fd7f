package com.movierec.infra.pipeline;

import com.movierec.infra.config.ApiAuth;
import com.movierec.infra.config.ApiSettings;
import com.movierec.infra.config.JwtSettings;
import com.movierec.infra.nag.NagFindings;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.Token;
import software.amazon.awscdk.regioninfo.RegionInfo;
import software.amazon.awscdk.services.iam.PolicyStatement;

/**
 * What a smoke test needs to call a stage's API, as one IAM statement: read the API key's value ({@code apiKey}),
 * invoke the stage's GET methods ({@code iam}), create, sign in and delete a temporary user of the stage's user pool
 * ({@code jwt}), or assume the role that may do any of these in the stage's account.
 *
 * @param statement the permission
 * @param wildcard  the resource as cdk-nag prints it in its IAM5 finding, when the statement has a wildcard
 * @param reason    why the wildcard is as narrow as synth can make it
 */
record ApiAccess(PolicyStatement statement, Optional<String> wildcard, String reason) {

    /**
     * The permission in {@code stack}'s own account, for the API of {@code environment} in {@code account} and
     * {@code region} (null: the stack's).
     */
    static ApiAccess of(ApiSettings api, Stack stack, String environment, String account, String region) {
        ApiAuth auth = api.auth();
        String partition = stack.getPartition();
        String inRegion = region != null ? region : stack.getRegion();
        String inAccount = account != null ? account : stack.getAccount();
        String nagPartition = Token.isUnresolved(partition) ? "<AWS::Partition>" : partition;
        String nagRegion = region != null ? region : NagFindings.region(stack);
        String nagAccount = account != null ? account : NagFindings.account(stack);
        if (auth == ApiAuth.API_KEY) {
            String keys = ":apigateway:%s::/apikeys/*";
            return new ApiAccess(statement("apigateway:GET", "arn:" + partition + keys.formatted(inRegion)),
                    Optional.of(NagFindings.resource("arn:" + nagPartition + keys.formatted(nagRegion))),
                    "API Gateway generates the key's id when the " + environment + " stage deploys, after this "
                            + "policy exists, so no policy can name it: the smoke test may only read (GET) API keys "
                            + "of the stage's region, and reads the one the stage's ApiKeyId output names.");
        }
        if (auth == ApiAuth.JWT) {
            return temporaryUsers(api.jwt().flatMap(JwtSettings::existingUserPool), environment, partition, inRegion,
                    inAccount, nagPartition, nagRegion, nagAccount);
        }
        String methods = ":execute-api:%s:%s:*/" + environment + "/GET/*";
        return new ApiAccess(statement("execute-api:Invoke", "arn:" + partition + methods.formatted(inRegion,
                inAccount)),
                Optional.of(NagFindings.resource("arn:" + nagPartition + methods.formatted(nagRegion, nagAccount))),
                "API Gateway generates the API's id when the " + environment + " stage deploys, after this policy "
                        + "exists: the smoke test may only invoke GET methods of API stages named " + environment
                        + " in the stage's account and region.");
    }

    /**
     * The admin calls of a temporary user's life (create, set its password, sign it in, delete it): on the existing
     * pool by its ARN, or on a pool the stage creates, whose id exists only after the deploy, by the tags every
     * resource of the stage has (Project=movierec, Environment=<env>).
     */
    private static ApiAccess temporaryUsers(Optional<JwtSettings.ExistingUserPool> existing, String environment,
                                            String partition, String region, String account, String nagPartition,
                                            String nagRegion, String nagAccount) {
        String pools = ":cognito-idp:%s:%s:userpool/" + existing.map(JwtSettings.ExistingUserPool::userPoolId)
                .orElse("*");
        PolicyStatement statement = PolicyStatement.Builder.create()
                .actions(List.of("cognito-idp:AdminCreateUser", "cognito-idp:AdminSetUserPassword",
                        "cognito-idp:AdminInitiateAuth", "cognito-idp:AdminDeleteUser"))
                .resources(List.of("arn:" + partition + pools.formatted(region, account)))
                .build();
        if (existing.isPresent()) {
            return new ApiAccess(statement, Optional.empty(), "");
        }
        Map<String, String> tags = new TreeMap<>();
        tags.put("aws:ResourceTag/Environment", environment);
        tags.put("aws:ResourceTag/Project", "movierec");
        statement.addCondition("StringEquals", tags);
        return new ApiAccess(statement,
                Optional.of(NagFindings.resource("arn:" + nagPartition + pools.formatted(nagRegion, nagAccount))),
                "Cognito generates the user pool's id when the " + environment + " stage deploys, after this policy "
                        + "exists, so no policy can name it: the smoke test may only create, sign in and delete users "
                        + "of pools tagged Project=movierec and Environment=" + environment + " in the stage's account "
                        + "and region.");
    }

    /** The permission to assume {@code roleArn}, named exactly. */
    static ApiAccess assumeRole(String roleArn) {
        return new ApiAccess(statement("sts:AssumeRole", roleArn), Optional.empty(), "");
    }

    /** The partition of a region known at synth, for ARNs that must be spelt out (no token). */
    static String partitionOf(String region) {
        String partition = RegionInfo.get(region).getPartition();
        if (partition != null) {
            return partition;
        }
        return region.startsWith("cn-") ? "aws-cn" : region.startsWith("us-gov-") ? "aws-us-gov" : "aws";
    }

    private static PolicyStatement statement(String action, String resource) {
        return PolicyStatement.Builder.create().actions(List.of(action)).resources(List.of(resource)).build();
    }
}
