package com.movierec.infra.batch;

import com.movierec.infra.data.DataStore;
import com.movierec.infra.nag.NagFindings;
import com.movierec.infra.personalize.PersonalizeArns;
import com.movierec.infra.personalize.PersonalizeService;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awscdk.services.iam.Policy;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.s3.IBucket;
import software.constructs.Construct;

/**
 * What a batch inference job needs beyond imports: the Personalize service role (found by its name, so this stack
 * adds no export to the Personalize stack) may list the batch prefixes, read {@code batch/input/*}, write
 * {@code batch/output/*} and use the data key for them; the data bucket's policy lets Personalize, acting for this
 * environment's resources, do the same, as Personalize requires for every bucket it reads or writes.
 */
final class PersonalizeBatchAccess extends Construct {
    /** The data-key actions reading and writing the batch files take. */
    static final List<String> KEY_ACTIONS = List.of("kms:Decrypt", "kms:GenerateDataKey");

    PersonalizeBatchAccess(Construct scope, String id, PersonalizeArns arns, String personalizeRoleName,
                           DataStore store) {
        super(scope, id);
        IBucket bucket = store.bucket();
        String input = BatchRecommendationsStack.INPUT_PREFIX + "*";
        String output = BatchRecommendationsStack.OUTPUT_PREFIX + "*";
        // The same three grants in the role's policy and, for Personalize itself, in the bucket's.
        List<S3Grant> grants = List.of(
                new S3Grant("ListBatchPrefixes", "s3:ListBucket", bucket.getBucketArn(),
                        Map.of("StringLike", Map.of("s3:prefix", List.of(input, output)))),
                new S3Grant("ReadBatchInput", "s3:GetObject", bucket.arnForObjects(input), Map.of()),
                new S3Grant("WriteBatchOutput", "s3:PutObject", bucket.arnForObjects(output), Map.of()));

        List<PolicyStatement> statements = new ArrayList<>();
        grants.forEach(grant -> statements.add(grant.statement(grant.sid(), Map.of()).build()));
        statements.add(PolicyStatement.Builder.create()
                .sid("UseDataKeyForBatchFiles")
                .actions(KEY_ACTIONS)
                .resources(List.of(store.key().getKeyArn()))
                .build());
        Policy policy = Policy.Builder.create(this, "Policy")
                .statements(statements)
                .roles(List.of(Role.fromRoleName(this, "PersonalizeRole", personalizeRoleName)))
                .build();
        ServicePrincipal personalize = new ServicePrincipal(PersonalizeService.PRINCIPAL);
        grants.forEach(grant -> bucket.addToResourcePolicy(grant.statement("Personalize" + grant.sid(),
                PersonalizeService.sourceConditions(arns)).principals(List.of(personalize)).build()));

        String bucketArn = NagFindings.arnOf(bucket);
        NagFindings.suppress(policy, "AwsSolutions-IAM5", "A batch inference job reads the input file under "
                + "batch/input/ and writes one file per run under batch/output/<execution>/, a prefix known only when "
                + "the run starts; Personalize may touch no other object of the bucket.",
                List.of(NagFindings.resource(bucketArn + "/" + input), NagFindings.resource(bucketArn + "/" + output)));
    }

    /** One action on one resource, under conditions of its own (e.g. the listed prefixes). */
    private record S3Grant(String sid, String action, String resource, Map<String, Object> conditions) {
        PolicyStatement.Builder statement(String statementSid, Map<String, Object> moreConditions) {
            Map<String, Object> all = new TreeMap<>(moreConditions);
            all.putAll(conditions);
            PolicyStatement.Builder statement = PolicyStatement.Builder.create()
                    .sid(statementSid)
                    .actions(List.of(action))
                    .resources(List.of(resource));
            return all.isEmpty() ? statement : statement.conditions(all);
        }
    }
}
