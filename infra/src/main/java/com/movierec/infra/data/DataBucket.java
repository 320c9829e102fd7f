package com.movierec.infra.data;

import com.movierec.infra.personalize.PersonalizeArns;
import com.movierec.infra.personalize.PersonalizeService;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.IBucket;
import software.amazon.awscdk.services.s3.ObjectOwnership;
import software.constructs.Construct;

/**
 * The data bucket (KMS-encrypted, versioned, TLS only, no public access) and the bucket receiving its server access
 * logs. Its policy lets Personalize list and read the dataset prefix, and nothing else.
 */
public final class DataBucket extends Construct {
    private final Bucket bucket;
    private final Bucket accessLogs;

    public DataBucket(Construct scope, String id, IKey key, String readablePrefix, PersonalizeArns arns,
                      RemovalPolicy removalPolicy) {
        super(scope, id);
        if (!readablePrefix.endsWith("/") || readablePrefix.startsWith("/")) {
            throw new IllegalArgumentException("readable prefix \"" + readablePrefix + "\" must be a folder such as "
                    + "datasets/ml-100k/: no leading slash, one trailing slash");
        }
        boolean destroy = removalPolicy == RemovalPolicy.DESTROY;
        // Server access logs cannot be delivered to a KMS-encrypted bucket, hence S3-managed keys here.
        accessLogs = Bucket.Builder.create(this, "AccessLogs")
                .encryption(BucketEncryption.S3_MANAGED)
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED)
                .enforceSsl(true)
                .versioned(true)
                .removalPolicy(removalPolicy)
                .autoDeleteObjects(destroy)
                .build();
        bucket = Bucket.Builder.create(this, "Data")
                .encryption(BucketEncryption.KMS)
                .encryptionKey(key)
                .bucketKeyEnabled(true)
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED)
                .enforceSsl(true)
                .versioned(true)
                .serverAccessLogsBucket(accessLogs)
                .serverAccessLogsPrefix("data/")
                .removalPolicy(removalPolicy)
                .autoDeleteObjects(destroy)
                .build();
        Map<String, Object> fromPersonalize = PersonalizeService.sourceConditions(arns);
        bucket.addToResourcePolicy(PolicyStatement.Builder.create()
                .sid("PersonalizeListsDatasetPrefix")
                .principals(List.of(new ServicePrincipal(PersonalizeService.PRINCIPAL)))
                .actions(List.of("s3:ListBucket"))
                .resources(List.of(bucket.getBucketArn()))
                .conditions(with(fromPersonalize, "StringLike", Map.of("s3:prefix", readablePrefix + "*")))
                .build());
        bucket.addToResourcePolicy(PolicyStatement.Builder.create()
                .sid("PersonalizeReadsDatasetPrefix")
                .principals(List.of(new ServicePrincipal(PersonalizeService.PRINCIPAL)))
                .actions(List.of("s3:GetObject"))
                .resources(List.of(bucket.arnForObjects(readablePrefix + "*")))
                .conditions(fromPersonalize)
                .build());
    }

    public IBucket bucket() {
        return bucket;
    }

    public IBucket accessLogs() {
        return accessLogs;
    }

    private static Map<String, Object> with(Map<String, Object> conditions, String operator, Object clause) {
        Map<String, Object> all = new TreeMap<>(conditions);
        all.put(operator, clause);
        return all;
    }
}
