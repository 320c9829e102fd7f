package com.movierec.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.movierec.lifecycle.testing.Errors;
import com.movierec.lifecycle.testing.Events;
import com.movierec.lifecycle.testing.Harness;
import com.movierec.lifecycle.testing.LogCapture;
import com.movierec.lifecycle.testing.RecordingSleeper;
import com.movierec.lifecycle.testing.SignalServer;
import com.movierec.lifecycle.testing.TestContext;
import com.movierec.lifecycle.watcher.HttpWaitConditionSignaller;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.personalize.PersonalizeClient;
import software.amazon.awssdk.services.personalize.model.CreateSchemaRequest;
import software.amazon.awssdk.services.personalize.model.CreateSchemaResponse;
import software.amazon.awssdk.services.personalize.model.DatasetSchema;
import software.amazon.awssdk.services.personalize.model.DescribeSchemaRequest;
import software.amazon.awssdk.services.personalize.model.DescribeSchemaResponse;
import software.amazon.awssdk.services.personalize.model.DescribeSolutionVersionRequest;
import software.amazon.awssdk.services.personalize.model.DescribeSolutionVersionResponse;
import software.amazon.awssdk.services.personalize.model.SolutionVersion;

/** The logs are Powertools JSON with the resource as fields, and never contain a presigned URL. */
class LoggingTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SCHEMA = "arn:aws:personalize:us-east-1:123456789012:schema/movierec-dev-interactions-1a2b3c4d";
    private static final String VERSION =
            "arn:aws:personalize:us-east-1:123456789012:solution/movierec-dev-user-personalization-1a2b3c4d/4f5e6d7c";

    @Test
    void neverLogsTheResponseUrlOrTheSignalUrlEvenAtDebugAndOnFailure() {
        Map<String, Object> create = Events.load("cloudformation/schema-create");
        Map<String, Object> deleteAfterFailure = Events.load("cloudformation/schema-delete-after-failed-create");
        String responseUrl = (String) create.get("ResponseURL");
        Harness harness = new Harness();
        when(harness.personalize.createSchema(any(CreateSchemaRequest.class)))
                .thenThrow(Errors.throttled())
                .thenReturn(CreateSchemaResponse.builder().schemaArn(SCHEMA).build());
        when(harness.personalize.describeSchema(any(DescribeSchemaRequest.class))).thenReturn(
                DescribeSchemaResponse.builder().schema(DatasetSchema.builder().schemaArn(SCHEMA).build()).build());

        PersonalizeClient personalize = mock(PersonalizeClient.class);
        when(personalize.describeSolutionVersion(any(DescribeSolutionVersionRequest.class))).thenReturn(
                DescribeSolutionVersionResponse.builder().solutionVersion(SolutionVersion.builder()
                        .solutionVersionArn(VERSION).status("CREATE FAILED").failureReason("bad data").build()).build());
        WatcherHandler watcher = new WatcherHandler(personalize, new HttpWaitConditionSignaller(), new RecordingSleeper());

        String logs;
        try (LogCapture capture = new LogCapture(); SignalServer waitCondition = new SignalServer()) {
            Map<String, Object> answer = harness.onEvent(create);
            harness.isComplete(create, answer);
            harness.onEvent(deleteAfterFailure);
            assertThatThrownBy(() -> harness.onEvent(Events.withProperty(create, "Name", null)));

            Map<String, Object> input = Events.load("watcher/solution-version");
            input.put("SignalUrl", waitCondition.signalUrl());
            watcher.handleRequest(input, new TestContext());
            waitCondition.answer(403, "<Error><Code>AccessDenied</Code></Error>");
            assertThatThrownBy(() -> watcher.handleRequest(input, new TestContext()));
            logs = capture.output();

            assertThat(logs).as("the capture saw the run").contains("CreateSchema throttled", "signalled the WaitCondition");
            assertThat(logs).doesNotContain(responseUrl, waitCondition.signalUrl(), "X-Amz-Signature", "X-Amz-Credential",
                    "cloudformation-custom-resource-response", "ResponseURL", "SignalUrl",
                    Events.property(create, "Schema"));
        }
    }

    @Test
    void logsOneJsonObjectPerLineWithTheLambdaContextAndTheResource() throws Exception {
        Harness harness = new Harness();
        when(harness.personalize.describeSchema(any(DescribeSchemaRequest.class))).thenThrow(Errors.notFound(SCHEMA));
        Map<String, Object> delete = Events.load("schema/delete");

        String logs;
        try (LogCapture capture = new LogCapture()) {
            harness.isComplete(delete, harness.onEvent(delete));
            logs = capture.output();
        }

        List<JsonNode> lines = new ArrayList<>();
        for (String line : logs.split("\n")) {
            lines.add(JSON.readTree(line));
        }
        assertThat(lines).isNotEmpty().allSatisfy(line -> {
            assertThat(line.path("level").asText()).isNotEmpty();
            assertThat(line.path("function_name").asText()).isEqualTo("movierec-dev-lifecycle");
            assertThat(line.path("function_request_id").asText()).isEqualTo(new TestContext().getAwsRequestId());
            assertThat(line.path("resource_type").asText()).isEqualTo("Custom::PersonalizeSchema");
            assertThat(line.path("logical_id").asText()).isEqualTo("InteractionsSchemaC0FFEE01");
            assertThat(line.path("resource_name").asText()).isEqualTo("movierec-dev-interactions-1a2b3c4d");
            assertThat(line.path("request_type").asText()).isEqualTo("Delete");
        });
        assertThat(lines).anySatisfy(line -> {
            assertThat(line.path("message").asText()).isEqualTo("deleted");
            assertThat(line.path("arn").asText()).isEqualTo(SCHEMA);
        });
    }
}
