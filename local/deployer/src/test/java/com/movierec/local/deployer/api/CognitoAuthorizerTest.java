package com.movierec.local.deployer.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.movierec.local.deployer.api.DeployedRestApi.AuthorizerSettings;
import com.movierec.local.deployer.api.DeployedRestApi.GatewayResponseSettings;
import com.movierec.local.deployer.api.DeployedRestApi.MethodAuth;
import com.movierec.local.deployer.auth.AppClient;
import com.movierec.local.deployer.auth.LocalCognito;
import com.movierec.local.deployer.auth.LocalUserPool;
import com.movierec.local.deployer.auth.PoolUser;
import com.movierec.local.deployer.auth.TokenSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The local API adapter's COGNITO_USER_POOLS authorizer, as API Gateway applies it to a method without scopes: every
 * way a token is refused (401 with API Gateway's message, rendered through the API's gateway responses) and what an
 * accepted ID token hands the Lambda.
 */
class CognitoAuthorizerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String POOL_ID = "eu-west-1_AbCdEf123";
    private static final String CLIENT_ID = "0123456789abcdefghijklmnop";
    private static final String RESOURCE = "/users/{userId}/recommendations";
    private static final String AUTHORIZER_ID = "a1b2c3d4e5";
    private static final List<String> PAGE = List.of("http://localhost:8080/");

    private final LocalUserPool pool = LocalUserPool.create(POOL_ID);
    private final AppClient client = AppClient.codeFlow(CLIENT_ID, PAGE, PAGE, Duration.ofHours(1));
    private final PoolUser user;

    CognitoAuthorizerTest() {
        pool.addClient(client);
        user = pool.adminCreateUser("demo", "Secret-Passw0rd", Map.of("email", "demo@example.com",
                "email_verified", "true", "custom:movierec_user_id", "1"));
    }

    @Test
    void aRequestWithoutTheIdentityHeaderIsUnauthorized() {
        assertRefused(authorize(null), 401, "Unauthorized");
        assertRefused(authorize("   "), 401, "Unauthorized");
    }

    @Test
    void aHeaderThatIsNotAJwtIsUnauthorized() {
        assertRefused(authorize("not-a-token"), 401, "Unauthorized");
        assertRefused(authorize("Bearer abc.def.ghi"), 401, "Unauthorized");
        String id = idToken();
        assertRefused(authorize(id + " trailing"), 401, "Unauthorized");
    }

    @Test
    void aTokenSignedByAnotherKeyIsUnauthorizedEvenWithThePoolsIssuerAndClient() {
        // Same pool id, issuer and client: only the key pair differs.
        LocalUserPool impostor = LocalUserPool.create(POOL_ID);
        impostor.addClient(client);
        PoolUser stranger = impostor.adminCreateUser("demo", "Secret-Passw0rd", Map.of("custom:movierec_user_id",
                "1"));
        String forged = impostor.issueTokens(stranger, client, Set.of("openid"), Instant.now()).idToken();

        assertRefused(authorize(forged), 401, "Unauthorized");
    }

    @Test
    void aTokenWhosePayloadWasChangedAfterSigningIsUnauthorized() {
        String[] parts = idToken().split("\\.");
        String payload = new String(java.util.Base64.getUrlDecoder().decode(parts[1]));
        String changed = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                payload.replace("\"custom:movierec_user_id\":\"1\"", "\"custom:movierec_user_id\":\"2\"").getBytes());
        assertThat(changed).isNotEqualTo(parts[1]);

        assertRefused(authorize(parts[0] + "." + changed + "." + parts[2]), 401, "Unauthorized");
    }

    @Test
    void anExpiredTokenIsRefusedWithApiGatewaysExpiryMessage() {
        String expired = pool.issueTokens(user, client, Set.of("openid"), Instant.now().minus(Duration.ofHours(2)))
                .idToken();

        assertRefused(authorize(expired), 401, "The incoming token has expired");
    }

    @Test
    void aTokenOfAnotherPoolIsUnauthorized() {
        LocalUserPool other = LocalUserPool.create("eu-west-1_Other1234");
        other.addClient(client);
        PoolUser someone = other.adminCreateUser("demo", "Secret-Passw0rd", Map.of());
        String token = other.issueTokens(someone, client, Set.of("openid"), Instant.now()).idToken();

        assertRefused(authorize(token), 401, "Unauthorized");
    }

    @Test
    void anIdTokenForAClientThatIsNotThePoolsIsUnauthorized() {
        AppClient foreign = AppClient.codeFlow("zzzzzzzzzzzzzzzzzzzzzzzzzz", PAGE, PAGE, Duration.ofHours(1));
        String token = pool.issueTokens(user, foreign, Set.of("openid"), Instant.now()).idToken();

        assertRefused(authorize(token), 401, "Unauthorized");
    }

    @Test
    void anAccessTokenIsUnauthorizedOnAMethodWithoutScopes() {
        String access = pool.issueTokens(user, client, Set.of("openid"), Instant.now()).accessToken();

        assertRefused(authorize(access), 401, "Unauthorized");
    }

    @Test
    void audMustMatchTheIdentityValidationExpressionWhenTheAuthorizerHasOne() {
        ApiGatewayAuthorization strict = authorization(Optional.of("^nomatch.*$"), List.of(), Map.of());

        assertRefused(strict.authorize("GET", RESOURCE, "req-1", header(idToken())), 401, "Unauthorized");
        ApiGatewayAuthorization matching = authorization(Optional.of("^" + CLIENT_ID + "$"), List.of(), Map.of());
        assertThat(matching.authorize("GET", RESOURCE, "req-1", header(idToken())))
                .isInstanceOf(ApiGatewayAuthorization.Allowed.class);
    }

    @Test
    void aValidIdTokenPassesItsClaimsAsStringsTheWayApiGatewayDoes() {
        TokenSet tokens = pool.issueTokens(user, client, Set.of("openid", "email"),
                Instant.parse("2030-01-10T17:40:11Z"));
        ApiGatewayAuthorization authorization = new ApiGatewayAuthorization(api(Optional.empty(), List.of(),
                Map.of()), LocalCognito.of(List.of(pool)), Clock.fixed(Instant.parse("2030-01-10T18:00:00Z"),
                java.time.ZoneOffset.UTC));

        var outcome = authorization.authorize("GET", RESOURCE, "req-1", header(tokens.idToken()));

        assertThat(outcome).isInstanceOf(ApiGatewayAuthorization.Allowed.class);
        @SuppressWarnings("unchecked")
        Map<String, String> claims = (Map<String, String>) ((ApiGatewayAuthorization.Allowed) outcome)
                .authorizerContext().get("claims");
        assertThat(claims).containsEntry("sub", user.sub()).containsEntry("aud", CLIENT_ID)
                .containsEntry("iss", "https://cognito-idp.eu-west-1.amazonaws.com/" + POOL_ID)
                .containsEntry("token_use", "id").containsEntry("cognito:username", "demo")
                .containsEntry("custom:movierec_user_id", "1").containsEntry("email", "demo@example.com")
                .containsEntry("email_verified", "true").containsEntry("auth_time", "1894297211")
                .containsEntry("iat", "Thu Jan 10 17:40:11 UTC 2030")
                .containsEntry("exp", "Thu Jan 10 18:40:11 UTC 2030");
        assertThat(claims.values()).allSatisfy(value -> assertThat(value).isInstanceOf(String.class));
    }

    @Test
    void theTokenMayComeAloneOrAfterBearer() {
        assertThat(authorize(idToken())).isInstanceOf(ApiGatewayAuthorization.Allowed.class);
        assertThat(authorize("Bearer " + idToken())).isInstanceOf(ApiGatewayAuthorization.Allowed.class);
    }

    @Test
    void aMethodWithScopesWantsAnAccessTokenWithOneOfThemAndRefusesIdTokens() {
        ApiGatewayAuthorization scoped = authorization(Optional.empty(), List.of("email"), Map.of());
        TokenSet tokens = pool.issueTokens(user, client, Set.of("openid", "email"), Instant.now());
        TokenSet narrow = pool.issueTokens(user, client, Set.of("openid"), Instant.now());

        assertThat(scoped.authorize("GET", RESOURCE, "r", header(tokens.accessToken())))
                .isInstanceOf(ApiGatewayAuthorization.Allowed.class);
        assertRefused(scoped.authorize("GET", RESOURCE, "r", header(tokens.idToken())), 401, "Unauthorized");
        assertRefused(scoped.authorize("GET", RESOURCE, "r", header(narrow.accessToken())), 401, "Unauthorized");
    }

    @Test
    void methodsWithoutTheCognitoAuthorizerAreNotChecked() {
        assertThat(authorization().authorize("GET", "/openapi.yaml", "r", name -> null))
                .isInstanceOf(ApiGatewayAuthorization.Allowed.class);
    }

    @Test
    void aRefusalTakesTheCustomizedDefault4xxResponseWhenTheApiHasNoUnauthorizedOne() {
        GatewayResponseSettings default4xx = new GatewayResponseSettings("DEFAULT_4XX", null, Map.of(
                "gatewayresponse.header.Access-Control-Allow-Origin", "'http://localhost:8080'",
                "gatewayresponse.header.Vary", "'Origin'"), Map.of("application/json",
                "{\"error\":\"BAD_REQUEST\",\"message\":\"refused\",\"requestId\":\"$context.requestId\"}"));
        ApiGatewayAuthorization customized = authorization(Optional.empty(), List.of(),
                Map.of("DEFAULT_4XX", default4xx));

        var refused = (ApiGatewayAuthorization.Refused) customized.authorize("GET", RESOURCE, "req-9", name -> null);

        assertThat(refused.response().status()).isEqualTo(401);
        assertThat(refused.response().headers()).containsEntry("Access-Control-Allow-Origin", "http://localhost:8080")
                .containsEntry("Vary", "Origin").containsEntry("x-amzn-ErrorType", "UnauthorizedException");
        assertThat(refused.response().body())
                .isEqualTo("{\"error\":\"BAD_REQUEST\",\"message\":\"refused\",\"requestId\":\"req-9\"}");

        GatewayResponseSettings unauthorized = new GatewayResponseSettings("UNAUTHORIZED", null, Map.of(),
                Map.of("application/json", "{\"error\":\"UNAUTHORIZED\",\"message\":$context.error.messageString}"));
        var own = (ApiGatewayAuthorization.Refused) authorization(Optional.empty(), List.of(),
                Map.of("DEFAULT_4XX", default4xx, "UNAUTHORIZED", unauthorized))
                .authorize("GET", RESOURCE, "req-9", name -> null);
        assertThat(own.response().body()).isEqualTo("{\"error\":\"UNAUTHORIZED\",\"message\":\"Unauthorized\"}");
    }

    // --- helpers ------------------------------------------------------------------------------------------------

    private String idToken() {
        return pool.issueTokens(user, client, Set.of("openid"), Instant.now()).idToken();
    }

    private ApiGatewayAuthorization.Outcome authorize(String headerValue) {
        return authorization().authorize("GET", RESOURCE, "req-1", header(headerValue));
    }

    private static java.util.function.Function<String, String> header(String value) {
        return name -> name.equalsIgnoreCase("Authorization") ? value : null;
    }

    private ApiGatewayAuthorization authorization() {
        return authorization(Optional.empty(), List.of(), Map.of());
    }

    private ApiGatewayAuthorization authorization(Optional<String> validation, List<String> scopes,
                                                  Map<String, GatewayResponseSettings> responses) {
        return new ApiGatewayAuthorization(api(validation, scopes, responses), LocalCognito.of(List.of(pool)),
                Clock.systemUTC());
    }

    private static DeployedRestApi api(Optional<String> validation, List<String> scopes,
                                       Map<String, GatewayResponseSettings> responses) {
        MethodAuth recommendations = new MethodAuth("GET", RESOURCE, "COGNITO_USER_POOLS", AUTHORIZER_ID, scopes,
                false);
        MethodAuth document = new MethodAuth("GET", "/openapi.yaml", "NONE", null, List.of(), false);
        AuthorizerSettings authorizer = new AuthorizerSettings(AUTHORIZER_ID, "SignIn", "COGNITO_USER_POOLS",
                "Authorization", List.of("arn:aws:cognito-idp:eu-west-1:000000000000:userpool/" + POOL_ID),
                validation);
        return new DeployedRestApi(Map.of("GET " + RESOURCE, recommendations, "GET /openapi.yaml", document),
                Map.of(AUTHORIZER_ID, authorizer), responses);
    }

    private static void assertRefused(ApiGatewayAuthorization.Outcome outcome, int status, String message) {
        assertThat(outcome).isInstanceOf(ApiGatewayAuthorization.Refused.class);
        GatewayResponse response = ((ApiGatewayAuthorization.Refused) outcome).response();
        assertThat(response.status()).isEqualTo(status);
        try {
            JsonNode body = JSON.readTree(response.body());
            assertThat(body.path("message").asText()).isEqualTo(message);
            assertThat(body.size()).as(response.body()).isEqualTo(1);
        } catch (java.io.IOException e) {
            throw new AssertionError(response.body(), e);
        }
    }
}
