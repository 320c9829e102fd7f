package com.movierec.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.movierec.api.personalize.PersonalizeClients;
import com.movierec.api.personalize.PrimingHttpClient;
import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The production clients (PersonalizeClients, endpoint overrides from the environment) against a local HTTP server
 * speaking Personalize's protocol: what goes over the wire, and how real SDK exceptions come back to the client.
 */
class SdkWireTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private PersonalizeStubServer stub;
    private ApiHandler handler;
    private PrimingHttpClient http;

    @BeforeAll
    static void credentials() {
        // The default chain reads these first, so no network lookup of credentials happens in tests.
        System.setProperty("aws.accessKeyId", "AKIDSTUBSTUBSTUBSTUB");
        System.setProperty("aws.secretAccessKey", "stub-secret");
    }

    @AfterAll
    static void noCredentials() {
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
    }

    @BeforeEach
    void startStub() throws IOException {
        stub = new PersonalizeStubServer();
        var env = TestApi.environment();
        env.put("PERSONALIZE_RUNTIME_ENDPOINT", stub.endpoint().toString());
        env.put("PERSONALIZE_EVENTS_ENDPOINT", stub.endpoint().toString());
        ApiConfig config = ApiConfig.fromEnvironment(env);
        http = new PrimingHttpClient(PersonalizeClients.httpClient());
        handler = new ApiHandler(config, PersonalizeClients.runtime(config, http), PersonalizeClients.events(config, http),
                TestApi.catalog(), http);
    }

    @AfterEach
    void stopStub() {
        stub.close();
    }

    @Test
    void recommendationsAreRequestedSignedAndUnmarshalledOverHttp() throws IOException {
        APIGatewayProxyResponseEvent response = handler.handleRequest(TestApi.event("get-user-recommendations-genre"), null);

        assertThat(response.getStatusCode()).isEqualTo(200);
        JsonNode body = TestApi.body(response);
        assertThat(body.path("recommendationId").asText()).isEqualTo("RID-stub-1");
        assertThat(body.path("items").get(0).path("title").asText()).isEqualTo("Star Wars");
        assertThat(body.path("items").get(0).path("score").asDouble()).isEqualTo(0.75);
        assertThat(body.path("items").get(1).path("score").isNull()).isTrue();

        PersonalizeStubServer.Received sent = stub.received().get(0);
        assertThat(sent.path()).isEqualTo("/recommendations");
        assertThat(sent.headers().get("Authorization").get(0)).startsWith("AWS4-HMAC-SHA256 Credential=AKIDSTUBSTUBSTUBSTUB/")
                .contains("/eu-west-1/personalize/aws4_request");
        JsonNode request = JSON.readTree(sent.body());
        assertThat(request.path("campaignArn").asText()).isEqualTo(TestApi.USER_CAMPAIGN);
        assertThat(request.path("userId").asText()).isEqualTo("42");
        assertThat(request.path("numResults").asInt()).isEqualTo(5);
        assertThat(request.path("filterArn").asText()).isEqualTo(TestApi.GENRE_FILTER);
        assertThat(request.path("filterValues").path("GENRE").asText()).isEqualTo("\"Comedy\"");
    }

    @Test
    void rankingsAndEventsUseTheirOperationsOnTheWire() throws IOException {
        assertThat(handler.handleRequest(TestApi.event("post-rankings"), null).getStatusCode()).isEqualTo(200);
        assertThat(handler.handleRequest(TestApi.event("post-event"), null).getStatusCode()).isEqualTo(202);

        JsonNode ranking = JSON.readTree(stub.received().get(0).body());
        assertThat(stub.received().get(0).path()).isEqualTo("/personalize-ranking");
        assertThat(ranking.path("inputList").toString()).isEqualTo("[\"1\",\"2\",\"3\",\"12\"]");
        JsonNode events = JSON.readTree(stub.received().get(1).body());
        assertThat(stub.received().get(1).path()).isEqualTo("/events");
        assertThat(events.path("trackingId").asText()).isEqualTo(TestApi.TRACKER_ID);
        assertThat(events.path("sessionId").asText()).isEqualTo("42");
        JsonNode event = events.path("eventList").get(0);
        assertThat(event.path("eventType").asText()).isEqualTo("Watch");
        assertThat(event.path("itemId").asText()).isEqualTo("12");
        assertThat(event.path("sentAt").asDouble()).isEqualTo(1.7E9);
    }

    @Test
    void aThrottledCallIsRetriedOnceThenAnswered429WithRetryAfter() {
        stub.reply("/recommendations", PersonalizeStubServer.Reply.error(400, "ThrottlingException"));

        APIGatewayProxyResponseEvent response = handler.handleRequest(TestApi.event("get-popular-movies"), null);

        assertThat(response.getStatusCode()).isEqualTo(429);
        assertThat(response.getHeaders()).containsEntry("Retry-After", "1");
        assertThat(stub.received()).hasSize(2);
    }

    @Test
    void aServerErrorIs502AndAMissingCampaignIs503() {
        stub.reply("/recommendations", PersonalizeStubServer.Reply.error(500, "InternalFailure"));
        assertThat(handler.handleRequest(TestApi.event("get-similar-movies"), null).getStatusCode()).isEqualTo(502);

        stub.reply("/recommendations", PersonalizeStubServer.Reply.error(404, "ResourceNotFoundException"));
        APIGatewayProxyResponseEvent response = handler.handleRequest(TestApi.event("get-similar-movies"), null);
        assertThat(response.getStatusCode()).isEqualTo(503);
        assertThat(response.getBody()).doesNotContain("stub", "arn:");
    }

    @Test
    void anUnreachablePersonalizeIs503() {
        stub.close();

        APIGatewayProxyResponseEvent response = handler.handleRequest(TestApi.event("get-popular-movies"), null);

        assertThat(response.getStatusCode()).isEqualTo(503);
        assertThat(TestApi.body(response).path("error").asText()).isEqualTo("UNAVAILABLE");
    }

    @Test
    void primingTakesEveryKindOfCallThroughTheSdkButSendsNothing() {
        int routed = handler.priming().prime();

        assertThat(routed).isGreaterThan(Endpoint.values().length);
        assertThat(stub.received()).isEmpty();
        // users, similar, popular, rankings, events, the genre request: 6 calls per round reach the HTTP client
        assertThat(http.answeredCalls()).isEqualTo(6 * Priming.ROUNDS);
    }

    @Test
    void withTheAnswerCacheOnPrimingStillReachesTheSdkEveryRoundAndLeavesNoAnswerCached() {
        var env = TestApi.environment();
        env.put("PERSONALIZE_RUNTIME_ENDPOINT", stub.endpoint().toString());
        env.put("PERSONALIZE_EVENTS_ENDPOINT", stub.endpoint().toString());
        env.put("CACHE_TTL_SECONDS", "60");
        ApiConfig config = ApiConfig.fromEnvironment(env);
        PrimingHttpClient cachedHttp = new PrimingHttpClient(PersonalizeClients.httpClient());
        ApiHandler cached = new ApiHandler(config, PersonalizeClients.runtime(config, cachedHttp),
                PersonalizeClients.events(config, cachedHttp), TestApi.catalog(), cachedHttp);

        cached.priming().prime();

        assertThat(cachedHttp.answeredCalls()).isEqualTo(6 * Priming.ROUNDS);
        assertThat(cached.answerCache().size()).isZero();
        // The priming user's made-up answer is not served: the request reaches Personalize (the stub).
        APIGatewayProxyResponseEvent response = cached.handleRequest(TestApi.event("get-user-recommendations")
                .withPath("/users/priming/recommendations").withPathParameters(java.util.Map.of("userId", "priming"))
                .withQueryStringParameters(java.util.Map.of("count", "25"))
                .withMultiValueQueryStringParameters(null), null);
        assertThat(TestApi.body(response).path("recommendationId").asText()).isEqualTo("RID-stub-1");
        assertThat(stub.received()).hasSize(1);
    }

    @Test
    void primingSignsInItsRequestsSoThatJwtModePrimesEveryCallToo() {
        var env = TestApi.environment();
        env.put("PERSONALIZE_RUNTIME_ENDPOINT", stub.endpoint().toString());
        env.put("PERSONALIZE_EVENTS_ENDPOINT", stub.endpoint().toString());
        env.put("AUTH_MODE", "jwt");
        ApiConfig config = ApiConfig.fromEnvironment(env);
        PrimingHttpClient jwtHttp = new PrimingHttpClient(PersonalizeClients.httpClient());
        ApiHandler jwt = new ApiHandler(config, PersonalizeClients.runtime(config, jwtHttp),
                PersonalizeClients.events(config, jwtHttp), TestApi.catalog(), jwtHttp);

        jwt.priming().prime();

        assertThat(stub.received()).isEmpty();
        assertThat(jwtHttp.answeredCalls()).isEqualTo(6 * Priming.ROUNDS);
    }

    @Test
    void afterPrimingRequestsReachPersonalizeAgain() {
        handler.priming().prime();

        APIGatewayProxyResponseEvent response = handler.handleRequest(TestApi.event("get-user-recommendations"), null);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(stub.received()).hasSize(1);
    }

    @Test
    void primingRunsAsTheCheckpointHookAndLeavesTheCatalogUntouched() throws Exception {
        handler.priming().beforeCheckpoint(null);
        handler.priming().afterRestore(null);

        assertThat(stub.received()).isEmpty();
        assertThat(TestApi.body(handler.handleRequest(TestApi.event("get-movie"), null)).path("title").asText())
                .isEqualTo("Usual Suspects, The");
    }
}
