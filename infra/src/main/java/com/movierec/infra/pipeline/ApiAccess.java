package com.movierec.infra.pipeline;

import com.movierec.infra.config.ApiAuth;
import com.movierec.infra.nag.NagFindings;
import java.util.List;
import java.util.Optional;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.Token;
import software.amazon.awscdk.regioninfo.RegionInfo;
import software.amazon.awscdk.services.iam.PolicyStatement;

/**
 * What a smoke test needs to call a stage's API, as one IAM statement: read the API key's value ({@code apiKey}),
 * invoke the stage's GET methods ({@code iam}), or assume the role that may do either in the stage's account.
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
    static ApiAccess of(ApiAuth auth, Stack stack, String environment, String account, String region) {
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
        String methods = ":execute-api:%s:%s:*/" + environment + "/GET/*";
        return new ApiAccess(statement("execute-api:Invoke", "arn:" + partition + methods.formatted(inRegion,
                inAccount)),
                Optional.of(NagFindings.resource("arn:" + nagPartition + methods.formatted(nagRegion, nagAccount))),
                "API Gateway generates the API's id when the " + environment + " stage deploys, after this policy "
                        + "exists: the smoke test may only invoke GET methods of API stages named " + environment
                        + " in the stage's account and region.");
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
