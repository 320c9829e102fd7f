package com.movierec.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import software.amazon.awssdk.services.personalizeevents.model.Event;
import software.amazon.awssdk.services.personalizeevents.model.PutEventsRequest;
import software.amazon.awssdk.services.personalizeevents.model.PutEventsResponse;

class EventsTest {
    private final TestApi api = new TestApi();

    @BeforeEach
    void personalizeAccepts() {
        when(api.events.putEvents(any(PutEventsRequest.class))).thenReturn(PutEventsResponse.builder().build());
    }

    @Test
    void aWatchIsSentToTheEventTrackerAndAccepted() {
        APIGatewayProxyResponseEvent response = api.call("post-event");

        assertThat(response.getStatusCode()).isEqualTo(202);
        assertThat(response.getBody()).isEqualTo("{\"accepted\":1}");
        PutEventsRequest sent = sentRequest();
        assertThat(sent.trackingId()).isEqualTo(TestApi.TRACKER_ID);
        assertThat(sent.userId()).isEqualTo("42");
        assertThat(sent.sessionId()).isEqualTo("42");
        Event event = sent.eventList().get(0);
        assertThat(event.eventType()).isEqualTo("Watch");
        assertThat(event.itemId()).isEqualTo("12");
        assertThat(event.recommendationId()).isEqualTo("RID-1f2e3d4c-5b6a-4789-9a0b-1c2d3e4f5a6b");
        assertThat(event.sentAt()).isEqualTo(Instant.ofEpochSecond(1_700_000_000L));
    }

    @Test
    void aBase64BodyIsDecodedAndMissingFieldsTakeTheirDefaults() {
        Instant before = Instant.now();

        APIGatewayProxyResponseEvent response = api.call("post-event-base64");

        assertThat(response.getStatusCode()).isEqualTo(202);
        PutEventsRequest sent = sentRequest();
        assertThat(sent.userId()).isEqualTo("u-new-9999");
        assertThat(sent.sessionId()).isEqualTo("u-new-9999");
        assertThat(sent.eventList().get(0).eventType()).isEqualTo("Click");
        assertThat(sent.eventList().get(0).recommendationId()).isNull();
        assertThat(Duration.between(before, sent.eventList().get(0).sentAt()).abs()).isLessThan(Duration.ofMinutes(1));
    }

    @Test
    void withoutAnEventTypeTheConfiguredOneIsRecorded() {
        var env = TestApi.environment();
        env.put("EVENT_TYPE", "Rating");

        api.handler(ApiConfig.fromEnvironment(env)).handleRequest(
                TestApi.event("post-event").withBody("{\"userId\":\"42\",\"movieId\":\"1\",\"sessionId\":\"s-1\"}"), null);

        assertThat(sentRequest().eventList().get(0).eventType()).isEqualTo("Rating");
        assertThat(sentRequest().sessionId()).isEqualTo("s-1");
    }

    @Test
    void aMissingMovieIdIsABadRequest() {
        APIGatewayProxyResponseEvent response = api.call("post-event-missing-movie");

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(TestApi.body(response).path("message").asText()).startsWith("movieId must be");
        verifyNoInteractions(api.events);
    }

    @Test
    void aMovieTheCatalogDoesNotHaveIsNotFound() {
        assertThat(api.call("post-event-unknown-movie").getStatusCode()).isEqualTo(404);
        verifyNoInteractions(api.events);
    }

    @Test
    void aTimestampInMillisecondsIsABadRequest() {
        APIGatewayProxyResponseEvent response = api.call("post-event-millisecond-timestamp");

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(TestApi.body(response).path("message").asText()).contains("epoch seconds");
        verifyNoInteractions(api.events);
    }

    @Test
    void anEventTypeOtherThanWatchOrClickIsABadRequest() {
        assertThat(post("{\"userId\":\"42\",\"movieId\":\"1\",\"eventType\":\"Purchase\"}").getStatusCode())
                .isEqualTo(400);
    }

    @Test
    void aFractionalTimestampIsABadRequest() {
        assertThat(post("{\"userId\":\"42\",\"movieId\":\"1\",\"timestamp\":1700000000.5}").getStatusCode())
                .isEqualTo(400);
    }

    @Test
    void aRepeatedMemberIsABadRequest() {
        assertThat(post("{\"userId\":\"42\",\"userId\":\"7\",\"movieId\":\"1\"}").getStatusCode()).isEqualTo(400);
    }

    @Test
    void unknownMembersAreIgnored() {
        assertThat(post("{\"userId\":\"42\",\"movieId\":\"1\",\"client\":{\"version\":\"2.1\"}}").getStatusCode())
                .isEqualTo(202);
    }

    @Test
    void aBodyOver4KiBIsPayloadTooLarge() {
        String body = "{\"userId\":\"42\",\"movieId\":\"1\",\"note\":\"" + "x".repeat(Validation.MAX_EVENT_BODY_BYTES) + "\"}";

        assertThat(post(body).getStatusCode()).isEqualTo(413);
        verifyNoInteractions(api.events);
    }

    @Test
    void withoutAnEventTrackerTheEndpointIsNotConfigured() {
        APIGatewayProxyResponseEvent response = api.handler(TestApi.configWithout("EVENT_TRACKER_ID"))
                .handleRequest(TestApi.event("post-event"), null);

        assertThat(response.getStatusCode()).isEqualTo(503);
        assertThat(TestApi.body(response).path("error").asText()).isEqualTo("NOT_CONFIGURED");
        verifyNoInteractions(api.events);
    }

    private APIGatewayProxyResponseEvent post(String body) {
        return api.handler().handleRequest(TestApi.event("post-event").withBody(body), null);
    }

    private PutEventsRequest sentRequest() {
        ArgumentCaptor<PutEventsRequest> sent = ArgumentCaptor.forClass(PutEventsRequest.class);
        verify(api.events).putEvents(sent.capture());
        return sent.getValue();
    }
}
