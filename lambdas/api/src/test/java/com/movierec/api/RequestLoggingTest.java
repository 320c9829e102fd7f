package com.movierec.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.personalizeevents.model.PutEventsRequest;
import software.amazon.awssdk.services.personalizeevents.model.PutEventsResponse;
import software.amazon.awssdk.services.personalizeruntime.model.GetRecommendationsRequest;

/** The request log, as Lambda sends standard output to CloudWatch: one JSON line per request, no secrets. */
class RequestLoggingTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private PrintStream standardOutput;

    @BeforeEach
    void captureStandardOutput() {
        standardOutput = System.out;
        System.setOut(new PrintStream(output, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreStandardOutput() {
        System.setOut(standardOutput);
    }

    @Test
    void eachRequestIsOneJsonLineWithRouteStatusLatencyAndRequestId() {
        TestApi api = new TestApi();
        when(api.events.putEvents(any(PutEventsRequest.class))).thenReturn(PutEventsResponse.builder().build());
        ApiHandler handler = api.handler();
        output.reset();

        APIGatewayProxyRequestEvent event = TestApi.event("post-event");
        handler.handleRequest(event, new FixedContext("lambda-request-7"));

        List<JsonNode> lines = lines();
        assertThat(lines).hasSize(1);
        JsonNode line = lines.get(0);
        assertThat(line.path("message").asText()).isEqualTo("request");
        assertThat(line.path("route").asText()).isEqualTo("/events");
        assertThat(line.path("method").asText()).isEqualTo("POST");
        assertThat(line.path("status").asInt()).isEqualTo(202);
        assertThat(line.path("latencyMs").isNumber()).isTrue();
        assertThat(line.path("requestId").asText()).isEqualTo(event.getRequestContext().getRequestId());
        assertThat(line.path("correlation_id").asText()).isEqualTo(event.getRequestContext().getRequestId());
        assertThat(line.path("function_request_id").asText()).isEqualTo("lambda-request-7");
        assertThat(line.path("function_name").asText()).isEqualTo("movierec-dev-api");
        assertThat(line.path("function_version").asText()).isEqualTo("7");
        assertThat(line.path("function_memory_size").asInt()).isEqualTo(1024);
        assertThat(line.path("cold_start").isBoolean()).isTrue();
        assertThat(line.path("level").asText()).isEqualTo("INFO");
        assertThat(line.has("service")).isTrue();
        assertThat(line.path("errorCode").isNull()).isTrue();
        assertThat(line.path("timestamp").asText()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");
    }

    @Test
    void neitherBodiesNorPathsNorApiKeysAreLogged() {
        TestApi api = new TestApi();
        ApiHandler handler = api.handler();
        APIGatewayProxyRequestEvent event = TestApi.event("post-rankings-unknown-movie");
        output.reset();

        handler.handleRequest(event, null);

        String log = output.toString(StandardCharsets.UTF_8);
        assertThat(lines()).hasSize(1);
        assertThat(lines().get(0).path("errorCode").asText()).isEqualTo("NOT_FOUND");
        assertThat(log).doesNotContain("fixture-api-key-0123456789abcdef", "424242", "movieIds", "/users/42",
                "203.0.113.10");
    }

    @Test
    void aDefectIsLoggedAsAnErrorLineWithItsStackAndTheRequestIdButNoRequestDetails() {
        TestApi api = new TestApi();
        when(api.runtime.getRecommendations(any(GetRecommendationsRequest.class)))
                .thenThrow(new IllegalStateException("a defect"));
        ApiHandler handler = api.handler();
        APIGatewayProxyRequestEvent event = TestApi.event("get-user-recommendations");
        output.reset();

        handler.handleRequest(event, new FixedContext("lambda-request-8"));

        List<JsonNode> lines = lines();
        assertThat(lines).hasSize(2);
        JsonNode error = lines.get(0);
        assertThat(error.path("level").asText()).isEqualTo("ERROR");
        assertThat(error.path("route").asText()).isEqualTo("/users/{userId}/recommendations");
        assertThat(error.path("error").path("name").asText()).isEqualTo("java.lang.IllegalStateException");
        assertThat(error.path("error").path("stack").asText()).contains("a defect", "Router");
        assertThat(error.path("requestId").asText()).isEqualTo(event.getRequestContext().getRequestId());
        assertThat(lines.get(1).path("errorCode").asText()).isEqualTo("INTERNAL_ERROR");
        assertThat(output.toString(StandardCharsets.UTF_8)).doesNotContain("fixture-api-key-0123456789abcdef",
                "/users/42", "203.0.113.10");
    }

    @Test
    void theSdksSlf4jWarningsBecomeJsonLinesAndItsDebugOutputIsDropped() {
        var sdkLogger = LoggerFactory.getLogger("software.amazon.awssdk.request");
        output.reset();

        sdkLogger.debug("Sending request {}", "with details");
        sdkLogger.warn("Clock skew of {} s detected", 301);

        List<JsonNode> lines = lines();
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0).path("level").asText()).isEqualTo("WARN");
        assertThat(lines.get(0).path("message").asText()).isEqualTo("Clock skew of 301 s detected");
        assertThat(lines.get(0).path("logger").asText()).isEqualTo("software.amazon.awssdk.request");
    }

    private List<JsonNode> lines() {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : output.toString(StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) {
                try {
                    lines.add(JSON.readTree(line));
                } catch (Exception e) {
                    throw new AssertionError("a log line is not JSON: " + line, e);
                }
            }
        }
        return lines;
    }
}
