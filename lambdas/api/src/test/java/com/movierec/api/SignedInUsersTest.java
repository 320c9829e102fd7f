package com.movierec.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.movierec.api.auth.AuthMode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mockito.ArgumentCaptor;
import software.amazon.awssdk.services.personalizeevents.model.PutEventsRequest;
import software.amazon.awssdk.services.personalizeevents.model.PutEventsResponse;
import software.amazon.awssdk.services.personalizeruntime.model.GetRecommendationsRequest;

/**
 * AUTH_MODE jwt: API Gateway's Cognito authorizer verified the ID token and passed its claims; the user it names (the
 * admin-set custom:movierec_user_id, else sub) may read and record for itself only. Fixtures are REST proxy events as a
 * Cognito authorizer delivers them: the claims as strings, exp and iat as dates.
 */
class SignedInUsersTest {
    private static final String SUBJECT = "8f2a4c6e-1b3d-4f5a-9c7e-2d4b6f8a0c1e";
    private static final String OTHER_USER = "This ID token is user 42's, and a signed-in user may only read and "
            + "record for itself.";

    private final TestApi api = new TestApi();

    @BeforeEach
    void personalizeAnswers() {
        when(api.runtime.getRecommendations(any(GetRecommendationsRequest.class)))
                .thenReturn(TestApi.recommendations("RID-1", "1", "12"));
        when(api.events.putEvents(any(PutEventsRequest.class))).thenReturn(PutEventsResponse.builder().build());
    }

    @Test
    void theSignedInUserGetsItsOwnRecommendations() {
        APIGatewayProxyResponseEvent response = jwt().handleRequest(
                TestApi.event("get-user-recommendations-signed-in"), null);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(TestApi.body(response).path("userId").asText()).isEqualTo("42");
        ArgumentCaptor<GetRecommendationsRequest> sent = ArgumentCaptor.forClass(GetRecommendationsRequest.class);
        verify(api.runtime).getRecommendations(sent.capture());
        assertThat(sent.getValue().userId()).isEqualTo("42");
    }

    @Test
    void anotherUsersRecommendationsAreForbiddenBeforePersonalizeIsCalled() {
        APIGatewayProxyResponseEvent response = jwt().handleRequest(
                TestApi.event("get-user-recommendations-other-user"), null);

        assertForbidden(response, OTHER_USER, "7c2e9a1b-3d4f-4b6a-9c8d-1e2f3a4b5c6d");
        verifyNoInteractions(api.runtime);
    }

    @Test
    void rankingForAnotherUserIsForbidden() {
        APIGatewayProxyResponseEvent response = jwt().handleRequest(TestApi.event("post-rankings-other-user"), null);

        assertForbidden(response, OTHER_USER, "9d4f1b2c-5e6a-4c7b-8d9e-2f3a4b5c6d7e");
        verifyNoInteractions(api.runtime);
    }

    @Test
    void theSignedInUserRecordsItsOwnEvents() {
        APIGatewayProxyResponseEvent response = jwt().handleRequest(TestApi.event("post-event-signed-in"), null);

        assertThat(response.getStatusCode()).isEqualTo(202);
        ArgumentCaptor<PutEventsRequest> sent = ArgumentCaptor.forClass(PutEventsRequest.class);
        verify(api.events).putEvents(sent.capture());
        assertThat(sent.getValue().userId()).isEqualTo("42");
    }

    @Test
    void anEventForAnotherUserIsForbiddenAndNotRecorded() {
        APIGatewayProxyResponseEvent response = jwt().handleRequest(TestApi.event("post-event-other-user"), null);

        assertForbidden(response, OTHER_USER, "2f6b3d4e-7a8c-4e9d-8f0a-4b5c6d7e8f9a");
        verifyNoInteractions(api.events);
    }

    @Test
    void aMalformedBodyIsStillABadRequestBeforeTheUserIsCompared() {
        APIGatewayProxyRequestEvent event = TestApi.event("post-event-other-user").withBody("{\"userId\": \"../7\"}");

        APIGatewayProxyResponseEvent response = jwt().handleRequest(event, null);

        assertThat(response.getStatusCode()).isEqualTo(400);
        verifyNoInteractions(api.events);
    }

    @Test
    void withoutTheUserIdAttributeTheTokensSubjectIsTheUser() {
        APIGatewayProxyRequestEvent own = TestApi.event("get-popular-movies-signed-in-without-user-id");
        own.setResource("/users/{userId}/recommendations");
        own.setPath("/users/" + SUBJECT + "/recommendations");
        own.setPathParameters(Map.of("userId", SUBJECT));
        APIGatewayProxyRequestEvent other = TestApi.event("get-popular-movies-signed-in-without-user-id")
                .withResource("/users/{userId}/recommendations").withPath("/users/42/recommendations")
                .withPathParameters(Map.of("userId", "42"));

        assertThat(jwt().handleRequest(own, null).getStatusCode()).isEqualTo(200);
        assertForbidden(jwt().handleRequest(other, null), "This ID token is user " + SUBJECT + "'s, and a signed-in "
                + "user may only read and record for itself.", "3a7c4e5f-8b9d-4f0e-9a1b-5c6d7e8f9a0b");
    }

    @Test
    void moviesNeedOnlyASignedInUser() {
        APIGatewayProxyResponseEvent response = jwt().handleRequest(
                TestApi.event("get-popular-movies-signed-in-without-user-id"), null);

        assertThat(response.getStatusCode()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"get-popular-movies", "get-movie", "get-user-recommendations", "post-event"})
    void aRequestThatReachesTheApiWithoutTheAuthorizersClaimsIsForbidden(String fixture) {
        APIGatewayProxyResponseEvent response = jwt().handleRequest(TestApi.event(fixture), null);

        assertThat(response.getStatusCode()).isEqualTo(403);
        assertThat(TestApi.body(response).path("message").asText()).isEqualTo("The request carries no signed-in "
                + "user: sign in and send the ID token in the Authorization header.");
        verifyNoInteractions(api.runtime, api.events);
    }

    @Test
    void theDocumentIsPublicInEveryMode() {
        assertThat(jwt().handleRequest(TestApi.event("get-openapi"), null).getStatusCode()).isEqualTo(200);
    }

    @Test
    void aTokenUserIdTheApiDoesNotAcceptIsForbiddenWithoutEchoingIt() {
        APIGatewayProxyRequestEvent event = TestApi.event("get-user-recommendations-signed-in");
        claims(event).put("custom:movierec_user_id", "../../root");

        APIGatewayProxyResponseEvent response = jwt().handleRequest(event, null);

        assertThat(response.getStatusCode()).isEqualTo(403);
        assertThat(TestApi.body(response).path("message").asText()).doesNotContain("root").isEqualTo("The "
                + "signed-in user's id is not one this API accepts: an administrator must set custom:movierec_user_id "
                + "to the user's id (letters, digits and _ . : @ -).");
    }

    @Test
    void aForbiddenAnswerCarriesTheCorsHeadersOfItsOrigin() {
        APIGatewayProxyResponseEvent response = jwt().handleRequest(TestApi.event("post-event-other-user"), null);

        assertThat(response.getHeaders()).containsEntry("Access-Control-Allow-Origin", TestApi.ORIGIN);
    }

    @ParameterizedTest
    @ValueSource(strings = {"apiKey", "iam", ""})
    void withApiKeysOrIamTheCallerMayActForAnyUser(String mode) {
        APIGatewayProxyResponseEvent response = handler(mode).handleRequest(
                TestApi.event("get-user-recommendations-other-user"), null);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(TestApi.body(response).path("userId").asText()).isEqualTo("7");
    }

    @Test
    void anUnknownAuthModeStopsStartUpNamingTheVariable() {
        Map<String, String> env = TestApi.environment();
        env.put("AUTH_MODE", "cognito");

        assertThatThrownBy(() -> ApiConfig.fromEnvironment(env)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("AUTH_MODE must be jwt, apiKey or iam (the stack's api.auth)");
    }

    @Test
    void theAuthModeDefaultsToApiKeys() {
        assertThat(TestApi.config().authMode()).isEqualTo(AuthMode.API_KEY);
    }

    private ApiHandler jwt() {
        return handler("jwt");
    }

    private ApiHandler handler(String mode) {
        Map<String, String> env = TestApi.environment();
        env.put("AUTH_MODE", mode);
        return api.handler(ApiConfig.fromEnvironment(env));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> claims(APIGatewayProxyRequestEvent event) {
        Map<String, Object> claims = new LinkedHashMap<>(
                (Map<String, Object>) event.getRequestContext().getAuthorizer().get("claims"));
        Map<String, Object> authorizer = new LinkedHashMap<>(event.getRequestContext().getAuthorizer());
        authorizer.put("claims", claims);
        event.getRequestContext().setAuthorizer(authorizer);
        return claims;
    }

    private static void assertForbidden(APIGatewayProxyResponseEvent response, String message, String requestId) {
        assertThat(response.getStatusCode()).isEqualTo(403);
        assertThat(response.getHeaders()).containsEntry("Content-Type", "application/json");
        JsonNode body = TestApi.body(response);
        assertThat(body.path("error").asText()).isEqualTo("FORBIDDEN");
        assertThat(body.path("message").asText()).isEqualTo(message);
        assertThat(body.path("requestId").asText()).isEqualTo(requestId);
    }
}
