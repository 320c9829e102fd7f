package com.movierec.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.personalizeruntime.model.GetRecommendationsRequest;

class RoutingAndCorsTest {
    private final TestApi api = new TestApi();

    @Test
    void aMethodThePathDoesNotAnswerIs405WithAllow() {
        APIGatewayProxyResponseEvent response = api.call("delete-movie");

        assertThat(response.getStatusCode()).isEqualTo(405);
        assertThat(response.getHeaders()).containsEntry("Allow", "GET, OPTIONS");
        assertThat(TestApi.body(response).path("error").asText()).isEqualTo("METHOD_NOT_ALLOWED");
    }

    @Test
    void aPathTheApiDoesNotHaveIsNotFound() {
        APIGatewayProxyResponseEvent response = api.call("get-unknown-path-proxy-resource");

        assertThat(response.getStatusCode()).isEqualTo(404);
        assertThat(TestApi.body(response).path("error").asText()).isEqualTo("NOT_FOUND");
    }

    @Test
    void aPreflightFromAnAllowedOriginGetsTheCorsAnswer() {
        APIGatewayProxyResponseEvent response = api.call("options-user-recommendations");

        assertThat(response.getStatusCode()).isEqualTo(204);
        assertThat(response.getBody()).isNull();
        assertThat(response.getHeaders())
                .containsEntry("Access-Control-Allow-Origin", TestApi.ORIGIN)
                .containsEntry("Access-Control-Allow-Methods", "GET, OPTIONS")
                .containsEntry("Vary", "Origin")
                .containsKey("Access-Control-Allow-Headers");
        assertThat(response.getHeaders().get("Access-Control-Allow-Headers")).contains("X-Api-Key");
    }

    @Test
    void anOriginNotInTheAllowListGetsNoCorsHeaders() {
        APIGatewayProxyRequestEvent event = TestApi.event("options-user-recommendations");
        event.getHeaders().put("Origin", "https://evil.example");
        event.getMultiValueHeaders().put("Origin", List.of("https://evil.example"));

        APIGatewayProxyResponseEvent response = api.handler().handleRequest(event, null);

        assertThat(response.getHeaders()).doesNotContainKeys("Access-Control-Allow-Origin", "Access-Control-Allow-Methods");
    }

    @Test
    void theOriginHeaderIsMatchedWhateverItsCase() {
        APIGatewayProxyRequestEvent event = TestApi.event("get-movie");
        event.getHeaders().remove("Origin");
        event.getHeaders().put("origin", TestApi.ORIGIN);

        assertThat(api.handler().handleRequest(event, null).getHeaders())
                .containsEntry("Access-Control-Allow-Origin", TestApi.ORIGIN);
    }

    @Test
    void aWildcardIsAnsweredOnlyWhenConfigured() {
        var env = TestApi.environment();
        env.put("ALLOWED_ORIGINS", "*");

        APIGatewayProxyResponseEvent response = api.handler(ApiConfig.fromEnvironment(env))
                .handleRequest(TestApi.event("get-movie"), null);

        assertThat(response.getHeaders()).containsEntry("Access-Control-Allow-Origin", "*");
    }

    @Test
    void withoutAllowedOriginsThereAreNoCorsHeaders() {
        APIGatewayProxyResponseEvent response = api.handler(TestApi.configWithout("ALLOWED_ORIGINS"))
                .handleRequest(TestApi.event("get-movie"), null);

        assertThat(response.getHeaders()).doesNotContainKeys("Access-Control-Allow-Origin", "Vary");
    }

    @Test
    void theOpenApiDocumentIsServedAsYaml() {
        APIGatewayProxyResponseEvent response = api.call("get-openapi");

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getHeaders()).containsEntry("Content-Type", "application/yaml");
        assertThat(response.getBody()).startsWith("openapi: 3.0.3").contains("/users/{userId}/recommendations:");
    }

    @Test
    void theRequestIdIsApiGatewaysElseLambdasElseAFreshOne() {
        APIGatewayProxyRequestEvent event = TestApi.event("get-movie-unknown");
        String gatewayId = event.getRequestContext().getRequestId();
        assertThat(TestApi.body(api.handler().handleRequest(event, null)).path("requestId").asText()).isEqualTo(gatewayId);

        event.getRequestContext().setRequestId(null);
        assertThat(TestApi.body(api.handler().handleRequest(event, new FixedContext("lambda-req-1")))
                .path("requestId").asText()).isEqualTo("lambda-req-1");
        assertThat(TestApi.body(api.handler().handleRequest(event, null)).path("requestId").asText())
                .matches("[0-9a-f-]{36}");
    }

    @Test
    void aNullEventIsAJsonNotFound() {
        APIGatewayProxyResponseEvent response = api.handler().handleRequest(null, null);

        assertThat(response.getStatusCode()).isEqualTo(404);
        assertThat(TestApi.body(response).path("error").asText()).isEqualTo("NOT_FOUND");
    }

    @Test
    void aMalformedPercentEscapeInAProxyPathIsABadRequest() {
        APIGatewayProxyRequestEvent event = TestApi.event("get-user-recommendations-proxy-resource").withPath("/users/%E0%A4/recommendations");

        assertThat(api.handler().handleRequest(event, null).getStatusCode()).isEqualTo(400);
    }

    @Test
    void aPercentEncodedProxyPathIsDecodedOnce() {
        when(api.runtime.getRecommendations(any(GetRecommendationsRequest.class)))
                .thenReturn(TestApi.recommendations("RID-1", "1"));
        APIGatewayProxyRequestEvent event = TestApi.event("get-user-recommendations-proxy-resource")
                .withPath("/users/user%40example.com/recommendations");

        APIGatewayProxyResponseEvent response = api.handler().handleRequest(event, null);

        assertThat(TestApi.body(response).path("userId").asText()).isEqualTo("user@example.com");
    }

    @Test
    void aQueryParameterGivenTwiceIsABadRequest() {
        APIGatewayProxyRequestEvent event = TestApi.event("get-popular-movies")
                .withQueryStringParameters(Map.of("count", "5"))
                .withMultiValueQueryStringParameters(Map.of("count", List.of("5", "50")));

        assertThat(api.handler().handleRequest(event, null).getStatusCode()).isEqualTo(400);
    }

    @Test
    void everyResponseForbidsContentSniffing() {
        assertThat(api.call("get-movie").getHeaders()).containsEntry("X-Content-Type-Options", "nosniff");
        assertThat(api.call("get-movie-unknown").getHeaders()).containsEntry("X-Content-Type-Options", "nosniff");
    }
}
