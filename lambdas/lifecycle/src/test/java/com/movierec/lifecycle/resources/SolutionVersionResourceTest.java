package com.movierec.lifecycle.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import com.movierec.lifecycle.testing.Errors;
import com.movierec.lifecycle.testing.Events;
import com.movierec.lifecycle.testing.Harness;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import software.amazon.awssdk.services.personalize.model.CreateSolutionVersionRequest;
import software.amazon.awssdk.services.personalize.model.CreateSolutionVersionResponse;
import software.amazon.awssdk.services.personalize.model.DescribeSolutionVersionRequest;
import software.amazon.awssdk.services.personalize.model.DescribeSolutionVersionResponse;
import software.amazon.awssdk.services.personalize.model.SolutionVersion;
import software.amazon.awssdk.services.personalize.model.StopSolutionVersionCreationRequest;
import software.amazon.awssdk.services.personalize.model.TrainingMode;
import software.amazon.awssdk.services.sfn.model.StartExecutionRequest;

class SolutionVersionResourceTest {
    private static final String SOLUTION = ResourceCase.ACCOUNT + "solution/movierec-dev-user-personalization-1a2b3c4d";
    private static final String ARN = SOLUTION + "/4f5e6d7c";
    private static final String NEW_ARN = SOLUTION + "/8a9b0c1d";

    private final Harness harness = new Harness();

    @Test
    void startsTrainingAndHandsItToTheWatcher() {
        trainingStarts(ARN);
        Map<String, Object> event = Events.load("solution-version/create");

        Map<String, Object> answer = harness.onEvent(event);

        assertThat(answer).isEqualTo(Map.of("PhysicalResourceId", ARN, "Data", Map.of("Arn", ARN)));
        verify(harness.personalize).createSolutionVersion(
                CreateSolutionVersionRequest.builder().solutionArn(SOLUTION).trainingMode(TrainingMode.FULL).build());
        ArgumentCaptor<StartExecutionRequest> execution = ArgumentCaptor.forClass(StartExecutionRequest.class);
        verify(harness.sfn).startExecution(execution.capture());
        assertThat(execution.getValue().name()).matches("SolutionVersion-[0-9a-f]{40}");
        assertThat(execution.getValue().input())
                .contains("\"Kind\":\"SolutionVersion\"", "\"Arn\":\"" + ARN + "\"", "\"PollSeconds\":300",
                        "\"ResourceName\":\"movierec-dev-user-personalization-1a2b3c4d/4f5e6d7c\"");
        assertThat(harness.isComplete(event, answer)).as("training outlives a custom resource: the watcher waits")
                .isEqualTo(Map.of("IsComplete", true, "Data", Map.of("Arn", ARN)));
    }

    @Test
    void aNewTriggerTrainsANewVersion() {
        trainingStarts(NEW_ARN);

        Map<String, Object> answer = harness.onEvent(Events.load("solution-version/update-trigger"));

        assertThat(answer).containsEntry("PhysicalResourceId", NEW_ARN);
        verify(harness.personalize).createSolutionVersion(any(CreateSolutionVersionRequest.class));
    }

    @Test
    void stopsAVersionStillTrainingWhenDeleted() {
        when(harness.personalize.describeSolutionVersion(any(DescribeSolutionVersionRequest.class)))
                .thenReturn(described("CREATE IN_PROGRESS"));
        Map<String, Object> event = Events.load("solution-version/delete");

        Map<String, Object> answer = harness.onEvent(event);

        verify(harness.personalize).stopSolutionVersionCreation(
                StopSolutionVersionCreationRequest.builder().solutionVersionArn(ARN).build());
        assertThat(harness.isComplete(event, answer)).isEqualTo(Map.of("IsComplete", true));
    }

    @Test
    void leavesAFinishedVersionToBeDeletedWithItsSolution() {
        when(harness.personalize.describeSolutionVersion(any(DescribeSolutionVersionRequest.class)))
                .thenReturn(described("ACTIVE"));

        harness.onEvent(Events.load("solution-version/delete"));

        verify(harness.personalize, never()).stopSolutionVersionCreation(any(StopSolutionVersionCreationRequest.class));
    }

    @Test
    void deletingAVersionAlreadyDeletedWithItsSolutionSucceeds() {
        when(harness.personalize.describeSolutionVersion(any(DescribeSolutionVersionRequest.class)))
                .thenThrow(Errors.notFound(ARN));
        Map<String, Object> event = Events.load("solution-version/delete");

        Map<String, Object> answer = harness.onEvent(event);

        assertThat(answer).isEqualTo(Map.of("PhysicalResourceId", ARN));
        assertThat(harness.isComplete(event, answer)).isEqualTo(Map.of("IsComplete", true));
    }

    @Test
    void retriesAThrottledTrainingStartThenGivesUpWithTheOperationNamed() {
        when(harness.personalize.createSolutionVersion(any(CreateSolutionVersionRequest.class)))
                .thenThrow(Errors.throttled());

        assertThatThrownBy(() -> harness.onEvent(Events.load("solution-version/create")))
                .hasMessage("Custom::PersonalizeSolutionVersion movierec-dev-user-personalization-1a2b3c4d: "
                        + "CreateSolutionVersion was still throttled or unreachable after 8 attempts: "
                        + "ThrottlingException: Rate exceeded (Service: Personalize, Status Code: 400, Request ID: null)");
        verifyNoInteractions(harness.sfn);
    }

    @Test
    void rejectsATrainingModePersonalizeCannotStart() {
        Map<String, Object> event = Events.withProperty(Events.load("solution-version/create"), "TrainingMode",
                "AUTOTRAIN");

        assertThatThrownBy(() -> harness.onEvent(event))
                .hasMessage("Custom::PersonalizeSolutionVersion property TrainingMode must be one of FULL, UPDATE, "
                        + "not 'AUTOTRAIN'");
        verifyNoInteractions(harness.personalize, harness.sfn);
    }

    private void trainingStarts(String arn) {
        when(harness.personalize.createSolutionVersion(any(CreateSolutionVersionRequest.class)))
                .thenReturn(CreateSolutionVersionResponse.builder().solutionVersionArn(arn).build());
    }

    private static DescribeSolutionVersionResponse described(String status) {
        return DescribeSolutionVersionResponse.builder()
                .solutionVersion(SolutionVersion.builder().solutionVersionArn(ARN).status(status).build()).build();
    }
}
