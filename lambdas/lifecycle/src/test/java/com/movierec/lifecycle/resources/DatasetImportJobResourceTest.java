package com.movierec.lifecycle.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.movierec.lifecycle.core.Failure;
import com.movierec.lifecycle.testing.Errors;
import com.movierec.lifecycle.testing.Events;
import com.movierec.lifecycle.testing.Harness;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import software.amazon.awssdk.services.personalize.model.CreateDatasetImportJobRequest;
import software.amazon.awssdk.services.personalize.model.CreateDatasetImportJobResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.StartExecutionRequest;
import software.amazon.awssdk.services.sfn.model.StartExecutionResponse;

class DatasetImportJobResourceTest {
    private static final String ARN = ResourceCase.ACCOUNT + "dataset-import-job/movierec-dev-interactions-9f8e7d6c";
    private static final String NEW_ARN = ResourceCase.ACCOUNT + "dataset-import-job/movierec-dev-interactions-0a1b2c3d";
    private static final String STATE_MACHINE =
            "arn:aws:states:us-east-1:123456789012:stateMachine:movierec-dev-personalize-Watcher7C1D2E3F";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Harness harness = new Harness();

    @Test
    void startsTheImportAndHandsItToTheWatcher() throws Exception {
        jobCreated(ARN);
        Map<String, Object> event = Events.load("dataset-import-job/create");

        Map<String, Object> answer = harness.onEvent(event);

        assertThat(answer).isEqualTo(Map.of("PhysicalResourceId", ARN, "Data", Map.of("Arn", ARN)));
        ArgumentCaptor<CreateDatasetImportJobRequest> job = ArgumentCaptor.forClass(CreateDatasetImportJobRequest.class);
        verify(harness.personalize).createDatasetImportJob(job.capture());
        assertThat(job.getValue().jobName()).isEqualTo("movierec-dev-interactions-9f8e7d6c");
        assertThat(job.getValue().dataSource().dataLocation())
                .isEqualTo("s3://movierec-dev-data-123456789012/ml-100k/9f8e7d6c/interactions.csv");
        assertThat(job.getValue().importModeAsString()).isEqualTo("FULL");

        StartExecutionRequest execution = executions().get(0);
        assertThat(execution.stateMachineArn()).isEqualTo(STATE_MACHINE);
        assertThat(execution.name()).matches("DatasetImportJob-[0-9a-f]{40}").hasSizeLessThanOrEqualTo(80);
        JsonNode input = JSON.readTree(execution.input());
        assertThat(input.get("Kind").asText()).isEqualTo("DatasetImportJob");
        assertThat(input.get("Arn").asText()).isEqualTo(ARN);
        assertThat(input.get("ResourceName").asText()).isEqualTo("movierec-dev-interactions-9f8e7d6c");
        assertThat(input.get("SignalUrl").asText()).isEqualTo(Events.property(event, "SignalUrl"));
        assertThat(input.get("PollSeconds").isInt()).as("a number, for the Wait state's SecondsPath").isTrue();
        assertThat(input.get("PollSeconds").asInt()).isEqualTo(60);

        assertThat(harness.isComplete(event, answer)).as("the WaitCondition waits, not this resource")
                .isEqualTo(Map.of("IsComplete", true, "Data", Map.of("Arn", ARN)));
    }

    @Test
    void startingTheWatcherAgainForTheSameJobIsHarmless() {
        jobCreated(ARN);
        when(harness.sfn.startExecution(any(StartExecutionRequest.class)))
                .thenThrow(ExecutionAlreadyExistsException.builder().message("Execution Already Exists").build());

        Map<String, Object> answer = harness.onEvent(Events.load("dataset-import-job/create"));

        assertThat(answer).containsEntry("PhysicalResourceId", ARN);
    }

    @Test
    void newDataStartsANewJobWithItsOwnWatcher() {
        jobCreated(NEW_ARN);
        Map<String, Object> event = Events.load("dataset-import-job/update-new-data");

        Map<String, Object> answer = harness.onEvent(event);

        assertThat(answer).containsEntry("PhysicalResourceId", NEW_ARN);
        assertThat(executions().get(0).input()).contains(NEW_ARN);
    }

    @Test
    void aNewWaitConditionGetsANewWatcherForTheSameJob() {
        jobCreated(ARN);
        harness.onEvent(Events.load("dataset-import-job/create"));
        Map<String, Object> event = Events.load("dataset-import-job/update-signal-url");

        Map<String, Object> answer = harness.onEvent(event);

        assertThat(answer).containsEntry("PhysicalResourceId", ARN);
        verify(harness.personalize, times(1)).createDatasetImportJob(any(CreateDatasetImportJobRequest.class));
        List<StartExecutionRequest> executions = executions();
        assertThat(executions).hasSize(2);
        assertThat(executions.get(1).input()).contains(Events.property(event, "SignalUrl"));
        assertThat(executions.get(1).name()).as("a new execution, not a duplicate of the first")
                .isNotEqualTo(executions.get(0).name());
    }

    @Test
    void changingOnlyThePollIntervalKeepsTheJobAndItsWatcher() {
        Map<String, Object> answer = harness.onEvent(Events.load("dataset-import-job/update-poll-seconds"));

        assertThat(answer).containsEntry("PhysicalResourceId", ARN);
        verifyNoInteractions(harness.personalize, harness.sfn);
    }

    @Test
    void deleteLeavesTheJobToItsDataset() {
        Map<String, Object> event = Events.load("dataset-import-job/delete");

        Map<String, Object> answer = harness.onEvent(event);

        assertThat(answer).isEqualTo(Map.of("PhysicalResourceId", ARN));
        assertThat(harness.isComplete(event, answer)).isEqualTo(Map.of("IsComplete", true));
        verifyNoInteractions(harness.personalize, harness.sfn);
    }

    @Test
    void aMissingSignalUrlStartsNoJob() {
        Map<String, Object> event = Events.withProperty(Events.load("dataset-import-job/create"), "SignalUrl", null);

        assertThatThrownBy(() -> harness.onEvent(event))
                .isInstanceOf(Failure.class)
                .hasMessage("Custom::PersonalizeDatasetImportJob property SignalUrl is required");
        verifyNoInteractions(harness.personalize, harness.sfn);
    }

    @Test
    void rejectsADataLocationOutsideS3() {
        Map<String, Object> event = Events.withProperty(Events.load("dataset-import-job/create"), "DataLocation",
                "/tmp/interactions.csv");

        assertThatThrownBy(() -> harness.onEvent(event))
                .hasMessage("Custom::PersonalizeDatasetImportJob property DataLocation must be an s3:// URI of the CSV, "
                        + "not '/tmp/interactions.csv'");
        verify(harness.personalize, never()).createDatasetImportJob(any(CreateDatasetImportJobRequest.class));
    }

    @Test
    void failsWithPersonalizesMessageWhenTheImportCannotStart() {
        when(harness.personalize.createDatasetImportJob(any(CreateDatasetImportJobRequest.class)))
                .thenThrow(Errors.invalidInput("Insufficient privileges for accessing data in S3."));

        assertThatThrownBy(() -> harness.onEvent(Events.load("dataset-import-job/create")))
                .isInstanceOf(Failure.class)
                .hasMessageStartingWith("Custom::PersonalizeDatasetImportJob movierec-dev-interactions-9f8e7d6c: "
                        + "InvalidInputException: Insufficient privileges for accessing data in S3.");
        verifyNoInteractions(harness.sfn);
    }

    @Test
    void retriesAThrottledWatcherStart() {
        jobCreated(ARN);
        when(harness.sfn.startExecution(any(StartExecutionRequest.class)))
                .thenThrow(software.amazon.awssdk.services.sfn.model.SfnException.builder().statusCode(400)
                        .awsErrorDetails(software.amazon.awssdk.awscore.exception.AwsErrorDetails.builder()
                                .errorCode("ThrottlingException").errorMessage("Rate exceeded").build())
                        .build())
                .thenReturn(StartExecutionResponse.builder().build());

        harness.onEvent(Events.load("dataset-import-job/create"));

        verify(harness.sfn, times(2)).startExecution(any(StartExecutionRequest.class));
        assertThat(harness.sleeper.sleeps()).hasSize(1);
    }

    private void jobCreated(String arn) {
        when(harness.personalize.createDatasetImportJob(any(CreateDatasetImportJobRequest.class)))
                .thenReturn(CreateDatasetImportJobResponse.builder().datasetImportJobArn(arn).build());
    }

    private List<StartExecutionRequest> executions() {
        ArgumentCaptor<StartExecutionRequest> request = ArgumentCaptor.forClass(StartExecutionRequest.class);
        verify(harness.sfn, org.mockito.Mockito.atLeastOnce()).startExecution(request.capture());
        return request.getAllValues();
    }
}
