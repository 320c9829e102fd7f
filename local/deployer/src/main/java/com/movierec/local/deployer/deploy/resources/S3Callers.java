package com.movierec.local.deployer.deploy.resources;

/**
 * The S3 caller a custom resource's provider function is: the function named by its ServiceToken, with that
 * function's role when local mode enforces IAM.
 */
@FunctionalInterface
public interface S3Callers {
    S3Callers NO_IAM = serviceToken -> S3Caller.ANYONE;

    S3Caller forServiceToken(String serviceToken);

    /** The caller for {@code request}'s provider. */
    default S3Caller of(ResourceRequest request) {
        return forServiceToken(request.text("ServiceToken", ""));
    }
}
