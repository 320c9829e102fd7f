package com.movierec.infra.data;

import com.movierec.infra.nag.NagFindings;
import java.util.List;
import software.amazon.awscdk.DefaultStackSynthesizer;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.s3.deployment.BucketDeployment;
import software.constructs.IConstruct;

/**
 * cdk-nag findings on the Lambda that aws-cdk-lib's BucketDeployment creates to upload the prepared data, each
 * suppressed on the one resource concerned.
 */
final class DataStackSuppressions {
    private DataStackSuppressions() {
    }

    static void apply(Stack stack, DataBucket data, BucketDeployment upload) {
        IRole role = upload.getHandlerRole();
        IConstruct handler = role.getNode().getScope();
        NagFindings.suppress(handler, "AwsSolutions-L1", "aws-cdk-lib picks the runtime of BucketDeployment's "
                + "handler; it runs only while a deploy uploads the prepared data.");
        NagFindings.suppress(role, "AwsSolutions-IAM4", "aws-cdk-lib gives BucketDeployment's handler role the "
                + "basic execution policy, which only lets it write its own logs.",
                List.of(NagFindings.managedPolicy("service-role/AWSLambdaBasicExecutionRole")));
        String assets = "arn:<AWS::Partition>:s3:::cdk-" + DefaultStackSynthesizer.DEFAULT_QUALIFIER + "-assets-"
                + NagFindings.account(stack) + "-" + NagFindings.region(stack) + "/*";
        NagFindings.suppress(NagFindings.defaultPolicy(role), "AwsSolutions-IAM5", "BucketDeployment (aws-cdk-lib) "
                + "copies the asset from the CDK assets bucket to the data bucket and prunes what the new data "
                + "version no longer has: it is granted these S3 action groups on the objects of those two buckets "
                + "only, and the KMS data-key actions on the data key only.",
                List.of(NagFindings.action("s3:GetBucket*"), NagFindings.action("s3:GetObject*"),
                        NagFindings.action("s3:List*"), NagFindings.action("s3:Abort*"),
                        NagFindings.action("s3:DeleteObject*"), NagFindings.action("kms:GenerateDataKey*"),
                        NagFindings.action("kms:ReEncrypt*"), NagFindings.resource(assets),
                        NagFindings.resource(NagFindings.arnOf(data.bucket()) + "/*")));
    }
}
