package com.movierec.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.WriterAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.layout.template.json.JsonTemplateLayout;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.personalizeevents.model.PutEventsRequest;
import software.amazon.awssdk.services.personalizeevents.model.PutEventsResponse;

/** The request log, as the Powertools JSON layout writes it to CloudWatch: one line per request, no secrets. */
class RequestLoggingTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final StringWriter output = new StringWriter();
    private WriterAppender capture;

    @BeforeEach
    void captureTheJsonLog() {
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        Configuration configuration = context.getConfiguration();
        JsonTemplateLayout layout = JsonTemplateLayout.newBuilder().setConfiguration(configuration)
                .setEventTemplateUri("classpath:LambdaJsonLayout.json").build();
        capture = WriterAppender.createAppender(layout, null, output, "capture", false, true);
        capture.start();
        configuration.getLoggerConfig("com.movierec").addAppender(capture, null, null);
        context.updateLoggers();
    }

    @AfterEach
    void stopCapturing() {
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        LoggerConfig movierec = context.getConfiguration().getLoggerConfig("com.movierec");
        movierec.removeAppender("capture");
        capture.stop();
        context.updateLoggers();
    }

    @Test
    void eachRequestIsOneJsonLineWithRouteStatusLatencyAndRequestId() {
        TestApi api = new TestApi();
        when(api.events.putEvents(any(PutEventsRequest.class))).thenReturn(PutEventsResponse.builder().build());
        ApiHandler handler = api.handler();
        output.getBuffer().setLength(0);

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
        assertThat(line.path("correlation_id").asText()).isEqualTo(event.getRequestContext().getRequestId());
        assertThat(line.path("function_request_id").asText()).isEqualTo("lambda-request-7");
        assertThat(line.path("level").asText()).isEqualTo("INFO");
    }

    @Test
    void neitherBodiesNorPathsNorApiKeysAreLogged() {
        TestApi api = new TestApi();
        ApiHandler handler = api.handler();
        APIGatewayProxyRequestEvent event = TestApi.event("post-rankings-unknown-movie");
        output.getBuffer().setLength(0);

        handler.handleRequest(event, null);

        String log = output.toString();
        assertThat(lines()).hasSize(1);
        assertThat(lines().get(0).path("errorCode").asText()).isEqualTo("NOT_FOUND");
        assertThat(log).doesNotContain("fixture-api-key-0123456789abcdef", "424242", "movieIds", "/users/42",
                "203.0.113.10");
    }

    private List<JsonNode> lines() {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : output.toString().split("\n")) {
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
