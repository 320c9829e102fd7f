package com.movierec.infra.data;

import com.movierec.infra.personalize.PersonalizeArns;
import java.util.List;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Size;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.amazon.awscdk.services.s3.assets.AssetOptions;
import software.amazon.awscdk.services.s3.deployment.BucketDeployment;
import software.amazon.awscdk.services.s3.deployment.Source;
import software.constructs.Construct;

/**
 * The stateful half of an environment: the KMS key, the data bucket with its access-log bucket, and data-prep's
 * output uploaded under a prefix named by its content hash. Removal follows {@code retainDataOnDestroy}.
 */
public final class DataStack extends Stack {
    private final DataStore store;

    public DataStack(Construct scope, String id, DataStackProps props) {
        super(scope, id, StackProps.builder()
                .stackName(props.stackName())
                .description("movierec " + props.names().environment() + ": data bucket and key for Personalize")
                .build());
        RemovalPolicy removal = props.retainData() ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;
        PersonalizeArns arns = PersonalizeArns.of(this, props.names());
        String roleArn = arns.iamRole(props.names().serviceRoleName(getRegion()));

        DataKey key = new DataKey(this, "DataKey", arns, roleArn, removal);
        String datasetPrefix = "datasets/" + props.dataset() + "/";
        DataBucket data = new DataBucket(this, "DataBucket", key.key(), datasetPrefix, arns, removal);
        String versionPrefix = datasetPrefix + props.preparedData().dataVersion() + "/";

        BucketDeployment upload = BucketDeployment.Builder.create(this, "PreparedData")
                .sources(List.of(Source.asset(props.preparedData().directory().toString(),
                        // data-prep's unfinished .partial files are hidden; never upload them.
                        AssetOptions.builder().exclude(List.of(".*")).build())))
                .destinationBucket(data.bucket())
                .destinationKeyPrefix(versionPrefix)
                .retainOnDelete(props.retainData())
                .memoryLimit(1024)
                // The handler unzips the asset in /tmp: room for the larger MovieLens releases (ml-25m, ml-32m).
                .ephemeralStorageSize(Size.gibibytes(4))
                .logGroup(LogGroup.Builder.create(this, "PreparedDataUploadLogs")
                        .retention(RetentionDays.ONE_MONTH)
                        .removalPolicy(RemovalPolicy.DESTROY)
                        .build())
                .build();
        key.allowUpload(upload.getHandlerRole());
        store = new DataStore(data.bucket(), key.key(), datasetPrefix, versionPrefix);

        CfnOutput.Builder.create(this, "DataBucketName")
                .description("The bucket holding the prepared data Personalize imports")
                .value(data.bucket().getBucketName())
                .build();
        DataStackSuppressions.apply(this, data, upload);
    }

    public DataStore store() {
        return store;
    }
}
