package com.movierec.infra.batch;

import com.movierec.infra.api.ApiDataLayer;
import com.movierec.infra.data.DataStore;
import com.movierec.infra.data.PreparedData;
import com.movierec.infra.nag.NagFindings;
import com.movierec.infra.personalize.PersonalizeArns;
import com.movierec.infra.personalize.PersonalizeNames;
import com.movierec.schemas.DatasetType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import software.amazon.awscdk.DefaultStackSynthesizer;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.AccountRootPrincipal;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.amazon.awscdk.services.s3.assets.AssetOptions;
import software.amazon.awscdk.services.s3.deployment.BucketDeployment;
import software.amazon.awscdk.services.s3.deployment.Source;
import software.constructs.Construct;
import software.constructs.IConstruct;

/**
 * The batch input: one JSON line {@code {"userId": "..."}} per user of the training interactions (the users the API
 * knows too), written at synth into {@code <inputBuildRoot>/<dataVersion>/users.json}, byte for byte the same for the
 * same data, and uploaded to {@code batch/input/users.json} in the data bucket, encrypted by the bucket's KMS key.
 *
 * <p>The data key's policy lets only named principals use it, so the upload runs as a named role and the key policy
 * (in the Data stack, deployed first) gets one statement matching that role's ARN, as it does for the Personalize
 * role: KMS refuses a policy naming a principal that does not exist yet.
 */
final class BatchInput extends Construct {
    static final String FILE_NAME = "users.json";
    /** What the upload needs from the data key: encrypt the new object (a multipart upload also decrypts). */
    static final List<String> UPLOAD_KEY_ACTIONS = List.of("kms:GenerateDataKey", "kms:Decrypt");

    BatchInput(Construct scope, String id, PersonalizeNames names, PersonalizeArns arns, DataStore store,
               PreparedData data, Path buildRoot) {
        super(scope, id);
        Path directory = writeFile(data, buildRoot);
        String roleName = uploadRoleName(names, Stack.of(this).getRegion());
        Role uploadRole = Role.Builder.create(this, "UploadRole")
                .roleName(roleName)
                .description("Uploads the movierec " + names.environment() + " batch input (the users) to the data "
                        + "bucket")
                .assumedBy(new ServicePrincipal("lambda.amazonaws.com"))
                .build();
        LogGroup logs = LogGroup.Builder.create(this, "UploadLogs")
                .retention(RetentionDays.ONE_MONTH)
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();
        logs.grantWrite(uploadRole);
        BucketDeployment upload = BucketDeployment.Builder.create(this, "Upload")
                // A .partial file is only there if a synth was interrupted mid-write; never upload it.
                .sources(List.of(Source.asset(directory.toString(),
                        AssetOptions.builder().exclude(List.of(".*")).build())))
                .destinationBucket(store.bucket())
                .destinationKeyPrefix(BatchRecommendationsStack.INPUT_PREFIX)
                // Derived from the data: nothing to keep once the stack is gone.
                .retainOnDelete(false)
                .role(uploadRole)
                .logGroup(logs)
                .build();
        store.key().addToResourcePolicy(PolicyStatement.Builder.create()
                .sid("BatchInputUploadUsesKey")
                .principals(List.of(new AccountRootPrincipal()))
                .actions(UPLOAD_KEY_ACTIONS)
                .resources(List.of("*"))
                .conditions(Map.of("ArnEquals", Map.of("aws:PrincipalArn", arns.iamRole(roleName))))
                .build());
        suppress(upload, store);
    }

    /** The role the upload runs as; IAM names are global, so the region is part of it. */
    static String uploadRoleName(PersonalizeNames names, String region) {
        return names.prefix() + "batch-upload-" + region;
    }

    /** Writes {@code users.json}; returns the directory holding it, {@code <buildRoot>/<dataVersion>}. */
    static Path writeFile(PreparedData data, Path buildRoot) {
        Path directory = buildRoot.resolve(data.dataVersion());
        Path target = directory.resolve(FILE_NAME);
        SortedSet<String> users = ApiDataLayer.knownUsers(data.directory().resolve(
                DatasetType.INTERACTIONS.csvFileName()));
        StringBuilder lines = new StringBuilder();
        users.forEach(user -> lines.append(jsonLine(user)).append('\n'));
        try {
            Files.createDirectories(directory);
            // Through a temporary file and a rename, so an interrupted synth never leaves half a file.
            Path temporary = directory.resolve("." + FILE_NAME + ".partial");
            Files.writeString(temporary, lines, StandardCharsets.UTF_8);
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the batch input " + target, e);
        }
        return directory;
    }

    /** {@code {"userId": "<id>"}}: the form a batch inference job of a USER_PERSONALIZATION recipe reads. */
    static String jsonLine(String userId) {
        StringBuilder line = new StringBuilder("{\"userId\": \"");
        for (char c : userId.toCharArray()) {
            switch (c) {
                case '"' -> line.append("\\\"");
                case '\\' -> line.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        line.append(String.format("\\u%04x", (int) c));
                    } else {
                        line.append(c);
                    }
                }
            }
        }
        return line.append("\"}").toString();
    }

    private void suppress(BucketDeployment upload, DataStore store) {
        Stack stack = Stack.of(this);
        IConstruct handler = stack.getNode().getChildren().stream()
                .filter(child -> child instanceof Function && child.getNode().getId()
                        .startsWith("Custom::CDKBucketDeployment"))
                .findFirst().orElseThrow(() -> new IllegalStateException("BucketDeployment created no handler"));
        NagFindings.suppress(handler, "AwsSolutions-L1", "aws-cdk-lib picks the runtime of BucketDeployment's "
                + "handler; it runs only while a deploy uploads the batch input.");
        String assets = "arn:<AWS::Partition>:s3:::cdk-" + DefaultStackSynthesizer.DEFAULT_QUALIFIER + "-assets-"
                + NagFindings.account(stack) + "-" + NagFindings.region(stack) + "/*";
        NagFindings.suppress(NagFindings.defaultPolicy(upload.getHandlerRole()), "AwsSolutions-IAM5",
                "BucketDeployment (aws-cdk-lib) copies the asset from the CDK assets bucket to the data bucket and "
                        + "prunes what the new input no longer has: it is granted these S3 action groups on the "
                        + "objects of those two buckets only, and the KMS data-key actions on the data key only.",
                List.of(NagFindings.action("s3:GetBucket*"), NagFindings.action("s3:GetObject*"),
                        NagFindings.action("s3:List*"), NagFindings.action("s3:Abort*"),
                        NagFindings.action("s3:DeleteObject*"), NagFindings.action("kms:GenerateDataKey*"),
                        NagFindings.action("kms:ReEncrypt*"), NagFindings.resource(assets),
                        NagFindings.resource(NagFindings.arnOf(store.bucket()) + "/*")));
    }
}
