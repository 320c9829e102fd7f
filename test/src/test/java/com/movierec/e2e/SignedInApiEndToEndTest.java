package com.movierec.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.movierec.local.deployer.auth.LocalCognito.PageSignIn;
import com.movierec.local.deployer.auth.LocalUserPool;
import com.movierec.local.deployer.auth.PoolUser;
import com.movierec.local.deployer.auth.TestUser;
import com.movierec.local.deployer.deploy.DeployListener;
import com.movierec.local.deployer.run.LocalRun;
import com.movierec.local.deployer.run.RunSettings;
import com.movierec.local.deployer.testing.SynthesizedDev;
import com.movierec.local.personalize.engine.Delays;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The API of a stage with sign-in (auth {@code jwt}) over real HTTP, as the local product serves it: the Cognito
 * authorizer of the deployed templates in front of the Lambda, the local user pool's tokens, the page's
 * config.json. Without a valid ID token of the pool nothing reaches the Lambda (401, the API's gateway response).
 */
class SignedInApiEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path tmp;
    private static LocalRun run;
    private static PageSignIn signIn;
    private static TestUser user;

    @BeforeAll
    static void start() {
        run = LocalRun.start(RunSettings.of(SynthesizedDev.withSignIn(8080).directory(), tmp.resolve("s3"))
                .withEngineDelays(Delays.NONE).withTestUserId("1"), DeployListener.NONE);
        signIn = run.cognito().pageSignIn().orElseThrow();
        user = run.testUser().orElseThrow();
    }

    @AfterAll
    static void stop() {
        if (run != null) {
            run.close();
        }
    }

    @Test
    void theTestUsersIdTokenReadsTheirRecommendationsAndRecordsTheirEvents() throws Exception {
        String idToken = signIn.pool().adminInitiateAuth(signIn.client().clientId(), user.username(),
                user.password()).idToken();

        Reply recommendations = get("/users/1/recommendations?count=5", idToken);
        assertThat(recommendations.status).as(recommendations.body.toString()).isEqualTo(200);
        assertThat(recommendations.body.path("items")).hasSize(5);
        String movie = recommendations.body.path("items").get(0).path("movieId").asText();

        Reply event = post("/events", Map.of("userId", "1", "movieId", movie), "Bearer " + idToken);
        assertThat(event.status).as(event.body.toString()).isBetween(200, 204);
        assertThat(get("/api/users/1/recommendations?count=25", idToken).body.findValuesAsText("movieId"))
                .as("the page's /api path reaches the same API").doesNotContain(movie);
    }

    @Test
    void aRequestWithoutATokenStopsAtTheAuthorizerWithTheApisGatewayResponse() throws Exception {
        Reply answer = get("/users/1/recommendations", null);

        assertThat(answer.status).isEqualTo(401);
        assertThat(answer.headers.firstValue("x-amzn-ErrorType")).hasValue("UnauthorizedException");
        // The stack's UNAUTHORIZED gateway response: API Gateway's own message, with the API's CORS headers.
        assertThat(answer.body.path("message").asText()).isEqualTo("Unauthorized");
        assertThat(answer.headers.firstValue("Access-Control-Allow-Origin")).isPresent();
    }

    @Test
    void anExpiredTokenGets401() throws Exception {
        PoolUser poolUser = signIn.pool().user(user.username()).orElseThrow();
        String expired = signIn.pool().issueTokens(poolUser, signIn.client(), Set.of("openid"),
                Instant.now().minus(Duration.ofHours(2))).idToken();

        assertThat(get("/users/1/recommendations", expired).status).isEqualTo(401);
        assertThat(post("/events", Map.of("userId", "1", "movieId", "1"), expired).status).isEqualTo(401);
    }

    @Test
    void aTokenSignedByAnotherKeyGets401() throws Exception {
        // The same pool id, issuer, client and username: only the key pair is not the pool's.
        LocalUserPool forger = LocalUserPool.create(signIn.pool().id());
        forger.addClient(signIn.client());
        PoolUser forged = forger.adminCreateUser(user.username(), user.password(),
                Map.of(TestUser.USER_ID_ATTRIBUTE, "1"));
        String token = forger.issueTokens(forged, signIn.client(), Set.of("openid"), Instant.now()).idToken();

        assertThat(get("/users/1/recommendations", token).status).isEqualTo(401);
        assertThat(post("/events", Map.of("userId", "1", "movieId", "1"), token).status).isEqualTo(401);
    }

    @Test
    void anotherUsersTokenCannotPostEventsForThisUser() throws Exception {
        TestUser other = TestUser.create(signIn.pool(), "other-user", "2");
        String token = signIn.pool().adminInitiateAuth(signIn.client().clientId(), other.username(),
                other.password()).idToken();

        Reply answer = post("/events", Map.of("userId", "1", "movieId", "1"), token);

        // The authorizer lets a valid token of the pool through whatever the body says; the Lambda refuses to act
        // for anyone but the token's user.
        assertThat(answer.status).as(answer.body.toString()).isEqualTo(403);
        assertThat(answer.body.path("error").asText()).isEqualTo("FORBIDDEN");
        assertThat(post("/events", Map.of("userId", "2", "movieId", "1"), token).status).isEqualTo(202);
    }

    @Test
    void theApiDocumentStaysPublicAndConfigJsonNamesThePoolClientAndManagedLogin() throws Exception {
        assertThat(HTTP.send(HttpRequest.newBuilder(run.apiEndpoint().resolve("/openapi.yaml")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);

        Reply config = get("/config.json", null);
        assertThat(config.status).isEqualTo(200);
        assertThat(config.body.path("apiBase").asText()).isEqualTo("/api");
        assertThat(config.body.path("auth").asText()).isEqualTo("jwt");
        assertThat(config.body.path("region").asText()).isEqualTo(SynthesizedDev.REGION);
        assertThat(config.body.path("userPoolId").asText()).isEqualTo(signIn.pool().id())
                .matches(SynthesizedDev.REGION + "_[0-9A-Za-z]{9}");
        assertThat(config.body.path("clientId").asText()).isEqualTo(signIn.client().clientId())
                .matches("[0-9a-z]{26}");
        assertThat(config.body.path("authDomain").asText()).isEqualTo(run.signInEndpoint().orElseThrow().toString());
        assertThat(signIn.client().callbackUrls()).containsExactly("http://localhost:8080/");
    }

    // --- helpers ------------------------------------------------------------------------------------------------

    private record Reply(int status, JsonNode body, java.net.http.HttpHeaders headers) {
    }

    private static Reply get(String path, String authorization) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(run.apiEndpoint() + path)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return reply(HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString()));
    }

    private static Reply post(String path, Object body, String authorization) throws IOException,
            InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(run.apiEndpoint() + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return reply(HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString()));
    }

    private static Reply reply(HttpResponse<String> response) throws IOException {
        JsonNode body = response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
        return new Reply(response.statusCode(), body, response.headers());
    }
}
