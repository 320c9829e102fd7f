package com.movierec.local.personalize.engine;

import static com.movierec.local.personalize.iam.PolicyDocuments.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.movierec.local.personalize.engine.state.BatchInferenceJob;
import com.movierec.local.personalize.iam.AccountIam;
import com.movierec.local.personalize.iam.Authorizer;
import com.movierec.local.personalize.iam.IamSimulator;
import com.movierec.local.personalize.server.LocalPersonalize;
import com.movierec.local.personalize.server.MovieData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Personalize's own access for a batch inference job with IAM enforced: it assumes the service role for the job,
 * and the role and the bucket policy must both let it list and read the input and write the output, and the role and
 * the key policy let it decrypt the input and take a data key for the output. The policies are written as the batch
 * stack deploys them (infra's PersonalizeBatchAccess): prefixes batch/input/ and batch/output/, confused-deputy
 * conditions on the service's statements.
 */
class BatchInferenceJobServiceAccessTest {
    private static final String ACCOUNT = EngineSettings.DEFAULT_ACCOUNT;
    private static final String REGION = EngineSettings.DEFAULT_REGION;
    private static final String BUCKET = "movierec-test-data";
    private static final String BUCKET_ARN = "arn:aws:s3:::" + BUCKET;
    private static final String INPUT = "s3://" + BUCKET + "/batch/input/users.json";
    private static final String OUTPUT = "s3://" + BUCKET + "/batch/output/run-1/";
    private static final String OUTPUT_FILE = "batch/output/run-1/users.json.out";
    private static final String ROLE = "arn:aws:iam::" + ACCOUNT + ":role/movierec-test-personalize-" + REGION;
    private static final String KEY = "arn:aws:kms:" + REGION + ":" + ACCOUNT
            + ":key/1234abcd-12ab-34cd-56ef-1234567890ab";
    private static final String PERSONALIZE = "arn:aws:personalize:" + REGION + ":" + ACCOUNT + ":";
    /** The stacks' resources are all named movierec-<stage>-..., which the confused-deputy conditions rely on. */
    private static final String OWN_RESOURCES = PERSONALIZE + "*/movierec-test-*";
    private static final String JOB = "movierec-test-batch";
    private static final String[] ROLE_KMS = {"kms:Decrypt", "kms:GenerateDataKey"};

    @TempDir
    Path s3;

    private DeployedEngine deployed;
    private AccountIam iam;
    private String version;

    @BeforeEach
    void start() throws IOException {
        // Trained without IAM; Personalize's access is enforced from the batch job on.
        deployed = DeployedEngine.deploy(s3, "aws-user-personalization-v2");
        version = deployed.engine.campaigns().describe(deployed.campaigns.get("aws-user-personalization-v2"))
                .settings().version().arn();
        Path input = s3.resolve(BUCKET).resolve("batch/input/users.json");
        Files.createDirectories(input.getParent());
        Files.writeString(input, IntStream.range(0, 5).mapToObj(u -> "{\"userId\": \"" + MovieData.user(u) + "\"}")
                .collect(Collectors.joining("\n", "", "\n")));
        iam = new AccountIam(ACCOUNT);
        deployed.engine.enforceIam(new Authorizer(iam, IamSimulator.shared()));
    }

    @AfterEach
    void stop() {
        deployed.close();
    }

    // --- the deployed policies, as JSON ------------------------------------------------------------------------

    private static final String SOURCE_CONDITIONS = """
            "ArnLike": {"aws:SourceArn": "%s"}, "StringEquals": {"aws:SourceAccount": "%s"}"""
            .formatted(OWN_RESOURCES, ACCOUNT);

    private static JsonNode trustPolicy(String sourceArnPattern) {
        return json("""
                {"Version": "2012-10-17", "Statement": [{
                  "Effect": "Allow", "Principal": {"Service": "personalize.amazonaws.com"}, "Action": "sts:AssumeRole",
                  "Condition": {"ArnLike": {"aws:SourceArn": "%s"}, "StringEquals": {"aws:SourceAccount": "%s"}}}]}"""
                .formatted(sourceArnPattern, ACCOUNT));
    }

    /** The three S3 grants, for the role (no principal) or for the service (with its conditions). */
    private static List<String> s3Grants(String principal, String conditions, boolean write) {
        String list = """
                {"Sid": "ListBatchPrefixes", "Effect": "Allow", %1$s "Action": "s3:ListBucket", "Resource": "%2$s",
                 "Condition": {"StringLike": {"s3:prefix": ["batch/input/*", "batch/output/*"]}%3$s}}"""
                .formatted(principal, BUCKET_ARN, conditions.isEmpty() ? "" : ", " + conditions);
        String read = """
                {"Sid": "ReadBatchInput", "Effect": "Allow", %s "Action": "s3:GetObject",
                 "Resource": "%s/batch/input/*"%s}""".formatted(principal, BUCKET_ARN, condition(conditions));
        String writeOutput = """
                {"Sid": "WriteBatchOutput", "Effect": "Allow", %s "Action": "s3:PutObject",
                 "Resource": "%s/batch/output/*"%s}""".formatted(principal, BUCKET_ARN, condition(conditions));
        return write ? List.of(list, read, writeOutput) : List.of(list, read);
    }

    private static String condition(String conditions) {
        return conditions.isEmpty() ? "" : ", \"Condition\": {" + conditions + "}";
    }

    private static JsonNode rolePolicy(boolean write, String... kmsActions) {
        String key = """
                {"Sid": "UseDataKeyForBatchFiles", "Effect": "Allow", "Action": [%s], "Resource": "%s"}"""
                .formatted(quoted(kmsActions), KEY);
        return policy(plus(s3Grants("", "", write), key));
    }

    private static JsonNode bucketPolicy(boolean write) {
        return policy(s3Grants("\"Principal\": {\"Service\": \"personalize.amazonaws.com\"},", SOURCE_CONDITIONS,
                write));
    }

    private static JsonNode keyPolicy() {
        return json("""
                {"Version": "2012-10-17", "Statement": [
                  {"Sid": "EnableIamPolicies", "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::%s:root"},
                   "Action": "kms:*", "Resource": "*"},
                  {"Sid": "PersonalizeUsesKey", "Effect": "Allow",
                   "Principal": {"Service": "personalize.amazonaws.com"},
                   "Action": ["kms:Decrypt", "kms:GenerateDataKey"], "Resource": "*",
                   "Condition": {%s}}]}""".formatted(ACCOUNT, SOURCE_CONDITIONS));
    }

    private static JsonNode policy(List<String> statements) {
        return json("{\"Version\": \"2012-10-17\", \"Statement\": [" + String.join(",", statements) + "]}");
    }

    /** Everything the stacks grant; the bucket encrypts with KEY. */
    private void deploy() {
        iam.putRole(ROLE, trustPolicy(OWN_RESOURCES), Map.of("BatchAccess", rolePolicy(true, ROLE_KMS)), List.of());
        iam.putResourcePolicy(BUCKET_ARN, bucketPolicy(true));
        iam.putResourcePolicy(KEY, keyPolicy());
        iam.putBucketKey(BUCKET, KEY);
    }

    // --- the jobs ------------------------------------------------------------------------------------------------

    @Test
    void withEverythingGrantedTheJobIsActiveAndWritesItsOutput() throws IOException {
        deploy();

        BatchInferenceJob job = runJob(null);

        assertThat(job.status()).as(job.progress().failureReason()).isEqualTo(Status.ACTIVE);
        assertThat(Files.readAllLines(s3.resolve(BUCKET).resolve(OUTPUT_FILE))).hasSize(5);
    }

    @Test
    void aBucketPolicyWithoutPutObjectForPersonalizeFailsTheJobOnS3() {
        deploy();
        iam.putResourcePolicy(BUCKET_ARN, bucketPolicy(false));

        BatchInferenceJob job = runJob(null);

        assertS3Failure(job);
    }

    @Test
    void aRolePolicyWithoutPutObjectFailsTheJobOnS3() {
        deploy();
        iam.putRole(ROLE, trustPolicy(OWN_RESOURCES), Map.of("BatchAccess", rolePolicy(false, ROLE_KMS)), List.of());

        BatchInferenceJob job = runJob(null);

        assertS3Failure(job);
    }

    @Test
    void aRoleWithoutGenerateDataKeyFailsTheJobOnTheKeyOfAKmsBucket() {
        deploy();
        iam.putRole(ROLE, trustPolicy(OWN_RESOURCES), Map.of("BatchAccess", rolePolicy(true, "kms:Decrypt")),
                List.of());

        BatchInferenceJob job = runJob(null);

        assertKmsFailure(job, KEY);
    }

    @Test
    void anOutputKeyWhosePolicyLeavesPersonalizeOutFailsTheJobOnThatKey() {
        deploy();
        String other = KEY.replace("1234abcd", "9999abcd");
        iam.putResourcePolicy(other, json("""
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
                  "Principal": {"AWS": "arn:aws:iam::%s:root"}, "Action": "kms:*", "Resource": "*"}]}"""
                .formatted(ACCOUNT)));

        BatchInferenceJob job = runJob(other);

        assertKmsFailure(job, other);
    }

    @Test
    void aTrustPolicyNarrowedToImportJobsCannotBeAssumedForABatchJob() {
        deploy();
        iam.putRole(ROLE, trustPolicy(PERSONALIZE + "dataset-import-job/movierec-test-*"),
                Map.of("BatchAccess", rolePolicy(true, ROLE_KMS)), List.of());

        BatchInferenceJob job = runJob(null);

        assertThat(job.status()).isEqualTo(Status.CREATE_FAILED);
        assertThat(job.progress().failureReason()).startsWith("Amazon Personalize cannot assume the role " + ROLE);
        assertThat(s3.resolve(BUCKET).resolve(OUTPUT_FILE)).doesNotExist();
    }

    /** Personalize's S3 sentence, naming the bucket, and no output written. */
    private void assertS3Failure(BatchInferenceJob job) {
        assertThat(job.status()).isEqualTo(Status.CREATE_FAILED);
        assertThat(job.progress().failureReason()).startsWith("Insufficient privileges for accessing data in S3")
                .contains("granting-personalize-s3-access").contains(BUCKET).doesNotContain(KEY);
        assertThat(s3.resolve(BUCKET).resolve(OUTPUT_FILE)).doesNotExist();
    }

    /** The same sentence pointing at the key page and naming the key, and no output written. */
    private void assertKmsFailure(BatchInferenceJob job, String key) {
        assertThat(job.status()).isEqualTo(Status.CREATE_FAILED);
        assertThat(job.progress().failureReason()).startsWith("Insufficient privileges for accessing data in S3")
                .contains("granting-personalize-key-access").contains(key);
        assertThat(s3.resolve(BUCKET).resolve(OUTPUT_FILE)).doesNotExist();
    }

    private BatchInferenceJob runJob(String outputKey) {
        BatchInferenceJob job = deployed.engine.batchInferenceJobs().create(JOB, new BatchInferenceJob.Settings(
                version, null, 3, INPUT, null, OUTPUT, outputKey, ROLE, null, null, null));
        LocalPersonalize.settled(job::status, job.arn());
        return job;
    }

    private static String quoted(String... values) {
        return Arrays.stream(values).map(v -> "\"" + v + "\"").collect(Collectors.joining(","));
    }

    private static List<String> plus(List<String> first, String last) {
        List<String> all = new ArrayList<>(first);
        all.add(last);
        return all;
    }
}
