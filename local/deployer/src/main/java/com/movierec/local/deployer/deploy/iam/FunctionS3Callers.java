package com.movierec.local.deployer.deploy.iam;

import com.movierec.local.personalize.iam.AccessDeniedException;
import com.movierec.local.personalize.iam.Caller;
import com.movierec.local.deployer.deploy.resources.ResourceFailure;
import com.movierec.local.deployer.deploy.resources.S3Caller;
import com.movierec.local.deployer.deploy.resources.S3Callers;
import java.util.Map;
import java.util.Optional;

/**
 * A custom resource's provider function as an S3 caller: its role session, the bucket's policy, and for a write to
 * an SSE-KMS bucket the key (S3 asks KMS for a data key with the caller's permissions). A denial fails the resource
 * with S3's own error, the quoted resource included, as the provider would report it to CloudFormation.
 */
public final class FunctionS3Callers implements S3Callers {
    private final LocalAccount account;
    private final String region;

    public FunctionS3Callers(LocalAccount account, String region) {
        this.account = account;
        this.region = region;
    }

    @Override
    public S3Caller forServiceToken(String serviceToken) {
        DeployedFunction function = account.functions().byArn(serviceToken).orElseThrow(() -> new ResourceFailure(
                "the custom resource's ServiceToken " + serviceToken + " is no deployed Lambda function: deploy "
                        + "the stack that defines its provider first"));
        Caller caller = account.sessionOf(function);
        return (operation, action, bucket, key) -> {
            String resource = "arn:aws:s3:::" + bucket + (key == null ? "" : "/" + key);
            try {
                account.authorizer().require(caller, action, resource, Map.of());
                Optional<String> bucketKey = account.iam().bucketKey(bucket);
                if (action.equals("s3:PutObject") && bucketKey.isPresent()) {
                    account.authorizer().require(caller, "kms:GenerateDataKey", bucketKey.get(),
                            Map.of("kms:ViaService", "s3." + region + ".amazonaws.com"));
                }
            } catch (AccessDeniedException e) {
                throw new ResourceFailure("An error occurred (AccessDenied) when calling the " + operation
                        + " operation: " + e.getMessage().replace("on resource: " + e.resource() + " ",
                        "on resource: \"" + e.resource() + "\" "));
            }
        };
    }
}
