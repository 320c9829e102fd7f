package com.movierec.local.personalize.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.movierec.local.personalize.engine.Delays;
import com.movierec.schemas.DatasetType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.personalize.model.BatchInferenceJob;
import software.amazon.awssdk.services.personalize.model.BatchInferenceJobSummary;
import software.amazon.awssdk.services.personalize.model.ResourceNotFoundException;

/** CreateBatchInferenceJob, DescribeBatchInferenceJob and ListBatchInferenceJobs over the wire, with the AWS SDK. */
class BatchInferenceJobThroughSdkTest {
    @TempDir
    Path s3;

    private LocalPersonalize local;
    private String version;

    @BeforeEach
    void start() {
        local = LocalPersonalize.start(s3, Delays.NONE);
        Provisioner provisioner = new Provisioner(local);
        String group = provisioner.datasetGroup("group");
        String interactions = provisioner.dataset("interactions", group, DatasetType.INTERACTIONS,
                provisioner.schema("interactions", DatasetType.INTERACTIONS));
        provisioner.importData("interactions", interactions,
                local.upload("data", "interactions.csv", MovieData.interactionsCsv(MovieData.USERS)), "FULL");
        version = provisioner.trainedVersion(provisioner.solution("user", group, "aws-user-personalization-v2"));
    }

    @AfterEach
    void stop() {
        local.close();
    }

    @Test
    void aJobRunsToActiveWritesItsOutputAndDescribesWhatWasAsked() throws IOException {
        String input = local.upload("data", "batch/in/users.json", "{\"userId\": \"u01\"}\n{\"userId\": \"u40\"}\n");

        String arn = local.personalize.createBatchInferenceJob(r -> r.jobName("nightly").solutionVersionArn(version)
                .numResults(4).roleArn(Provisioner.role())
                .jobInput(i -> i.s3DataSource(s -> s.path(input)))
                .jobOutput(o -> o.s3DataDestination(s -> s.path("s3://data/batch/out/")))).batchInferenceJobArn();
        String status = LocalPersonalize.settled(() -> describe(arn).status(), arn);

        assertThat(status).as(describe(arn).failureReason()).isEqualTo("ACTIVE");
        BatchInferenceJob job = describe(arn);
        assertThat(arn).endsWith(":batch-inference-job/nightly");
        assertThat(job.jobName()).isEqualTo("nightly");
        assertThat(job.solutionVersionArn()).isEqualTo(version);
        assertThat(job.numResults()).isEqualTo(4);
        assertThat(job.roleArn()).isEqualTo(Provisioner.role());
        assertThat(job.jobInput().s3DataSource().path()).isEqualTo(input);
        assertThat(job.jobOutput().s3DataDestination().path()).isEqualTo("s3://data/batch/out/");
        assertThat(job.batchInferenceJobModeAsString()).isEqualTo("BATCH_INFERENCE");
        assertThat(job.creationDateTime()).isNotNull();
        assertThat(Files.readAllLines(s3.resolve("data/batch/out/users.json.out"))).hasSize(2);

        List<BatchInferenceJobSummary> listed = local.personalize.listBatchInferenceJobs(r -> r
                .solutionVersionArn(version)).batchInferenceJobs();
        assertThat(listed).extracting(BatchInferenceJobSummary::batchInferenceJobArn).containsExactly(arn);
        assertThat(listed.get(0).status()).isEqualTo("ACTIVE");
    }

    @Test
    void aSolutionVersionThatDoesNotExistIsResourceNotFound() {
        ResourceNotFoundException e = catchThrowableOfType(ResourceNotFoundException.class,
                () -> local.personalize.createBatchInferenceJob(r -> r.jobName("orphan")
                        .solutionVersionArn(version + "0").roleArn(Provisioner.role())
                        .jobInput(i -> i.s3DataSource(s -> s.path("s3://data/batch/in/users.json")))
                        .jobOutput(o -> o.s3DataDestination(s -> s.path("s3://data/batch/out/")))));

        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains(version + "0");
    }

    private BatchInferenceJob describe(String arn) {
        return local.personalize.describeBatchInferenceJob(r -> r.batchInferenceJobArn(arn)).batchInferenceJob();
    }
}
