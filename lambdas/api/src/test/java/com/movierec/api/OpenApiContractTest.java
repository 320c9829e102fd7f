package com.movierec.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import com.movierec.api.openapi.OpenApiDocumentFile;
import com.movierec.api.openapi.SchemaChecker;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.provider.Arguments;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.personalizeevents.model.PutEventsRequest;
import software.amazon.awssdk.services.personalizeevents.model.PutEventsResponse;
import software.amazon.awssdk.services.personalizeruntime.model.GetPersonalizedRankingRequest;
import software.amazon.awssdk.services.personalizeruntime.model.GetRecommendationsRequest;
import software.amazon.awssdk.services.personalizeruntime.model.PersonalizeRuntimeException;

/**
 * The handler's real responses, for every documented operation and status, against openapi.yaml's response schemas
 * and headers; and every status the document lists is produced by at least one of these requests.
 */
class OpenApiContractTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNode DOCUMENT = OpenApiDocumentFile.document();
    private static final SchemaChecker CHECKER = new SchemaChecker(DOCUMENT);
    /** Statuses the document covers with its {@code default} response, as OtherError says. */
    private static final Set<Integer> DEFAULT_STATUSES = Set.of(404, 405, 500);
    /**
     * Statuses only API Gateway answers, before the handler runs: its Cognito authorizer's 401 (the infra tests check
     * that gateway response).
     */
    private static final Set<Integer> GATEWAY_STATUSES = Set.of(401);

    enum Personalize { ANSWERS, THROTTLES, FAILS, UNREACHABLE }

    static Stream<Arguments> requests() {
        return Stream.of(
                scenario("get-user-recommendations", Personalize.ANSWERS, 200),
                scenario("get-user-recommendations-unknown-user", Personalize.ANSWERS, 200),
                scenario("get-user-recommendations-genre", Personalize.ANSWERS, 200),
                scenario("get-user-recommendations-bad-count", Personalize.ANSWERS, 400),
                scenario("get-user-recommendations", Personalize.THROTTLES, 429),
                scenario("get-user-recommendations", Personalize.FAILS, 502),
                scenario("get-user-recommendations", Personalize.UNREACHABLE, 503),
                scenario("get-user-recommendations-proxy-resource", Personalize.ANSWERS, 200),
                scenario("post-rankings", Personalize.ANSWERS, 200),
                scenario("post-rankings-broken-json", Personalize.ANSWERS, 400),
                scenario("post-rankings-unknown-movie", Personalize.ANSWERS, 404),
                scenario("post-rankings", Personalize.THROTTLES, 429),
                scenario("post-rankings", Personalize.FAILS, 502),
                scenario("post-rankings", Personalize.UNREACHABLE, 503),
                scenario("get-popular-movies", Personalize.ANSWERS, 200),
                scenario("get-popular-movies-count-too-large", Personalize.ANSWERS, 400),
                scenario("get-popular-movies", Personalize.THROTTLES, 429),
                scenario("get-popular-movies", Personalize.FAILS, 502),
                scenario("get-popular-movies", Personalize.UNREACHABLE, 503),
                scenario("get-movie", Personalize.ANSWERS, 200),
                scenario("get-movie-too-long-id", Personalize.ANSWERS, 400),
                scenario("get-movie-unknown", Personalize.ANSWERS, 404),
                scenario("delete-movie", Personalize.ANSWERS, 405),
                scenario("get-similar-movies", Personalize.ANSWERS, 200),
                scenario("get-similar-movies-negative-count", Personalize.ANSWERS, 400),
                scenario("get-similar-movies-unknown-movie", Personalize.ANSWERS, 404),
                scenario("get-similar-movies", Personalize.THROTTLES, 429),
                scenario("get-similar-movies", Personalize.FAILS, 502),
                scenario("get-similar-movies", Personalize.UNREACHABLE, 503),
                scenario("post-event", Personalize.ANSWERS, 202),
                scenario("post-event-base64", Personalize.ANSWERS, 202),
                scenario("post-event-missing-movie", Personalize.ANSWERS, 400),
                scenario("post-event-unknown-movie", Personalize.ANSWERS, 404),
                scenario("post-event", Personalize.THROTTLES, 429),
                scenario("post-event", Personalize.FAILS, 502),
                scenario("post-event", Personalize.UNREACHABLE, 503),
                scenario("get-openapi", Personalize.ANSWERS, 200));
    }

    /** The 413s and a NOT_CONFIGURED 503 need bodies or settings the fixtures do not have. */
    static Stream<Arguments> adaptedRequests() {
        String largeRankings = "{\"movieIds\":[\"1\"]}" + " ".repeat(Validation.MAX_RANKING_BODY_BYTES);
        String largeEvent = "{\"userId\":\"42\",\"movieId\":\"1\"}" + " ".repeat(Validation.MAX_EVENT_BODY_BYTES);
        return Stream.of(
                Arguments.of("post-rankings", largeRankings, null, 413),
                Arguments.of("post-event", largeEvent, null, 413),
                Arguments.of("get-user-recommendations", null, "USER_PERSONALIZATION_CAMPAIGN_ARN", 503),
                Arguments.of("post-event", null, "EVENT_TRACKER_ID", 503));
    }

    /** With AUTH_MODE jwt: signed-in users' requests, as API Gateway's Cognito authorizer passes them. */
    static Stream<Arguments> signedInRequests() {
        return Stream.of(
                Arguments.of("get-user-recommendations-signed-in", 200),
                Arguments.of("get-user-recommendations-other-user", 403),
                Arguments.of("post-rankings-other-user", 403),
                Arguments.of("post-event-signed-in", 202),
                Arguments.of("post-event-other-user", 403),
                Arguments.of("get-popular-movies-signed-in-without-user-id", 200));
    }

    /** Each request as its own test, then the coverage check, in this order. */
    @TestFactory
    Stream<DynamicTest> everyDocumentedOperationAndStatusMatchesTheDocument() {
        Set<String> exercised = new TreeSet<>();
        Stream<DynamicTest> fixtures = requests().map(a -> {
            Object[] args = a.get();
            String fixture = (String) args[0];
            Personalize personalize = (Personalize) args[1];
            int status = (int) args[2];
            return DynamicTest.dynamicTest(fixture + " with Personalize " + personalize + " answers " + status, () -> {
                TestApi api = new TestApi();
                personalize(api, personalize);
                APIGatewayProxyRequestEvent event = TestApi.event(fixture);
                check(event, api.handler().handleRequest(event, null), status, exercised);
            });
        });
        Stream<DynamicTest> adapted = adaptedRequests().map(a -> {
            Object[] args = a.get();
            String fixture = (String) args[0];
            int status = (int) args[3];
            return DynamicTest.dynamicTest(fixture + " (body or setting changed) answers " + status, () -> {
                TestApi api = new TestApi();
                personalize(api, Personalize.ANSWERS);
                APIGatewayProxyRequestEvent event = TestApi.event(fixture);
                if (args[1] != null) {
                    event.setBody((String) args[1]);
                }
                ApiHandler handler = args[2] == null ? api.handler() : api.handler(TestApi.configWithout((String) args[2]));
                check(event, handler.handleRequest(event, null), status, exercised);
            });
        });
        Stream<DynamicTest> signedIn = signedInRequests().map(a -> {
            Object[] args = a.get();
            String fixture = (String) args[0];
            int status = (int) args[1];
            return DynamicTest.dynamicTest(fixture + " with AUTH_MODE jwt answers " + status, () -> {
                TestApi api = new TestApi();
                personalize(api, Personalize.ANSWERS);
                Map<String, String> env = TestApi.environment();
                env.put("AUTH_MODE", "jwt");
                APIGatewayProxyRequestEvent event = TestApi.event(fixture);
                check(event, api.handler(ApiConfig.fromEnvironment(env)).handleRequest(event, null), status,
                        exercised);
            });
        });
        DynamicTest coverage = DynamicTest.dynamicTest("every documented status was produced by a request above",
                () -> assertThat(exercised).as("documented statuses without a test request").containsAll(documented()));
        return Stream.concat(Stream.concat(Stream.concat(fixtures, adapted), signedIn), Stream.of(coverage));
    }

    private static Set<String> documented() {
        Set<String> documented = new TreeSet<>();
        for (Map.Entry<String, JsonNode> path : DOCUMENT.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                op.getValue().path("responses").fieldNames().forEachRemaining(status -> {
                    if (!status.equals("default") && !GATEWAY_STATUSES.contains(Integer.valueOf(status))) {
                        documented.add(op.getKey().toUpperCase() + " " + path.getKey() + " " + status);
                    }
                });
            }
        }
        return documented;
    }

    private static void check(APIGatewayProxyRequestEvent event, APIGatewayProxyResponseEvent response, int status,
            Set<String> exercised) {
        assertThat(response.getStatusCode()).as("status of " + response.getBody()).isEqualTo(status);
        Endpoint endpoint = endpointOf(event);
        JsonNode operation = DOCUMENT.path("paths").path(endpoint.template()).path(event.getHttpMethod().toLowerCase());
        JsonNode documented;
        if (operation.isMissingNode()) { // a method the path does not answer: the error shape is all there is
            assertThat(DEFAULT_STATUSES).contains(status);
            documented = CHECKER.resolve(DOCUMENT.at("/components/responses/OtherError"));
        } else {
            JsonNode byStatus = operation.path("responses").path(Integer.toString(status));
            if (byStatus.isMissingNode()) {
                assertThat(DEFAULT_STATUSES).as("a status the operation does not list").contains(status);
                byStatus = operation.path("responses").path("default");
            } else {
                exercised.add(event.getHttpMethod() + " " + endpoint.template() + " " + status);
            }
            documented = CHECKER.resolve(byStatus);
        }
        for (Map.Entry<String, JsonNode> header : documented.path("headers").properties()) {
            JsonNode definition = CHECKER.resolve(header.getValue());
            String value = response.getHeaders().get(header.getKey());
            if (definition.path("required").asBoolean(false)) {
                assertThat(value).as("required header " + header.getKey()).isNotNull();
            }
            if (value != null) {
                assertThat(CHECKER.check(definition.path("schema"), JSON.getNodeFactory().numberNode(Integer.parseInt(value))))
                        .isEmpty();
            }
        }
        String contentType = response.getHeaders().get("Content-Type");
        JsonNode schema = documented.path("content").path(contentType).path("schema");
        assertThat(schema.isMissingNode()).as("a documented schema for " + contentType).isFalse();
        assertThat(CHECKER.check(schema, bodyValue(contentType, response.getBody()))).as(response.getBody()).isEmpty();
    }

    private static JsonNode bodyValue(String contentType, String body) {
        if (!contentType.equals("application/json")) {
            return TextNode.valueOf(body);
        }
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }

    private static Endpoint endpointOf(APIGatewayProxyRequestEvent event) {
        for (Endpoint endpoint : Endpoint.values()) {
            if (endpoint.template().equals(event.getResource())
                    || endpoint.match(event.getPath().substring(1).split("/")) != null) {
                return endpoint;
            }
        }
        throw new AssertionError("the fixture is for no documented path: " + event.getPath());
    }

    private static void personalize(TestApi api, Personalize behaviour) {
        SdkException failure = switch (behaviour) {
            case ANSWERS -> null;
            case THROTTLES -> error(400, "ThrottlingException");
            case FAILS -> error(500, "InternalFailure");
            case UNREACHABLE -> SdkClientException.create("Connection refused");
        };
        if (failure == null) {
            when(api.runtime.getRecommendations(any(GetRecommendationsRequest.class)))
                    .thenReturn(TestApi.recommendations("RID-1", "50", "1", "103"));
            when(api.runtime.getPersonalizedRanking(any(GetPersonalizedRankingRequest.class)))
                    .thenReturn(TestApi.ranking("RID-2", "12", "1"));
            when(api.events.putEvents(any(PutEventsRequest.class))).thenReturn(PutEventsResponse.builder().build());
        } else {
            when(api.runtime.getRecommendations(any(GetRecommendationsRequest.class))).thenThrow(failure);
            when(api.runtime.getPersonalizedRanking(any(GetPersonalizedRankingRequest.class))).thenThrow(failure);
            when(api.events.putEvents(any(PutEventsRequest.class))).thenThrow(failure);
        }
    }

    private static SdkException error(int status, String code) {
        return PersonalizeRuntimeException.builder().statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).build()).build();
    }

    private static Arguments scenario(String fixture, Personalize personalize, int status) {
        return Arguments.of(fixture, personalize, status);
    }
}
