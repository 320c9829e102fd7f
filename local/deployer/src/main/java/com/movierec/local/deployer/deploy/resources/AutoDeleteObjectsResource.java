package com.movierec.local.deployer.deploy.resources;

/**
 * {@code Custom::S3AutoDeleteObjects}, CDK's provider behind {@code autoDeleteObjects: true}: deleting the resource
 * empties its bucket, so the bucket's own delete (which comes after, as the resource refers to the bucket) succeeds.
 */
public final class AutoDeleteObjectsResource implements ResourceHandler {
    private final LocalS3 s3;
    private final S3Callers callers;

    public AutoDeleteObjectsResource(LocalS3 s3) {
        this(s3, S3Callers.NO_IAM);
    }

    /** @param callers who the provider function is, for IAM: the bucket policy lets its role list and delete */
    public AutoDeleteObjectsResource(LocalS3 s3, S3Callers callers) {
        this.s3 = s3;
        this.callers = callers;
    }

    @Override
    public ResourceOutcome create(ResourceRequest request) {
        return ResourceOutcome.of(PhysicalNames.generate(request.stack(), request.logicalId(), 128));
    }

    @Override
    public ResourceOutcome update(ResourceRequest request) {
        return ResourceOutcome.of(request.physicalId());
    }

    @Override
    public void delete(ResourceRequest request) {
        String bucket = request.text("BucketName", null);
        if (bucket == null) {
            throw new ResourceFailure("Custom::S3AutoDeleteObjects " + request.logicalId() + " has no BucketName");
        }
        s3.emptyBucket(bucket, callers.of(request));
    }
}
