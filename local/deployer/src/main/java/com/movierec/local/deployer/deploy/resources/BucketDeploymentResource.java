package com.movierec.local.deployer.deploy.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.movierec.local.deployer.deploy.assembly.AssetCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code Custom::CDKBucketDeployment}: copies the staged assets named by SourceObjectKeys (found through the stack's
 * asset manifest) to {@code <s3 root>/<DestinationBucketName>/<DestinationBucketKeyPrefix>}, as CDK's provider syncs
 * them to S3, so personalize-local's imports read the same files the stack's import jobs point at. Like the provider:
 * Prune (default true) removes other objects under the prefix; with RetainOnDelete false, an Update to a new
 * destination removes the old one's objects and a Delete removes its own.
 */
public final class BucketDeploymentResource implements ResourceHandler {
    private final LocalS3 s3;
    private final S3Callers callers;

    public BucketDeploymentResource(LocalS3 s3) {
        this(s3, S3Callers.NO_IAM);
    }

    /** @param callers who the provider function is, for IAM: its reads of the assets and writes to the bucket */
    public BucketDeploymentResource(LocalS3 s3, S3Callers callers) {
        this.s3 = s3;
        this.callers = callers;
    }

    @Override
    public ResourceOutcome create(ResourceRequest request) {
        deploy(request, request.properties());
        return outcome(request, "aws.cdk.s3deployment." + PhysicalNames.hash(request.stack().stackId()
                + request.logicalId(), 32));
    }

    @Override
    public ResourceOutcome update(ResourceRequest request) {
        JsonNode old = request.previous().properties();
        if (!Destination.of(old).equals(Destination.of(request.properties())) && !retainOnDelete(old)) {
            Destination.of(old).delete(s3, callers.of(request));
        }
        deploy(request, request.properties());
        return outcome(request, request.physicalId());
    }

    @Override
    public void delete(ResourceRequest request) {
        // The provider also skips this when the bucket is going away with the stack; emptying it first is the same.
        if (!retainOnDelete(request.properties())) {
            Destination.of(request.properties()).delete(s3, callers.of(request));
        }
    }

    private void deploy(ResourceRequest request, JsonNode properties) {
        if (!flag(properties, "Extract", true)) {
            throw new ResourceFailure("Custom::CDKBucketDeployment " + request.logicalId()
                    + ": Extract false (uploading the archives as they are) is not implemented locally");
        }
        for (JsonNode marker : properties.path("SourceMarkers")) {
            if (!marker.isEmpty()) {
                throw new ResourceFailure("Custom::CDKBucketDeployment " + request.logicalId()
                        + ": deploy-time values in sources (SourceMarkers) are not implemented locally");
            }
        }
        Destination destination = Destination.of(properties);
        S3Caller caller = callers.of(request);
        readSources(request, caller);
        s3.sync(sources(request), destination.bucket(), destination.prefix(), flag(properties, "Prune", true),
                caller);
    }

    /** The provider downloads each source archive from the assets bucket first. */
    private static void readSources(ResourceRequest request, S3Caller caller) {
        JsonNode buckets = request.properties().path("SourceBucketNames");
        JsonNode keys = request.properties().path("SourceObjectKeys");
        for (int i = 0; i < keys.size(); i++) {
            caller.require("GetObject", "s3:GetObject", buckets.path(i).asText(""), keys.path(i).asText());
        }
    }

    private static List<Path> sources(ResourceRequest request) {
        List<Path> sources = new ArrayList<>();
        for (JsonNode key : request.properties().path("SourceObjectKeys")) {
            AssetCatalog.Asset asset = request.stack().assets().byObjectKey(key.asText())
                    .orElseThrow(() -> new ResourceFailure("Custom::CDKBucketDeployment " + request.logicalId()
                            + ": no asset of stack " + request.stack().stackName() + " is uploaded as "
                            + key.asText() + " (is the cloud assembly complete?)"));
            if (!Files.exists(asset.source())) {
                throw new ResourceFailure("Custom::CDKBucketDeployment " + request.logicalId() + ": the staged asset "
                        + asset.source() + " is missing: synthesize again");
            }
            sources.add(asset.source());
        }
        return sources;
    }

    private static ResourceOutcome outcome(ResourceRequest request, String physicalId) {
        String bucket = Destination.of(request.properties()).bucket();
        return new ResourceOutcome(physicalId, Map.of("DestinationBucketArn", "arn:aws:s3:::" + bucket));
    }

    /** CDK's provider keeps the objects unless told otherwise: RetainOnDelete defaults to true. */
    private static boolean retainOnDelete(JsonNode properties) {
        return flag(properties, "RetainOnDelete", true);
    }

    private static boolean flag(JsonNode properties, String name, boolean otherwise) {
        JsonNode value = properties.path(name);
        return value.isMissingNode() || value.isNull() ? otherwise : Boolean.parseBoolean(value.asText());
    }

    private record Destination(String bucket, String prefix) {
        static Destination of(JsonNode properties) {
            String bucket = properties.path("DestinationBucketName").asText("");
            if (bucket.isEmpty()) {
                throw new ResourceFailure("Custom::CDKBucketDeployment has no DestinationBucketName");
            }
            return new Destination(bucket, properties.path("DestinationBucketKeyPrefix").asText(""));
        }

        void delete(LocalS3 s3, S3Caller caller) {
            s3.deletePrefix(bucket, prefix, caller);
        }
    }
}
