package com.movierec.local.personalize.iam;

import static com.movierec.local.personalize.iam.PolicyDocuments.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.movierec.local.personalize.engine.Delays;
import com.movierec.local.personalize.engine.EngineSettings;
import com.movierec.local.personalize.engine.PersonalizeEngine;
import com.movierec.local.personalize.engine.state.ImportJob;
import com.movierec.local.personalize.engine.state.Resource;
import com.movierec.local.personalize.server.LocalPersonalize;
import com.movierec.local.personalize.server.MovieData;
import com.movierec.schemas.DatasetType;
import com.movierec.schemas.PersonalizeSchemas;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Personalize's own access to an import's data with IAM enforced: it must be able to assume the service role, and
 * the role and the bucket policy must let it list and read the object, and the role and the key policy decrypt it
 * when the bucket encrypts with a KMS key. The policies are those the data and personalize stacks deploy
 * (cdk.out/assembly-dev), for this account and region.
 */
class ImportJobServiceAccessTest {
    private static final String ACCOUNT = EngineSettings.DEFAULT_ACCOUNT;
    private static final String REGION = EngineSettings.DEFAULT_REGION;
    private static final String BUCKET = "movierec-test-data";
    private static final String BUCKET_ARN = "arn:aws:s3:::" + BUCKET;
    private static final String OBJECT = "datasets/movies/interactions.csv";
    private static final String LOCATION = "s3://" + BUCKET + "/" + OBJECT;
    private static final String ROLE_NAME = "movierec-test-personalize-" + REGION;
    private static final String ROLE = "arn:aws:iam::" + ACCOUNT + ":role/" + ROLE_NAME;
    private static final String KEY = "arn:aws:kms:" + REGION + ":" + ACCOUNT
            + ":key/1234abcd-12ab-34cd-56ef-1234567890ab";
    /** The stacks' resources are all named movierec-<stage>-..., which the confused-deputy conditions rely on. */
    private static final String OWN_RESOURCES = "arn:aws:personalize:" + REGION + ":" + ACCOUNT + ":*/movierec-test-*";
    private static final String JOB = "movierec-test-interactions";

    /** How the policies for the service principal are written. */
    enum ServicePolicies {
        /**
         * As deployed: the bucket and key policies let personalize.amazonaws.com in only for this account's own
         * resources (aws:SourceAccount, aws:SourceArn), and the key policy lets the role in through the account
         * root with an aws:PrincipalArn condition.
         */
        AS_DEPLOYED,
        /** The same grants without conditions on who asks: the key policy delegates to IAM through the root. */
        UNCONDITIONED
    }

    @TempDir
    Path s3;

    private PersonalizeEngine engine;
    private AccountIam iam;
    private String dataset;

    @BeforeEach
    void start() throws IOException {
        Path object = s3.resolve(BUCKET).resolve(OBJECT);
        Files.createDirectories(object.getParent());
        Files.writeString(object, MovieData.interactionsCsv(MovieData.USERS));
        engine = new PersonalizeEngine(EngineSettings.defaults(s3).withDelays(Delays.NONE));
        iam = new AccountIam(ACCOUNT);
        engine.enforceIam(new Authorizer(iam, IamSimulator.shared()));
        String group = active(engine.datasetGroups().create("movierec-test-movies", null, null, null));
        String schema = engine.schemas().create("movierec-test-interactions",
                PersonalizeSchemas.load(DatasetType.INTERACTIONS).json(), null).arn();
        dataset = active(engine.datasets().create("movierec-test-interactions", group, "Interactions", schema));
    }

    @AfterEach
    void stop() {
        engine.close();
    }

    // --- the deployed policies, as JSON ------------------------------------------------------------------------

    private static JsonNode trustPolicy(String sourceAccount) {
        return json("""
                {"Version": "2012-10-17", "Statement": [{
                  "Effect": "Allow", "Principal": {"Service": "personalize.amazonaws.com"}, "Action": "sts:AssumeRole",
                  "Condition": {"ArnLike": {"aws:SourceArn": "%s"},
                                "StringEquals": {"aws:SourceAccount": "%s"}}}]}""".formatted(OWN_RESOURCES,
                sourceAccount));
    }

    private static JsonNode roleDataAccess(String... kmsActions) {
        return json("""
                {"Version": "2012-10-17", "Statement": [
                  {"Sid": "ListDatasetPrefix", "Effect": "Allow", "Action": "s3:ListBucket", "Resource": "%1$s",
                   "Condition": {"StringLike": {"s3:prefix": "datasets/movies/*"}}},
                  {"Sid": "ReadDatasetPrefix", "Effect": "Allow", "Action": "s3:GetObject",
                   "Resource": "%1$s/datasets/movies/*"},
                  {"Sid": "UseDataKey", "Effect": "Allow", "Action": %2$s, "Resource": "%3$s"}]}"""
                .formatted(BUCKET_ARN, jsonArray(List.of(kmsActions)), KEY));
    }

    private static String jsonArray(List<String> values) {
        return values.stream().map(v -> "\"" + v + "\"").collect(Collectors.joining(",", "[", "]"));
    }

    private static String serviceConditions(ServicePolicies policies) {
        return policies == ServicePolicies.AS_DEPLOYED
                ? """
                  , "Condition": {"ArnLike": {"aws:SourceArn": "%s"},
                                  "StringEquals": {"aws:SourceAccount": "%s"}}""".formatted(OWN_RESOURCES, ACCOUNT)
                : "";
    }

    private static final String REQUIRE_TLS = """
            {"Effect": "Deny", "Principal": {"AWS": "*"}, "Action": "s3:*",
             "Resource": ["%1$s", "%1$s/*"], "Condition": {"Bool": {"aws:SecureTransport": "false"}}}"""
            .formatted(BUCKET_ARN);

    private static JsonNode bucketPolicy(ServicePolicies policies) {
        return json("""
                {"Version": "2012-10-17", "Statement": [%s,
                  {"Sid": "PersonalizeListsDatasetPrefix", "Effect": "Allow",
                   "Principal": {"Service": "personalize.amazonaws.com"}, "Action": "s3:ListBucket",
                   "Resource": "%s"%s},
                  {"Sid": "PersonalizeReadsDatasetPrefix", "Effect": "Allow",
                   "Principal": {"Service": "personalize.amazonaws.com"}, "Action": "s3:GetObject",
                   "Resource": "%s/datasets/movies/*"%s}]}""".formatted(REQUIRE_TLS, BUCKET_ARN,
                serviceConditions(policies), BUCKET_ARN, serviceConditions(policies)));
    }

    private static JsonNode keyPolicy(ServicePolicies policies) {
        String root = "arn:aws:iam::" + ACCOUNT + ":root";
        String roleUsesKey = policies == ServicePolicies.AS_DEPLOYED
                ? """
                  {"Sid": "PersonalizeRoleUsesKey", "Effect": "Allow", "Principal": {"AWS": "%s"},
                   "Action": ["kms:CreateGrant", "kms:Decrypt", "kms:DescribeKey", "kms:GenerateDataKey",
                              "kms:ListGrants"], "Resource": "*",
                   "Condition": {"ArnEquals": {"aws:PrincipalArn": "%s"}}}""".formatted(root, ROLE)
                : """
                  {"Sid": "EnableIamPolicies", "Effect": "Allow", "Principal": {"AWS": "%s"}, "Action": "kms:*",
                   "Resource": "*"}""".formatted(root);
        return json("""
                {"Version": "2012-10-17", "Statement": [
                  {"Sid": "AccountAdministersKey", "Effect": "Allow", "Principal": {"AWS": "%s"},
                   "Action": ["kms:Create*", "kms:Describe*", "kms:Enable*", "kms:List*", "kms:Put*", "kms:Update*",
                              "kms:Revoke*", "kms:Disable*", "kms:Get*", "kms:Delete*", "kms:ScheduleKeyDeletion",
                              "kms:CancelKeyDeletion"], "Resource": "*"},
                  {"Sid": "PersonalizeUsesKey", "Effect": "Allow",
                   "Principal": {"Service": "personalize.amazonaws.com"},
                   "Action": ["kms:CreateGrant", "kms:Decrypt", "kms:DescribeKey", "kms:GenerateDataKey",
                              "kms:ListGrants"], "Resource": "*"%s},
                  %s]}""".formatted(root, serviceConditions(policies), roleUsesKey));
    }

    private static final String[] ROLE_KMS = {"kms:Decrypt", "kms:DescribeKey", "kms:GenerateDataKey",
        "kms:ListGrants"};

    /** Everything the stacks grant. */
    private void deploy(ServicePolicies policies) {
        iam.putRole(ROLE, trustPolicy(ACCOUNT), Map.of("DataAccess", roleDataAccess(ROLE_KMS)), List.of());
        iam.putResourcePolicy(BUCKET_ARN, bucketPolicy(policies));
        iam.putResourcePolicy(KEY, keyPolicy(policies));
        iam.putBucketKey(BUCKET, KEY);
    }

    // --- the jobs ------------------------------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(ServicePolicies.class)
    void withEverythingGrantedTheImportIsActiveAndLoadsTheData(ServicePolicies policies) {
        deploy(policies);

        ImportJob job = importData();

        assertThat(job.status()).as(job.progress().failureReason()).isEqualTo("ACTIVE");
        assertThat(engine.datasets().describe(dataset).data().rows())
                .isEqualTo((long) MovieData.USERS * MovieData.EVENTS_PER_USER);
    }

    @ParameterizedTest
    @EnumSource(ServicePolicies.class)
    void withoutTheBucketPolicysStatementsForPersonalizeTheImportFailsOnS3(ServicePolicies policies) {
        deploy(policies);
        iam.putResourcePolicy(BUCKET_ARN, json("{\"Version\": \"2012-10-17\", \"Statement\": [" + REQUIRE_TLS + "]}"));

        ImportJob job = importData();

        assertThat(job.status()).isEqualTo("CREATE FAILED");
        assertS3Failure(job);
        assertThat(engine.datasets().describe(dataset).data().rows()).isZero();
    }

    @ParameterizedTest
    @EnumSource(ServicePolicies.class)
    void withoutKmsDecryptInTheRolesPolicyTheImportFailsOnTheKey(ServicePolicies policies) {
        deploy(policies);
        iam.putRole(ROLE, trustPolicy(ACCOUNT), Map.of("DataAccess",
                roleDataAccess("kms:DescribeKey", "kms:GenerateDataKey", "kms:ListGrants")), List.of());

        ImportJob job = importData();

        assertKmsFailure(job);
    }

    @ParameterizedTest
    @EnumSource(ServicePolicies.class)
    void withoutTheKeyPolicysStatementForPersonalizeTheImportFailsOnTheKey(ServicePolicies policies) {
        deploy(policies);
        JsonNode withoutService = keyPolicy(policies).deepCopy();
        ((ArrayNode) withoutService.get("Statement")).remove(1);
        assertThat(withoutService.toString()).doesNotContain("personalize.amazonaws.com");
        iam.putResourcePolicy(KEY, withoutService);

        ImportJob job = importData();

        assertKmsFailure(job);
    }

    @ParameterizedTest
    @EnumSource(ServicePolicies.class)
    void aTrustPolicyForAnotherSourceAccountFailsTheImportOnAssumingTheRole(ServicePolicies policies) {
        deploy(policies);
        iam.putRole(ROLE, trustPolicy("111122223333"), Map.of("DataAccess", roleDataAccess(ROLE_KMS)), List.of());

        ImportJob job = importData();

        assertThat(job.status()).isEqualTo("CREATE FAILED");
        assertThat(job.progress().failureReason()).startsWith("Amazon Personalize cannot assume the role " + ROLE);
    }

    @Test
    void aJobOutsideTheTrustPolicysSourceArnPatternCannotAssumeTheRole() {
        deploy(ServicePolicies.UNCONDITIONED);

        ImportJob job = importData("someone-elses-import");

        assertThat(job.status()).isEqualTo("CREATE FAILED");
        assertThat(job.progress().failureReason()).startsWith("Amazon Personalize cannot assume the role " + ROLE);
    }

    @Test
    void aRoleLocalModeDoesNotKnowCannotBeAssumed() {
        ImportJob job = importData();

        assertThat(job.status()).isEqualTo("CREATE FAILED");
        assertThat(job.progress().failureReason()).startsWith("Amazon Personalize cannot assume the role " + ROLE);
    }

    @Test
    void aBucketWithoutADefaultKeyNeedsNoKmsPermissions() {
        deploy(ServicePolicies.UNCONDITIONED);
        iam.removeBucketKey(BUCKET);
        iam.putRole(ROLE, trustPolicy(ACCOUNT), Map.of("DataAccess", roleDataAccess("kms:DescribeKey")), List.of());
        iam.removeResourcePolicy(KEY);

        assertThat(importData().status()).isEqualTo("ACTIVE");
    }

    @Test
    void anObjectOutsideTheGrantedPrefixFailsOnS3() throws IOException {
        deploy(ServicePolicies.UNCONDITIONED);
        Path elsewhere = s3.resolve(BUCKET).resolve("private/interactions.csv");
        Files.createDirectories(elsewhere.getParent());
        Files.copy(s3.resolve(BUCKET).resolve(OBJECT), elsewhere);

        ImportJob job = importData(JOB, "s3://" + BUCKET + "/private/interactions.csv");

        assertS3Failure(job);
    }

    /** Personalize's S3 sentence, pointing at the bucket policy page and naming the bucket, not the key. */
    private static void assertS3Failure(ImportJob job) {
        assertThat(job.status()).isEqualTo("CREATE FAILED");
        assertThat(job.progress().failureReason()).startsWith("Insufficient privileges for accessing data in S3")
                .contains("granting-personalize-s3-access").contains(BUCKET).doesNotContain(KEY);
    }

    /** The same sentence pointing at the key policy page and naming the key. */
    private static void assertKmsFailure(ImportJob job) {
        assertThat(job.status()).isEqualTo("CREATE FAILED");
        assertThat(job.progress().failureReason()).startsWith("Insufficient privileges for accessing data in S3")
                .contains("granting-personalize-key-access").contains(KEY);
    }

    private ImportJob importData() {
        return importData(JOB);
    }

    private ImportJob importData(String jobName) {
        return importData(jobName, LOCATION);
    }

    private ImportJob importData(String jobName, String location) {
        ImportJob job = engine.importJobs().create(jobName, dataset, location, ROLE, "FULL", false);
        LocalPersonalize.settled(job::status, job.arn());
        return job;
    }

    private static String active(Resource resource) {
        assertThat(LocalPersonalize.settled(resource::status, resource.arn())).isEqualTo("ACTIVE");
        return resource.arn();
    }
}
