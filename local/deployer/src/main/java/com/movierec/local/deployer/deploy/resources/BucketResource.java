package com.movierec.local.deployer.deploy.resources;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code AWS::S3::Bucket}: a directory under the local S3 root, named by BucketName or, like CloudFormation, after
 * the stack and logical id (lower case). Deleting a bucket that still holds objects fails, as in S3; CDK's
 * auto-delete-objects resource empties it first.
 */
public final class BucketResource implements ResourceHandler {
    private final LocalS3 s3;

    public BucketResource(LocalS3 s3) {
        this.s3 = s3;
    }

    @Override
    public ResourceOutcome create(ResourceRequest request) {
        String name = name(request);
        s3.createBucket(name);
        return new ResourceOutcome(name, attributes(request.stack(), name));
    }

    /** A new name is a new bucket (a replacement); the old one is deleted in the cleanup after the update. */
    @Override
    public ResourceOutcome update(ResourceRequest request) {
        return create(request);
    }

    @Override
    public void delete(ResourceRequest request) {
        s3.deleteBucket(request.physicalId());
    }

    private static String name(ResourceRequest request) {
        return request.text("BucketName", PhysicalNames.generateLowerCase(request.stack(), request.logicalId(), 63));
    }

    private static Map<String, String> attributes(StackContext stack, String name) {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("Arn", "arn:" + StackContext.PARTITION + ":s3:::" + name);
        attributes.put("DomainName", name + ".s3." + StackContext.URL_SUFFIX);
        attributes.put("RegionalDomainName", name + ".s3." + stack.region() + "." + StackContext.URL_SUFFIX);
        attributes.put("DualStackDomainName", name + ".s3.dualstack." + stack.region() + "." + StackContext.URL_SUFFIX);
        attributes.put("WebsiteURL",
                "http://" + name + ".s3-website-" + stack.region() + "." + StackContext.URL_SUFFIX);
        return attributes;
    }
}
