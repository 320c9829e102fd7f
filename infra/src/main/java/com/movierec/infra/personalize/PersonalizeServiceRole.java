package com.movierec.infra.personalize;

import com.movierec.infra.data.DataStore;
import com.movierec.infra.nag.NagFindings;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.iam.PolicyDocument;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.constructs.Construct;

/**
 * The role Personalize assumes to import data and to use the data key: trusted only by Personalize acting for this
 * environment's resources in this account, allowed to list and read the dataset prefix and to use the key.
 */
public final class PersonalizeServiceRole extends Construct {
    /** The key actions the role's own policy needs; CreateGrant is needed in the key policy only. */
    static final List<String> KEY_ACTIONS =
            List.of("kms:Decrypt", "kms:GenerateDataKey", "kms:DescribeKey", "kms:ListGrants");

    private final Role role;

    public PersonalizeServiceRole(Construct scope, String id, PersonalizeNames names, PersonalizeArns arns,
                                  DataStore store) {
        super(scope, id);
        PolicyDocument dataAccess = PolicyDocument.Builder.create()
                .statements(List.of(
                        PolicyStatement.Builder.create()
                                .sid("ListDatasetPrefix")
                                .actions(List.of("s3:ListBucket"))
                                .resources(List.of(store.bucket().getBucketArn()))
                                .conditions(Map.of("StringLike", Map.of("s3:prefix", store.datasetPrefix() + "*")))
                                .build(),
                        PolicyStatement.Builder.create()
                                .sid("ReadDatasetPrefix")
                                .actions(List.of("s3:GetObject"))
                                .resources(List.of(store.bucket().arnForObjects(store.datasetPrefix() + "*")))
                                .build(),
                        PolicyStatement.Builder.create()
                                .sid("UseDataKey")
                                .actions(KEY_ACTIONS)
                                .resources(List.of(store.key().getKeyArn()))
                                .build()))
                .build();
        // Named, because the data key's policy (in the Data stack, deployed first) matches the role by its ARN.
        role = Role.Builder.create(this, "Role")
                .roleName(names.serviceRoleName(Stack.of(this).getRegion()))
                .description("Amazon Personalize for movierec " + names.environment()
                        + ": reads the dataset prefix and uses the data key")
                .assumedBy(PersonalizeService.principal(arns))
                .inlinePolicies(Map.of("DataAccess", dataAccess))
                .build();
        NagFindings.suppress(role, "AwsSolutions-IAM5", "Personalize reads the objects under the dataset prefix "
                + "(one folder per data version) and no other object of the bucket.",
                List.of(NagFindings.resource(NagFindings.arnOf(store.bucket()) + "/" + store.datasetPrefix() + "*")));
    }

    public IRole role() {
        return role;
    }
}
