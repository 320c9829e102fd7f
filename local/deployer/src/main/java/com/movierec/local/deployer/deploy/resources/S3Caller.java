package com.movierec.local.deployer.deploy.resources;

/**
 * Who asks the local S3 to do something, for IAM: each object operation is checked before it happens, as S3 checks
 * the caller's policies and the bucket's. {@link #ANYONE} when local mode enforces no IAM.
 */
public interface S3Caller {
    S3Caller ANYONE = (operation, action, bucket, key) -> { };

    /**
     * @param operation the S3 API operation, for the error ({@code PutObject})
     * @param action    the IAM action ({@code s3:PutObject})
     * @param key       the object's key, or null for the bucket itself
     * @throws ResourceFailure with S3's AccessDenied message when IAM says no
     */
    void require(String operation, String action, String bucket, String key);
}
