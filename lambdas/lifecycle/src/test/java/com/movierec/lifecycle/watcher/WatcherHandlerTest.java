package com.movierec.lifecycle.watcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.movierec.lifecycle.WatcherHandler;
import com.movierec.lifecycle.testing.Errors;
import com.movierec.lifecycle.testing.Events;
import com.movierec.lifecycle.testing.RecordingSleeper;
import com.movierec.lifecycle.testing.SignalServer;
import com.movierec.lifecycle.testing.TestContext;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.personalize.PersonalizeClient;
import software.amazon.awssdk.services.personalize.model.DatasetImportJob;
import software.amazon.awssdk.services.personalize.model.DescribeDatasetImportJobRequest;
import software.amazon.awssdk.services.personalize.model.DescribeDatasetImportJobResponse;
import software.amazon.awssdk.services.personalize.model.DescribeSolutionVersionRequest;
import software.amazon.awssdk.services.personalize.model.DescribeSolutionVersionResponse;
import software.amazon.awssdk.services.personalize.model.SolutionVersion;

class WatcherHandlerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String VERSION =
            "arn:aws:personalize:us-east-1:123456789012:solution/movierec-dev-user-personalization-1a2b3c4d/4f5e6d7c";
    private static final String JOB =
            "arn:aws:personalize:us-east-1:123456789012:dataset-import-job/movierec-dev-interactions-9f8e7d6c";

    private final PersonalizeClient personalize = mock(PersonalizeClient.class);
    private final SignalServer waitCondition = new SignalServer();
    private final WatcherHandler handler =
            new WatcherHandler(personalize, new HttpWaitConditionSignaller(), new RecordingSleeper());

    @AfterEach
    void stopServer() {
        waitCondition.close();
    }

    @Test
    void signalsSuccessWithAnEmptyContentTypeOnceTrainingIsActive() throws Exception {
        versionStatus("ACTIVE", null);
        Map<String, Object> input = input("watcher/solution-version");

        Map<String, Object> output = handler.handleRequest(input, new TestContext());

        assertThat(waitCondition.received()).hasSize(1);
        SignalServer.Received signal = waitCondition.received().get(0);
        assertThat(signal.method()).isEqualTo("PUT");
        assertThat(signal.pathAndQuery()).isEqualTo(waitCondition.signalUrl().replaceFirst("^http://[^/]+", ""));
        assertThat(signal.contentType()).as("presigned for no Content-Type").isEmpty();
        assertThat(JSON.readTree(signal.body())).isEqualTo(JSON.readTree("""
                {"Status": "SUCCESS", "UniqueId": "%s", "Reason":
                 "Custom::PersonalizeSolutionVersion movierec-dev-user-personalization-1a2b3c4d/4f5e6d7c is ACTIVE",
                 "Data": "%s"}""".formatted(VERSION, VERSION)));
        assertThat(output).containsAllEntriesOf(input).containsEntry("Done", true).containsEntry("Status", "ACTIVE");
    }

    @Test
    void signalsFailureWithPersonalizesFailureReasonWhenTheImportFails() throws Exception {
        when(personalize.describeDatasetImportJob(any(DescribeDatasetImportJobRequest.class))).thenReturn(
                DescribeDatasetImportJobResponse.builder().datasetImportJob(DatasetImportJob.builder()
                        .datasetImportJobArn(JOB).status("CREATE FAILED")
                        .failureReason("Input CSV is missing the required column TIMESTAMP.").build()).build());

        Map<String, Object> output = handler.handleRequest(input("watcher/import-job"), new TestContext());

        assertThat(JSON.readTree(waitCondition.received().get(0).body())).isEqualTo(JSON.readTree("""
                {"Status": "FAILURE", "UniqueId": "%s", "Reason": "Custom::PersonalizeDatasetImportJob \
                movierec-dev-interactions-9f8e7d6c is CREATE FAILED: Input CSV is missing the required column TIMESTAMP.",
                 "Data": "%s"}""".formatted(JOB, JOB)));
        assertThat(output).containsEntry("Done", true).containsEntry("Status", "CREATE FAILED");
    }

    @Test
    void signalsFailureWhenTrainingWasStopped() throws Exception {
        versionStatus("CREATE STOPPED", null);

        handler.handleRequest(input("watcher/solution-version"), new TestContext());

        assertThat(JSON.readTree(waitCondition.received().get(0).body()).get("Reason").asText())
                .isEqualTo("Custom::PersonalizeSolutionVersion movierec-dev-user-personalization-1a2b3c4d/4f5e6d7c is "
                        + "CREATE STOPPED: Personalize gave no failureReason");
    }

    @Test
    void keepsWaitingWithoutSignallingWhileTrainingRuns() {
        versionStatus("CREATE IN_PROGRESS", null);
        Map<String, Object> input = input("watcher/solution-version");

        Map<String, Object> output = handler.handleRequest(input, new TestContext());

        assertThat(waitCondition.received()).isEmpty();
        assertThat(output).containsAllEntriesOf(input).containsEntry("Done", false)
                .containsEntry("Status", "CREATE IN_PROGRESS");
    }

    @Test
    void continuesFromItsOwnOutputOnTheNextLoop() {
        versionStatus("CREATE IN_PROGRESS", null);
        Map<String, Object> first = handler.handleRequest(input("watcher/solution-version"), new TestContext());
        versionStatus("ACTIVE", null);

        Map<String, Object> second = handler.handleRequest(first, new TestContext());

        assertThat(second).containsEntry("Done", true).containsEntry("Status", "ACTIVE");
        assertThat(waitCondition.received()).hasSize(1);
    }

    @Test
    void signalsFailureWhenTheJobNoLongerExists() throws Exception {
        when(personalize.describeSolutionVersion(any(DescribeSolutionVersionRequest.class)))
                .thenThrow(Errors.notFound(VERSION));

        Map<String, Object> output = handler.handleRequest(input("watcher/solution-version"), new TestContext());

        assertThat(JSON.readTree(waitCondition.received().get(0).body()).get("Status").asText()).isEqualTo("FAILURE");
        assertThat(output).containsEntry("Done", true).containsEntry("Status", "NOT FOUND");
    }

    @Test
    void retriesAThrottledDescribeBeforeDecidingAnything() {
        when(personalize.describeSolutionVersion(any(DescribeSolutionVersionRequest.class)))
                .thenThrow(Errors.throttled())
                .thenReturn(DescribeSolutionVersionResponse.builder().solutionVersion(SolutionVersion.builder()
                        .solutionVersionArn(VERSION).status("ACTIVE").build()).build());
        RecordingSleeper sleeper = new RecordingSleeper();
        WatcherHandler patient = new WatcherHandler(personalize, new HttpWaitConditionSignaller(), sleeper);

        Map<String, Object> output = patient.handleRequest(input("watcher/solution-version"), new TestContext());

        assertThat(output).containsEntry("Done", true);
        assertThat(sleeper.sleeps()).hasSize(1);
        assertThat(waitCondition.received()).hasSize(1);
    }

    @Test
    void aRefusedSignalFailsWithoutRevealingTheUrl() {
        versionStatus("ACTIVE", null);
        waitCondition.answer(403, "<Error><Code>SignatureDoesNotMatch</Code><StringToSign>PUT\n\n\n1767225600\n"
                + "/cloudformation-waitcondition-us-east-1/arn...</StringToSign></Error>");

        assertThatThrownBy(() -> handler.handleRequest(input("watcher/solution-version"), new TestContext()))
                .hasMessage("the WaitCondition refused the signal with HTTP 403 SignatureDoesNotMatch")
                .hasNoCause();
    }

    @Test
    void anUnreachableSignalUrlFailsWithoutRevealingIt() {
        versionStatus("ACTIVE", null);
        Map<String, Object> input = input("watcher/solution-version");
        waitCondition.close();

        assertThatThrownBy(() -> handler.handleRequest(input, new TestContext()))
                .hasMessage("signalling the WaitCondition failed: ConnectException")
                .hasNoCause();
    }

    private Map<String, Object> input(String fixture) {
        Map<String, Object> input = Events.load(fixture);
        input.put("SignalUrl", waitCondition.signalUrl());
        return input;
    }

    private void versionStatus(String status, String failureReason) {
        when(personalize.describeSolutionVersion(any(DescribeSolutionVersionRequest.class))).thenReturn(
                DescribeSolutionVersionResponse.builder().solutionVersion(SolutionVersion.builder()
                        .solutionVersionArn(VERSION).status(status).failureReason(failureReason).build()).build());
    }
}
