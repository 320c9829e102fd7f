package com.movierec.infra.data;

import com.movierec.infra.personalize.PersonalizeArns;
import com.movierec.infra.personalize.PersonalizeService;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.iam.AccountRootPrincipal;
import software.amazon.awscdk.services.iam.IPrincipal;
import software.amazon.awscdk.services.iam.PolicyDocument;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.kms.Key;
import software.constructs.Construct;

/**
 * The KMS key of the data bucket and the dataset group. Its policy lets the account administer the key, and lets
 * only Personalize and its service role use it: nobody else can decrypt the data, whatever their IAM policies say.
 */
public final class DataKey extends Construct {
    /** What Personalize needs for an encrypted dataset group and S3 data (CreateGrant only in the key policy). */
    public static final List<String> PERSONALIZE_ACTIONS =
            List.of("kms:Decrypt", "kms:GenerateDataKey", "kms:DescribeKey", "kms:CreateGrant", "kms:ListGrants");
    /** Administration, without any use of the key for data. */
    static final List<String> ADMIN_ACTIONS = List.of("kms:Create*", "kms:Describe*", "kms:Enable*", "kms:List*",
            "kms:Put*", "kms:Update*", "kms:Revoke*", "kms:Disable*", "kms:Get*", "kms:Delete*", "kms:TagResource",
            "kms:UntagResource", "kms:ScheduleKeyDeletion", "kms:CancelKeyDeletion", "kms:RotateKeyOnDemand");

    private final Key key;

    /**
     * @param personalizeRoleArn the ARN of the Personalize service role, built from its name: the role lives in the
     *                           Personalize stack, which deploys after this one, and KMS rejects a policy naming a
     *                           principal that does not exist yet, so the statement matches it by aws:PrincipalArn
     */
    public DataKey(Construct scope, String id, PersonalizeArns arns, String personalizeRoleArn,
                   RemovalPolicy removalPolicy) {
        super(scope, id);
        key = Key.Builder.create(this, "Key")
                .description("Encrypts the movierec data bucket and Personalize dataset group")
                .enableKeyRotation(true)
                .policy(new PolicyDocument())
                .removalPolicy(removalPolicy)
                .build();
        key.addToResourcePolicy(PolicyStatement.Builder.create()
                .sid("AccountAdministersKey")
                .principals(List.of(new AccountRootPrincipal()))
                .actions(ADMIN_ACTIONS)
                .resources(List.of("*"))
                .build());
        key.addToResourcePolicy(PolicyStatement.Builder.create()
                .sid("PersonalizeUsesKey")
                .principals(List.of(PersonalizeService.principal(arns)))
                .actions(PERSONALIZE_ACTIONS)
                .resources(List.of("*"))
                .build());
        key.addToResourcePolicy(PolicyStatement.Builder.create()
                .sid("PersonalizeRoleUsesKey")
                .principals(List.of(new AccountRootPrincipal()))
                .actions(PERSONALIZE_ACTIONS)
                .resources(List.of("*"))
                .conditions(Map.of("ArnEquals", Map.of("aws:PrincipalArn", personalizeRoleArn)))
                .build());
    }

    public Key key() {
        return key;
    }

    /** Lets the principal that uploads the prepared data encrypt it (multipart uploads need Decrypt as well). */
    void allowUpload(IPrincipal uploader) {
        key.addToResourcePolicy(PolicyStatement.Builder.create()
                .sid("DeploymentUploadsData")
                .principals(List.of(uploader))
                .actions(List.of("kms:GenerateDataKey", "kms:Decrypt"))
                .resources(List.of("*"))
                .build());
    }
}
