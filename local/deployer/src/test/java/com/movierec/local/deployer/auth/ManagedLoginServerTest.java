package com.movierec.local.deployer.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The local managed login over real HTTP, as a browser and the page drive it: authorize, the login form, the code
 * redirect with the state, the PKCE-checked one-time code, refresh, revoke, sign-out, and each refusal as OAuth 2.0
 * error JSON or an error redirect.
 */
class ManagedLoginServerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private static final String CLIENT = "abcdefghijklmnopqrstuvwxyz";
    private static final String PAGE = "http://localhost:8080/";
    private static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    /** RFC 7636 appendix B: the S256 challenge of the verifier above. */
    private static final String CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";
    private static final String PASSWORD = "Secret-Passw0rd";

    private final MutableClock clock = new MutableClock(Instant.now());
    private final LocalUserPool pool = LocalUserPool.create("eu-west-1_TestPool1", clock, Duration.ofMinutes(5));
    private final ManagedLoginServer server;
    private final PoolUser user;

    ManagedLoginServerTest() {
        pool.addClient(AppClient.codeFlow(CLIENT, List.of(PAGE), List.of(PAGE), Duration.ofHours(1)));
        user = pool.adminCreateUser("demo", PASSWORD, Map.of("custom:movierec_user_id", "1"));
        server = ManagedLoginServer.start(pool, 0);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void signingInWithTheFormRedirectsWithACodeThatTheVerifierTurnsIntoCognitoShapedTokens() throws Exception {
        HttpResponse<String> form = get(authorizeUrl(Map.of()), null);
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("name=\"username\"").contains("name=\"password\"");
        assertThat(form.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("default-src 'none'").contains("form-action 'self' http://localhost:8080");

        HttpResponse<String> redirect = login(form, "demo", PASSWORD);
        assertThat(redirect.statusCode()).isEqualTo(302);
        URI back = URI.create(redirect.headers().firstValue("Location").orElseThrow());
        assertThat(back.toString()).startsWith(PAGE + "?code=");
        Map<String, String> query = FormData.parse(back.getRawQuery());
        assertThat(query).containsEntry("state", "st-1");

        JsonNode tokens = token(Map.of("grant_type", "authorization_code", "client_id", CLIENT,
                "code", query.get("code"), "redirect_uri", PAGE, "code_verifier", VERIFIER)).body;
        assertThat(tokens.path("token_type").asText()).isEqualTo("Bearer");
        assertThat(tokens.path("expires_in").asLong()).isEqualTo(3600);
        SignedJWT id = SignedJWT.parse(tokens.path("id_token").asText());
        assertThat(id.getHeader().getKeyID()).isEqualTo(pool.publicKeys().getKeys().get(0).getKeyID());
        assertThat(id.getJWTClaimsSet().getIssuer()).isEqualTo("https://cognito-idp.eu-west-1.amazonaws.com/"
                + "eu-west-1_TestPool1");
        assertThat(id.getJWTClaimsSet().getAudience()).containsExactly(CLIENT);
        assertThat(id.getJWTClaimsSet().getSubject()).isEqualTo(user.sub());
        assertThat(id.getJWTClaimsSet().getClaims()).containsEntry("token_use", "id")
                .containsEntry("cognito:username", "demo").containsEntry("custom:movierec_user_id", "1")
                .containsEntry("nonce", "n-1").containsKey("auth_time");
        SignedJWT access = SignedJWT.parse(tokens.path("access_token").asText());
        assertThat(access.getJWTClaimsSet().getClaims()).containsEntry("token_use", "access")
                .containsEntry("client_id", CLIENT).containsEntry("scope", "email openid profile")
                .containsEntry("username", "demo");
        assertThat(tokens.path("refresh_token").asText()).isNotBlank();
    }

    @Test
    void aCodeIsUsedUpByItsFirstExchangeAndRefusedWithTheWrongVerifierOrAfterFiveMinutes() throws Exception {
        String code = codeAfterSignIn();
        Reply wrong = token(Map.of("grant_type", "authorization_code", "client_id", CLIENT, "code", code,
                "redirect_uri", PAGE, "code_verifier", VERIFIER.replace('d', 'e')));
        assertThat(wrong.status).isEqualTo(400);
        assertThat(wrong.body.path("error").asText()).isEqualTo("invalid_grant");
        // The failed exchange used the code up too.
        Reply again = token(Map.of("grant_type", "authorization_code", "client_id", CLIENT, "code", code,
                "redirect_uri", PAGE, "code_verifier", VERIFIER));
        assertThat(again.body.path("error").asText()).isEqualTo("invalid_grant");

        String late = codeAfterSignIn();
        clock.advance(Duration.ofMinutes(5));
        Reply expired = token(Map.of("grant_type", "authorization_code", "client_id", CLIENT, "code", late,
                "redirect_uri", PAGE, "code_verifier", VERIFIER));
        assertThat(expired.body.path("error").asText()).isEqualTo("invalid_grant");
        assertThat(expired.body.path("error_description").asText()).contains("expired");
    }

    @Test
    void aRedirectUriThatIsNotACallbackUrlIsRefusedWithoutRedirecting() throws Exception {
        HttpResponse<String> answer = get(authorizeUrl(Map.of("redirect_uri", "http://localhost:9999/")), null);

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.headers().firstValue("Location")).isEmpty();
        JsonNode error = JSON.readTree(answer.body());
        assertThat(error.path("error").asText()).isEqualTo("redirect_mismatch");
        assertThat(error.path("error_description").asText()).contains("CallbackURLs").contains(PAGE);
    }

    @Test
    void anUnknownClientOrAMissingPkceChallengeIsRefused() throws Exception {
        HttpResponse<String> unknown = get(authorizeUrl(Map.of("client_id", "nosuchclient0000000000000")), null);
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(unknown.body()).path("error").asText()).isEqualTo("invalid_client");

        Map<String, String> withoutPkce = new LinkedHashMap<>();
        withoutPkce.put("code_challenge", null);
        HttpResponse<String> noPkce = get(authorizeUrl(withoutPkce), null);
        assertThat(noPkce.statusCode()).isEqualTo(302);
        Map<String, String> query = FormData.parse(URI.create(noPkce.headers().firstValue("Location").orElseThrow())
                .getRawQuery());
        assertThat(query).containsEntry("error", "invalid_request").containsEntry("state", "st-1");

        HttpResponse<String> plain = get(authorizeUrl(Map.of("code_challenge_method", "plain")), null);
        assertThat(FormData.parse(URI.create(plain.headers().firstValue("Location").orElseThrow()).getRawQuery()))
                .containsEntry("error", "invalid_request");
    }

    @Test
    void aWrongPasswordShowsTheFormAgainWithCognitosMessage() throws Exception {
        HttpResponse<String> form = get(authorizeUrl(Map.of()), null);
        HttpResponse<String> again = login(form, "demo", "not-the-password");

        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).contains("Incorrect username or password.");
    }

    @Test
    void refreshGivesNewTokensUntilTheRefreshTokenIsRevoked() throws Exception {
        String code = codeAfterSignIn();
        JsonNode tokens = token(Map.of("grant_type", "authorization_code", "client_id", CLIENT, "code", code,
                "redirect_uri", PAGE, "code_verifier", VERIFIER)).body;
        String refresh = tokens.path("refresh_token").asText();

        Reply refreshed = token(Map.of("grant_type", "refresh_token", "client_id", CLIENT, "refresh_token", refresh));
        assertThat(refreshed.status).isEqualTo(200);
        assertThat(refreshed.body.path("id_token").asText()).isNotEqualTo(tokens.path("id_token").asText());
        assertThat(refreshed.body.has("refresh_token")).isFalse();

        HttpResponse<String> revoked = post("/oauth2/revoke", Map.of("client_id", CLIENT, "token", refresh));
        assertThat(revoked.statusCode()).isEqualTo(200);
        Reply after = token(Map.of("grant_type", "refresh_token", "client_id", CLIENT, "refresh_token", refresh));
        assertThat(after.status).isEqualTo(400);
        assertThat(after.body.path("error").asText()).isEqualTo("invalid_grant");
    }

    @Test
    void theSessionSkipsTheFormUntilSignOutWhichChecksTheLogoutUri() throws Exception {
        HttpResponse<String> form = get(authorizeUrl(Map.of()), null);
        HttpResponse<String> signedIn = login(form, "demo", PASSWORD);
        String session = cookie(signedIn, ManagedLoginServer.SESSION_COOKIE);

        HttpResponse<String> silent = get(authorizeUrl(Map.of()), ManagedLoginServer.SESSION_COOKIE + "=" + session);
        assertThat(silent.statusCode()).isEqualTo(302);
        assertThat(silent.headers().firstValue("Location").orElseThrow()).contains("code=");

        HttpResponse<String> badLogout = get(server.baseUrl() + "/logout?client_id=" + CLIENT
                + "&logout_uri=http%3A%2F%2Fevil.example%2F", ManagedLoginServer.SESSION_COOKIE + "=" + session);
        assertThat(badLogout.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(badLogout.body()).path("error_description").asText()).contains("LogoutURLs");

        HttpResponse<String> logout = get(server.baseUrl() + "/logout?client_id=" + CLIENT + "&logout_uri="
                + java.net.URLEncoder.encode(PAGE, java.nio.charset.StandardCharsets.UTF_8),
                ManagedLoginServer.SESSION_COOKIE + "=" + session);
        assertThat(logout.statusCode()).isEqualTo(302);
        assertThat(logout.headers().firstValue("Location")).hasValue(PAGE);
        HttpResponse<String> afterLogout = get(authorizeUrl(Map.of()),
                ManagedLoginServer.SESSION_COOKIE + "=" + session);
        assertThat(afterLogout.statusCode()).isEqualTo(200);
        assertThat(afterLogout.body()).contains("name=\"password\"");
    }

    @Test
    void theJwksAndDiscoveryDocumentAreUnderThePoolsPath() throws Exception {
        HttpResponse<String> jwks = get(server.baseUrl() + "/eu-west-1_TestPool1/.well-known/jwks.json", null);
        JWKSet keys = JWKSet.parse(jwks.body());
        assertThat(keys.getKeys()).hasSize(1);
        assertThat(keys.getKeys().get(0).isPrivate()).isFalse();

        JsonNode discovery = JSON.readTree(get(server.baseUrl()
                + "/eu-west-1_TestPool1/.well-known/openid-configuration", null).body());
        assertThat(discovery.path("issuer").asText()).isEqualTo(pool.issuer());
        assertThat(discovery.path("token_endpoint").asText()).isEqualTo(server.baseUrl() + "/oauth2/token");
    }

    @Test
    void theTokenEndpointAnswersThePagesOriginForCors() throws Exception {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", "http://localhost:8080")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=" + CLIENT)).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(answer.headers().firstValue("Access-Control-Allow-Origin")).hasValue("http://localhost:8080");
        assertThat(JSON.readTree(answer.body()).path("error").asText()).isEqualTo("unsupported_grant_type");
    }

    // --- helpers ------------------------------------------------------------------------------------------------

    private record Reply(int status, JsonNode body) {
    }

    private String authorizeUrl(Map<String, String> overrides) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("client_id", CLIENT);
        params.put("redirect_uri", PAGE);
        params.put("response_type", "code");
        params.put("scope", "openid email profile");
        params.put("state", "st-1");
        params.put("nonce", "n-1");
        params.put("code_challenge", CHALLENGE);
        params.put("code_challenge_method", "S256");
        params.putAll(overrides);
        return FormData.withQuery(server.baseUrl() + "/oauth2/authorize", params);
    }

    private String codeAfterSignIn() throws Exception {
        HttpResponse<String> redirect = login(get(authorizeUrl(Map.of()), null), "demo", PASSWORD);
        return FormData.parse(URI.create(redirect.headers().firstValue("Location").orElseThrow()).getRawQuery())
                .get("code");
    }

    /** Posts the login form as a browser would: its hidden fields, its CSRF cookie, the typed credentials. */
    private HttpResponse<String> login(HttpResponse<String> form, String username, String password)
            throws Exception {
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher hidden = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">")
                .matcher(form.body());
        while (hidden.find()) {
            fields.put(hidden.group(1), hidden.group(2).replace("&amp;", "&").replace("&quot;", "\""));
        }
        fields.put("username", username);
        fields.put("password", password);
        return HTTP.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", ManagedLoginServer.CSRF_COOKIE + "=" + cookie(form, ManagedLoginServer.CSRF_COOKIE))
                .POST(HttpRequest.BodyPublishers.ofString(FormData.encode(fields))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private Reply token(Map<String, String> form) throws Exception {
        HttpResponse<String> answer = post("/oauth2/token", form);
        return new Reply(answer.statusCode(), JSON.readTree(answer.body()));
    }

    private HttpResponse<String> post(String path, Map<String, String> form) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(FormData.encode(form))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String url, String cookie) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String cookie(HttpResponse<String> response, String name) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "="))
                .map(c -> c.substring(name.length() + 1, c.indexOf(';'))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " cookie in " + response.headers()));
    }

    /** A clock a test moves forward. */
    private static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
