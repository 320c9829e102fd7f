package com.movierec.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mockingDetails;
import static org.mockito.Mockito.when;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.movierec.api.catalog.MovieCatalog;
import com.movierec.api.http.ErrorCode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.invocation.Invocation;
import software.amazon.awssdk.services.personalizeevents.model.PutEventsRequest;
import software.amazon.awssdk.services.personalizeevents.model.PutEventsResponse;
import software.amazon.awssdk.services.personalizeruntime.model.GetPersonalizedRankingRequest;
import software.amazon.awssdk.services.personalizeruntime.model.GetRecommendationsRequest;

/**
 * Thousands of seeded random requests, hostile by construction, against the real handler with a healthy Personalize:
 * any 5xx would be our defect. Every error must be the JSON error shape, and nothing invalid may reach Personalize.
 */
class HostileInputPropertyTest {
    private static final long SEED = 0x6D6F7669L;
    private static final int CASES = 4_000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> ERROR_FIELDS = Set.of("error", "message", "requestId");
    private static final Pattern LEAKS = Pattern.compile("Exception|arn:|\\bat [a-z]+\\.|\\$|<|\\p{Cntrl}");

    private final TestApi api = new TestApi();
    private final MovieCatalog catalog = TestApi.catalog();
    private ApiHandler handler;

    @BeforeEach
    void healthyPersonalize() {
        when(api.runtime.getRecommendations(any(GetRecommendationsRequest.class)))
                .thenReturn(TestApi.recommendations("RID-1", "1", "2"));
        when(api.runtime.getPersonalizedRanking(any(GetPersonalizedRankingRequest.class)))
                .thenReturn(TestApi.ranking("RID-2", "1"));
        when(api.events.putEvents(any(PutEventsRequest.class))).thenReturn(PutEventsResponse.builder().build());
        handler = api.handler();
    }

    @Test
    void everyHostileRequestIsAClientErrorInTheJsonErrorShape() {
        HostileInputs inputs = new HostileInputs(SEED);
        for (int i = 0; i < CASES; i++) {
            HostileCase hostile = hostileCase(inputs, "hostile-" + i);
            APIGatewayProxyResponseEvent response = handler.handleRequest(hostile.event(), null);

            assertThat(response.getStatusCode()).as(hostile.description()).isBetween(400, 499);
            assertErrorShape(response, hostile);
        }
        assertPersonalizeOnlySawValidInput();
    }

    @Test
    void randomMixesOfValidAndHostileInputNeverGetA5xx() {
        HostileInputs inputs = new HostileInputs(SEED + 1);
        for (int i = 0; i < CASES; i++) {
            HostileCase mixed = mixedCase(inputs, "mixed-" + i);
            APIGatewayProxyResponseEvent response = handler.handleRequest(mixed.event(), null);

            assertThat(response.getStatusCode()).as(mixed.description()).isLessThan(500);
            if (response.getStatusCode() >= 400) {
                assertErrorShape(response, mixed);
            } else if (response.getStatusCode() != 204 && !"/openapi.yaml".equals(mixed.event().getResource())) {
                assertThat(response.getHeaders()).as(mixed.description()).containsEntry("Content-Type", "application/json");
                assertThat(parse(response, mixed).isObject()).isTrue();
            }
        }
        assertPersonalizeOnlySawValidInput();
    }

    /** One request broken in one chosen way; everything else about it is random but plausible. */
    private HostileCase hostileCase(HostileInputs in, String requestId) {
        Endpoint endpoint = in.pick(List.of(Endpoint.values()));
        Request r = Request.valid(endpoint, in);
        String attack = in.pick(attacks(endpoint));
        switch (attack) {
            case "id" -> r.pathParameter(endpoint == Endpoint.MOVIE || endpoint == Endpoint.SIMILAR_MOVIES
                    ? in.chance(70) ? in.hostileId() : "424242" : in.hostileId());
            case "count" -> r.query.put("count", in.hostileCount());
            case "genre" -> r.query.put("genre", in.hostileGenre(g -> catalog.canonicalGenre(g) != null));
            case "body" -> r.body = in.hostileBody(endpoint == Endpoint.USER_RANKINGS);
            case "base64" -> {
                r.body = in.base64(in.hostileBody(endpoint == Endpoint.USER_RANKINGS));
                r.base64 = true;
            }
            case "method" -> r.method = in.hostileMethod(endpoint.method());
            default -> {
                r.resource = in.pick(java.util.Arrays.asList("/{proxy+}", null, "/nonsense"));
                r.path = in.hostilePath();
            }
        }
        return r.toCase(requestId, attack + " on " + endpoint, in);
    }

    /** A request where each part is valid or hostile at random. */
    private HostileCase mixedCase(HostileInputs in, String requestId) {
        Endpoint endpoint = in.pick(List.of(Endpoint.values()));
        Request r = Request.valid(endpoint, in);
        for (String attack : attacks(endpoint)) {
            if (in.chance(25)) {
                switch (attack) {
                    case "id" -> r.pathParameter(in.hostileId());
                    case "count" -> r.query.put("count", in.hostileCount());
                    case "genre" -> r.query.put("genre", in.randomUnicode(3));
                    case "body", "base64" -> r.body = in.hostileBody(endpoint == Endpoint.USER_RANKINGS);
                    case "method" -> r.method = in.hostileMethod(endpoint.method());
                    default -> r.path = in.hostilePath();
                }
            }
        }
        if (in.chance(10)) {
            r.method = "OPTIONS";
        }
        return r.toCase(requestId, "mix on " + endpoint, in);
    }

    private static List<String> attacks(Endpoint endpoint) {
        return switch (endpoint) {
            case USER_RECOMMENDATIONS -> List.of("id", "count", "genre", "method", "path");
            case SIMILAR_MOVIES -> List.of("id", "count", "method", "path");
            case POPULAR_MOVIES -> List.of("count", "method", "path");
            case MOVIE -> List.of("id", "method", "path");
            case USER_RANKINGS -> List.of("id", "body", "base64", "method", "path");
            case EVENTS -> List.of("body", "base64", "method", "path");
            case OPENAPI_DOCUMENT -> List.of("method", "path");
        };
    }

    private void assertErrorShape(APIGatewayProxyResponseEvent response, HostileCase c) {
        assertThat(response.getHeaders()).as(c.description()).containsEntry("Content-Type", "application/json");
        JsonNode body = parse(response, c);
        Set<String> fields = new java.util.HashSet<>();
        body.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).as(c.description()).isEqualTo(ERROR_FIELDS);
        ErrorCode code = ErrorCode.valueOf(body.path("error").asText());
        assertThat(code.status()).as(c.description()).isEqualTo(response.getStatusCode());
        assertThat(body.path("message").asText()).as(c.description()).isNotBlank().doesNotContainPattern(LEAKS);
        assertThat(body.path("requestId").asText()).as(c.description()).isEqualTo(c.event().getRequestContext().getRequestId());
    }

    private void assertPersonalizeOnlySawValidInput() {
        List<Invocation> calls = new java.util.ArrayList<>(mockingDetails(api.runtime).getInvocations());
        calls.addAll(mockingDetails(api.events).getInvocations());
        for (Invocation call : calls) {
            Object request = call.getArgument(0);
            if (request instanceof GetRecommendationsRequest r) {
                assertThat(r.numResults()).isBetween(1, 100);
                assertValidId(r.userId());
                assertValidId(r.itemId());
            } else if (request instanceof GetPersonalizedRankingRequest r) {
                assertValidId(r.userId());
                assertThat(r.inputList()).hasSizeBetween(1, 500).allSatisfy(this::assertValidId);
            } else if (request instanceof PutEventsRequest r) {
                assertValidId(r.userId());
                assertValidId(r.sessionId());
                assertValidId(r.eventList().get(0).itemId());
            }
        }
    }

    private void assertValidId(String id) {
        if (id != null) {
            assertThat(id).matches(HostileInputs.DOCUMENTED_ID);
        }
    }

    private static JsonNode parse(APIGatewayProxyResponseEvent response, HostileCase c) {
        try {
            return JSON.readTree(response.getBody());
        } catch (Exception e) {
            throw new AssertionError(c.description() + ": body is not JSON: " + response.getBody(), e);
        }
    }

    record HostileCase(APIGatewayProxyRequestEvent event, String description) {
    }

    /** A valid request of an endpoint, to be broken. */
    private static final class Request {
        String method;
        String resource;
        String path;
        Map<String, String> pathParameters = new HashMap<>();
        Map<String, String> query = new HashMap<>();
        String body;
        boolean base64;
        private final Endpoint endpoint;

        private Request(Endpoint endpoint) {
            this.endpoint = endpoint;
            this.method = endpoint.method();
            this.resource = endpoint.template();
        }

        static Request valid(Endpoint endpoint, HostileInputs in) {
            Request r = new Request(endpoint);
            String user = in.pick(List.of("42", "7", "u-new-1", "user@example.com"));
            String movie = in.pick(List.of("1", "12", "50", "103"));
            switch (endpoint) {
                case USER_RECOMMENDATIONS, USER_RANKINGS -> r.pathParameter(user);
                case MOVIE, SIMILAR_MOVIES -> r.pathParameter(movie);
                default -> r.path = endpoint.template();
            }
            if (endpoint == Endpoint.USER_RECOMMENDATIONS && in.chance(30)) {
                r.query.put("genre", in.pick(List.of("Comedy", "thriller", "SCI-FI")));
            }
            if (endpoint != Endpoint.MOVIE && endpoint != Endpoint.OPENAPI_DOCUMENT && in.chance(50)) {
                r.query.put("count", Integer.toString(1 + in.random().nextInt(100)));
            }
            if (endpoint == Endpoint.USER_RANKINGS) {
                r.body = "{\"movieIds\":[\"1\",\"2\",\"" + movie.replace("1", "3") + "\"]}";
            } else if (endpoint == Endpoint.EVENTS) {
                r.body = "{\"userId\":\"" + user + "\",\"movieId\":\"" + movie + "\",\"eventType\":\"Click\"}";
            }
            return r;
        }

        void pathParameter(String value) {
            String name = endpoint.parameterName();
            pathParameters.put(name, value);
            path = endpoint.template().replace("{" + name + "}",
                    java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20"));
        }

        HostileCase toCase(String requestId, String description, HostileInputs in) {
            APIGatewayProxyRequestEvent event = HostileInputs.event(method, resource, path,
                    pathParameters.isEmpty() ? null : pathParameters, query.isEmpty() ? null : query, body,
                    in.headers(), requestId).withIsBase64Encoded(base64);
            String shown = event.toString();
            return new HostileCase(event, description + ": " + (shown.length() > 600 ? shown.substring(0, 600) + "..." : shown));
        }
    }
}
