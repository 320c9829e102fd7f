package com.movierec.local.deployer.cli;

import static com.movierec.local.deployer.deploy.ResourceStatus.CREATE_COMPLETE;
import static com.movierec.local.deployer.deploy.ResourceStatus.CREATE_FAILED;
import static com.movierec.local.deployer.deploy.ResourceStatus.CREATE_IN_PROGRESS;
import static com.movierec.local.deployer.deploy.ResourceStatus.DELETE_COMPLETE;
import static com.movierec.local.deployer.deploy.ResourceStatus.DELETE_IN_PROGRESS;
import static com.movierec.local.deployer.deploy.ResourceStatus.DELETE_SKIPPED;
import static com.movierec.local.deployer.deploy.ResourceStatus.ROLLBACK_COMPLETE;
import static com.movierec.local.deployer.deploy.ResourceStatus.ROLLBACK_IN_PROGRESS;
import static com.movierec.local.deployer.deploy.ResourceStatus.UPDATE_COMPLETE;
import static com.movierec.local.deployer.deploy.ResourceStatus.UPDATE_IN_PROGRESS;
import static org.assertj.core.api.Assertions.assertThat;

import com.movierec.local.deployer.deploy.ResourceStatus;
import com.movierec.local.deployer.deploy.StackEvent;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The terminal's summary of a deploy, fed sequences of stack events and clock ticks at given seconds. */
class DeploySummaryTest {
    private static final Instant NOON = Instant.parse("2025-06-01T12:00:00Z");
    private static final String STACK = "movierec-dev-personalize";
    private static final String ARN = "arn:aws:personalize:eu-west-1:000000000000:";
    private static final String IMPORT_JOB = "Custom::PersonalizeDatasetImportJob";
    private static final String WAIT_CONDITION = "AWS::CloudFormation::WaitCondition";

    private final StringWriter out = new StringWriter();
    private final DeploySummary summary =
            new DeploySummary(new PrintWriter(out), ZoneOffset.UTC, Duration.ofSeconds(10));
    private final Map<String, Instant> starts = new HashMap<>();

    @Test
    void aStackReadsAsItsStartItsEndAndOneLinePerPersonalizeResourceWithItsNameAndTime() {
        stack(0, CREATE_IN_PROGRESS);
        resource(0.0, "RoleA", "AWS::IAM::Role", "Role/Resource", null, CREATE_IN_PROGRESS);
        resource(0.0, "RoleA", "AWS::IAM::Role", "Role/Resource", "movierec-role", CREATE_COMPLETE);
        resource(0.0, "DatasetGroupA1", "Custom::PersonalizeDatasetGroup", "DatasetGroup", null, CREATE_IN_PROGRESS);
        resource(1.2, "DatasetGroupA1", "Custom::PersonalizeDatasetGroup", "DatasetGroup",
                ARN + "dataset-group/movierec-dev-dataset-group", CREATE_COMPLETE);
        resource(1.2, "LogsA", "AWS::Logs::LogGroup", "Logs", null, CREATE_IN_PROGRESS);
        resource(1.2, "LogsA", "AWS::Logs::LogGroup", "Logs", "/aws/x", CREATE_COMPLETE);
        stack(1.3, CREATE_COMPLETE);

        assertThat(out.toString()).isEqualTo("""
                12:00:00  movierec-dev-personalize  CREATE_IN_PROGRESS
                12:00:01    created   dataset group            1.2 s  movierec-dev-dataset-group
                12:00:01  movierec-dev-personalize  CREATE_COMPLETE  1.3 s, 3 resources
                """);
    }

    @Test
    void anImportStartedByItsJobAndAwaitedByTheWaitConditionInItsConstructIsOneLineWithTheWholeTime() {
        stack(0, CREATE_IN_PROGRESS);
        resource(0, "ImportJobA", IMPORT_JOB, "InteractionsImport/Job", null, CREATE_IN_PROGRESS);
        resource(0.2, "ImportJobA", IMPORT_JOB, "InteractionsImport/Job",
                ARN + "dataset-import-job/movierec-dev-import-interactions-a5fe2fd9", CREATE_COMPLETE);
        resource(0.2, "ConditionA", WAIT_CONDITION, "InteractionsImport/Completion1/Condition", null,
                CREATE_IN_PROGRESS);
        resource(31.9, "ConditionA", WAIT_CONDITION, "InteractionsImport/Completion1/Condition", "c",
                CREATE_COMPLETE);
        stack(32, CREATE_COMPLETE);

        assertThat(out.toString()).contains("""
                12:00:31    created   dataset import job      31.9 s  movierec-dev-import-interactions-a5fe2fd9 \
                (import 31.7 s)
                12:00:32  movierec-dev-personalize  CREATE_COMPLETE  32.0 s, 2 resources
                """).doesNotContain("WaitCondition", "0.2 s");
    }

    @Test
    void whileATrainingWaitsALineEveryIntervalSaysWhatWaitsAndForHowLong() {
        stack(0, CREATE_IN_PROGRESS);
        String version = ARN + "solution/movierec-dev-ranking-1bb40832/34ea1539";
        resource(0, "VersionA", "Custom::PersonalizeSolutionVersion", "RankingVersion/Version", null,
                CREATE_IN_PROGRESS);
        resource(0.1, "VersionA", "Custom::PersonalizeSolutionVersion", "RankingVersion/Version", version,
                CREATE_COMPLETE);
        resource(0.1, "ConditionB", WAIT_CONDITION, "RankingVersion/Completion2/Condition", null,
                CREATE_IN_PROGRESS);
        summary.tick(at(9.9));
        summary.tick(at(10));
        summary.tick(at(15));
        summary.tick(at(21.5));
        resource(25, "ConditionB", WAIT_CONDITION, "RankingVersion/Completion2/Condition", "c", CREATE_COMPLETE);
        summary.tick(at(40));

        assertThat(out.toString()).isEqualTo("""
                12:00:00  movierec-dev-personalize  CREATE_IN_PROGRESS
                12:00:10    waiting   solution version        10.0 s  movierec-dev-ranking-1bb40832/34ea1539 (training)
                12:00:21    waiting   solution version        21.5 s  movierec-dev-ranking-1bb40832/34ea1539 (training)
                12:00:25    created   solution version        25.0 s  movierec-dev-ranking-1bb40832/34ea1539 \
                (training 24.9 s)
                """);
    }

    @Test
    void aCampaignStillBeingCreatedIsNamedByItsConstructPathWhileItWaits() {
        resource(0, "CampaignA", "Custom::PersonalizeCampaign", "UserPersonalizationCampaign", null,
                CREATE_IN_PROGRESS);
        summary.tick(at(70));

        assertThat(out.toString()).isEqualTo("""
                12:01:10    waiting   campaign            1 min 10 s  UserPersonalizationCampaign (creating)
                """);
    }

    @Test
    void aFailedImportNamesTheJobWithTheWholeReasonAndTheRollbackFollows() {
        stack(0, CREATE_IN_PROGRESS);
        String job = ARN + "dataset-import-job/movierec-dev-import-items-a5fe2fd9";
        resource(0, "ImportJobA", IMPORT_JOB, "ItemsImport/Job", null, CREATE_IN_PROGRESS);
        resource(0.1, "ImportJobA", IMPORT_JOB, "ItemsImport/Job", job, CREATE_COMPLETE);
        resource(0.1, "ConditionA", WAIT_CONDITION, "ItemsImport/Completion1/Condition", null, CREATE_IN_PROGRESS);
        failed(2.0, "ConditionA", WAIT_CONDITION, "ItemsImport/Completion1/Condition",
                "WaitCondition received failed message: 'the file is empty' for uniqueId: " + job);
        stackWithReason(2.0, ROLLBACK_IN_PROGRESS, "The following resource(s) failed to create: [ConditionA].");
        resource(2.0, "ImportJobA", IMPORT_JOB, null, job, DELETE_IN_PROGRESS);
        resource(2.1, "ImportJobA", IMPORT_JOB, null, job, DELETE_COMPLETE);
        stack(2.2, ROLLBACK_COMPLETE);

        assertThat(out.toString()).isEqualTo("""
                12:00:00  movierec-dev-personalize  CREATE_IN_PROGRESS
                12:00:02    failed    dataset import job       2.0 s  movierec-dev-import-items-a5fe2fd9: \
                WaitCondition received failed message: 'the file is empty' for uniqueId: %s
                12:00:02  movierec-dev-personalize  ROLLBACK_IN_PROGRESS  The following resource(s) failed to create: \
                [ConditionA].
                12:00:02    deleted   dataset import job       0.1 s  movierec-dev-import-items-a5fe2fd9
                12:00:02  movierec-dev-personalize  ROLLBACK_COMPLETE  2.2 s, 1 resource
                """.formatted(job));
    }

    @Test
    void aFailedStandInIsPrintedWithItsTypePathAndReason() {
        resource(0, "BucketA", "AWS::S3::Bucket", "DataBucket/Data", null, CREATE_IN_PROGRESS);
        failed(0.1, "BucketA", "AWS::S3::Bucket", "DataBucket/Data", "The bucket is not empty");

        assertThat(out.toString()).isEqualTo("""
                12:00:00    failed    AWS::S3::Bucket          0.1 s  DataBucket/Data: The bucket is not empty
                """);
    }

    @Test
    void anUpdateThatGetsANewPhysicalIdIsAReplacementAndAnUnchangedStackSaysSo() {
        String old = ARN + "solution/movierec-dev-related-items-1";
        String replacement = ARN + "solution/movierec-dev-related-items-2";
        String campaign = ARN + "campaign/movierec-dev-related-items-3";
        stack(0, UPDATE_IN_PROGRESS);
        resource(0, "SolutionA", "Custom::PersonalizeSolution", "RelatedItemsSolution", old, UPDATE_IN_PROGRESS);
        resource(0.2, "SolutionA", "Custom::PersonalizeSolution", "RelatedItemsSolution", replacement,
                UPDATE_IN_PROGRESS);
        resource(0.5, "SolutionA", "Custom::PersonalizeSolution", "RelatedItemsSolution", replacement,
                UPDATE_COMPLETE);
        resource(0.5, "CampaignA", "Custom::PersonalizeCampaign", "RelatedItemsCampaign", campaign,
                UPDATE_IN_PROGRESS);
        resource(0.8, "CampaignA", "Custom::PersonalizeCampaign", "RelatedItemsCampaign", campaign, UPDATE_COMPLETE);
        stackWithReason(0.9, UPDATE_COMPLETE, null);
        stackWithReason(1.0, UPDATE_COMPLETE, "No updates are to be performed.", "movierec-dev-data");

        assertThat(out.toString()).isEqualTo("""
                12:00:00  movierec-dev-personalize  UPDATE_IN_PROGRESS
                12:00:00    replaced  solution                 0.5 s  movierec-dev-related-items-2
                12:00:00    updated   campaign                 0.3 s  movierec-dev-related-items-3
                12:00:00  movierec-dev-personalize  UPDATE_COMPLETE  0.9 s, 2 resources
                12:00:01  movierec-dev-data  UPDATE_COMPLETE  No updates are to be performed.
                """);
    }

    @Test
    void aResourceKeptByItsDeletionPolicyIsPrintedWithThePolicy() {
        resource(0, "BucketA", "AWS::S3::Bucket", null, "movierec-dev-data", DELETE_SKIPPED, "DeletionPolicy Retain");

        assertThat(out.toString()).isEqualTo("""
                12:00:00    kept      AWS::S3::Bucket                 movierec-dev-data: DeletionPolicy Retain
                """);
    }

    @Test
    void theLastPersonalizeResourceHeldBackForAWaitConditionIsPrintedOnFlushAndNothingWaitsAfterwards() {
        resource(0, "TrackerA", "Custom::PersonalizeEventTracker", "EventTracker", null, CREATE_IN_PROGRESS);
        resource(0.3, "TrackerA", "Custom::PersonalizeEventTracker", "EventTracker", ARN + "event-tracker/2895e70a",
                CREATE_COMPLETE);
        summary.flush();
        summary.tick(at(60));

        assertThat(out.toString()).isEqualTo("""
                12:00:00    created   event tracker            0.3 s  2895e70a
                """);
    }

    private void stack(double seconds, ResourceStatus status) {
        stackWithReason(seconds, status, null);
    }

    private void stackWithReason(double seconds, ResourceStatus status, String reason) {
        stackWithReason(seconds, status, reason, STACK);
    }

    private void stackWithReason(double seconds, ResourceStatus status, String reason, String stack) {
        summary.onEvent(new StackEvent(at(seconds), stack, stack, Optional.empty(), StackEvent.STACK_TYPE, status,
                Optional.empty(), Optional.ofNullable(reason), Optional.empty()));
    }

    private void resource(double seconds, String logicalId, String type, String path, String physicalId,
                          ResourceStatus status) {
        resource(seconds, logicalId, type, path, physicalId, status, null);
    }

    private void failed(double seconds, String logicalId, String type, String path, String reason) {
        resource(seconds, logicalId, type, path, null, CREATE_FAILED, reason);
    }

    /** An *_IN_PROGRESS starts its resource's clock; its next event carries the time since, as the deployer's do. */
    private void resource(double seconds, String logicalId, String type, String path, String physicalId,
                          ResourceStatus status, String reason) {
        Instant time = at(seconds);
        Optional<Duration> elapsed = Optional.empty();
        if (status.name().endsWith("_IN_PROGRESS")) {
            starts.putIfAbsent(logicalId, time);
        } else if (starts.containsKey(logicalId)) {
            elapsed = Optional.of(Duration.between(starts.remove(logicalId), time));
        }
        summary.onEvent(new StackEvent(time, STACK, logicalId, Optional.ofNullable(physicalId), type, status,
                Optional.ofNullable(path), Optional.ofNullable(reason), elapsed));
    }

    private static Instant at(double seconds) {
        return NOON.plusMillis(Math.round(seconds * 1000));
    }
}
