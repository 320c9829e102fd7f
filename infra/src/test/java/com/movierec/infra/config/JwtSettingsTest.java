package com.movierec.infra.config;

import static com.movierec.infra.config.ConfigTesting.DEV;
import static com.movierec.infra.config.ConfigTesting.dev;
import static com.movierec.infra.config.ConfigTesting.envProblems;
import static com.movierec.infra.config.ConfigTesting.json;
import static com.movierec.infra.config.ConfigTesting.problems;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code api.auth: "jwt"} and its {@code api.jwt} block: defaults, every key, and each mistake in one sentence. */
class JwtSettingsTest {
    private static final String APP = "https://app.example.com/";
    private static final String JWT = DEV + "api.jwt.";
    private static final String POOL = "eu-west-1_AbCdEf123";
    private static final String URL_FIX = ": https://host[:port][/path] in lower case without a fragment, or "
            + "http://localhost[:port][/path] for local development (Cognito accepts no other http address).";
    private static final String EXISTING_POOL_FIX = "an existing user pool keeps its own settings (change them on "
            + "the pool); remove this key, or existingUserPool for a pool the stack creates.";
    private static final String CONNECTION =
            "arn:aws:codeconnections:eu-west-1:123456789012:connection/0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d";

    @Test
    void aCallbackUrlIsAllJwtNeedsAndTheRestTakesItsDefaults() {
        ApiSettings api = dev(jwt(Map.of("callbackUrls", List.of(APP)))).api();

        assertThat(api.auth()).isEqualTo(ApiAuth.JWT);
        assertThat(api.jwt()).contains(new JwtSettings(Optional.empty(), Optional.empty(), List.of(APP), List.of(APP),
                Optional.empty(), Optional.empty(), Optional.empty(), 60, 30));
        JwtSettings jwt = api.jwt().orElseThrow();
        assertThat(jwt.createsUserPool()).isTrue();
        assertThat(jwt.effectiveMfa()).isEqualTo(JwtSettings.Mfa.OPTIONAL);
        assertThat(jwt.effectiveThreatProtection()).isEqualTo(JwtSettings.ThreatProtection.OFF);
        assertThat(jwt.logoutUrls()).as("sign-out returns to the page").containsExactly(APP);
    }

    @Test
    void readsEverySettingOfACreatedPool() {
        JwtSettings jwt = dev(jwt(json("callbackUrls", List.of(APP, "http://localhost:8080/callback?from=login"),
                "logoutUrls", List.of("https://app.example.com/signed-out"), "mfa", "required",
                "threatProtection", "enforced", "domainPrefix", "movierec-prod-login", "tokenValidityMinutes", 5,
                "refreshTokenValidityDays", 3650, "existingUserPool", null, "oidcIssuer", null))).api().jwt()
                .orElseThrow();

        assertThat(jwt).isEqualTo(new JwtSettings(Optional.empty(), Optional.empty(),
                List.of(APP, "http://localhost:8080/callback?from=login"),
                List.of("https://app.example.com/signed-out"), Optional.of(JwtSettings.Mfa.REQUIRED),
                Optional.of(JwtSettings.ThreatProtection.ENFORCED), Optional.of("movierec-prod-login"), 5, 3650));
    }

    @Test
    void anExistingPoolInTheEnvironmentsRegionIsUsedWithItsOwnDomain() {
        Map<String, Object> dev = jwt(Map.of("callbackUrls", List.of(APP), "existingUserPool",
                Map.of("userPoolId", POOL, "domain", "https://auth.example.com")));
        dev.put("region", "eu-west-1");

        JwtSettings jwt = dev(dev).api().jwt().orElseThrow();

        assertThat(jwt.createsUserPool()).isFalse();
        assertThat(jwt.existingUserPool()).contains(new JwtSettings.ExistingUserPool(POOL, "https://auth.example.com"));
        assertThat(jwt.existingUserPool().orElseThrow().region()).isEqualTo("eu-west-1");
    }

    @Test
    void authJwtWithoutItsBlockNamesWhatItNeeds() {
        assertThat(envProblems(Map.of("api", Map.of("auth", "jwt")))).containsExactly(DEV + "api.jwt is missing: "
                + "\"auth\": \"jwt\" needs the page's sign-in settings, at least {\"callbackUrls\": "
                + "[\"https://app.example.com/\"]}.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"apiKey", "iam"})
    void theBlockWithAnotherAuthIsRefused(String auth) {
        assertThat(envProblems(Map.of("api", Map.of("auth", auth, "jwt", Map.of("callbackUrls", List.of(APP))))))
                .containsExactly(DEV + "api.jwt is an object: it sets up sign-in for \"auth\": \"jwt\", and auth is \""
                        + auth + "\"; remove it, or set auth to \"jwt\".");
    }

    @Test
    void aQuotaNeedsApiKeysSoJwtRefusesIt() {
        Map<String, Object> dev = jwt(Map.of("callbackUrls", List.of(APP)));
        @SuppressWarnings("unchecked")
        Map<String, Object> api = (Map<String, Object>) dev.get("api");
        api.put("quotaPerDay", 1000);

        assertThat(envProblems(dev)).containsExactly(DEV + "api.quotaPerDay is 1000: a quota counts the requests of "
                + "an API key, so it needs \"auth\": \"apiKey\"; set it to null or leave it out.");
    }

    @Test
    void callbackUrlsAreRequiredAndNeverEmpty() {
        assertThat(envProblems(jwt(Map.of("mfa", "off")))).containsExactly(JWT + "callbackUrls is missing: list the "
                + "page's addresses Cognito may send a signed-in user back to, e.g. [\"https://app.example.com/\"]"
                + URL_FIX);
        assertThat(envProblems(jwt(Map.of("callbackUrls", List.of())))).containsExactly(JWT + "callbackUrls is "
                + "empty: list the page's address, e.g. [\"https://app.example.com/\"].");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://app.example.com/", "https://app.example.com/#signed-in", "https://App.example.com/",
            "http://127.0.0.1:8080/", "app.example.com", "https://app.example.com/a b", "myapp://callback"})
    void aCallbackUrlCognitoWouldRefuseIsNamed(String url) {
        assertThat(envProblems(jwt(Map.of("callbackUrls", List.of(APP, url))))).containsExactly(JWT
                + "callbackUrls[1] is \"" + url + "\"" + URL_FIX);
    }

    @Test
    void aUrlListedTwiceIsNamed() {
        assertThat(envProblems(jwt(Map.of("callbackUrls", List.of(APP), "logoutUrls", List.of(APP, APP)))))
                .containsExactly(JWT + "logoutUrls[1] is \"" + APP + "\": it is listed twice; remove one.");
    }

    @Test
    void anOidcIssuerIsRefusedWithTheWayToFederateIt() {
        assertThat(envProblems(jwt(Map.of("callbackUrls", List.of(APP), "oidcIssuer",
                "https://login.example.com/")))).containsExactly(JWT + "oidcIssuer is \"https://login.example.com/\": "
                + "set null: the REST API's Cognito authorizer verifies only a Cognito user pool's tokens, so add this "
                + "issuer to a user pool as an OIDC identity provider and name that pool in existingUserPool (see "
                + "\"Why a Cognito authorizer\" in infra/README.md).");
    }

    @Test
    void anExistingPoolRefusesTheSettingsOnlyACreatedPoolTakes() {
        assertThat(envProblems(jwt(Map.of("callbackUrls", List.of(APP), "existingUserPool",
                Map.of("userPoolId", POOL, "domain", "https://auth.example.com"), "mfa", "required",
                "threatProtection", "audit", "domainPrefix", "movierec-dev")))).containsExactly(
                JWT + "mfa is \"required\": " + EXISTING_POOL_FIX,
                JWT + "threatProtection is \"audit\": " + EXISTING_POOL_FIX,
                JWT + "domainPrefix is \"movierec-dev\": an existing user pool signs in through its own domain, "
                        + "existingUserPool.domain; remove this key.");
    }

    @Test
    void anExistingPoolNeedsAValidIdAndDomain() {
        assertThat(envProblems(jwt(Map.of("callbackUrls", List.of(APP), "existingUserPool",
                Map.of("userPoolId", "AbCdEf123", "domain", "https://auth.example.com/login"))))).containsExactly(
                JWT + "existingUserPool.userPoolId is \"AbCdEf123\": set the pool's id, <region>_<letters and digits> "
                        + "such as \"eu-west-1_AbCdEf123\" (Cognito console, or aws cognito-idp list-user-pools "
                        + "--max-results 10).",
                JWT + "existingUserPool.domain is \"https://auth.example.com/login\": set the base URL of the pool's "
                        + "managed login domain, such as \"https://my-prefix.auth.eu-west-1.amazoncognito.com\" or "
                        + "\"https://auth.example.com\", in lower case without a path.");
    }

    @Test
    void anExistingPoolInAnotherRegionIsRefused() {
        Map<String, Object> dev = jwt(Map.of("callbackUrls", List.of(APP), "existingUserPool",
                Map.of("userPoolId", "us-east-1_AbCdEf123", "domain", "https://auth.example.com")));
        dev.put("region", "eu-west-1");

        assertThat(envProblems(dev)).containsExactly(JWT + "existingUserPool.userPoolId is \"us-east-1_AbCdEf123\": "
                + "the pool is in us-east-1, and the API's Cognito authorizer and the page use the environment's "
                + "region, eu-west-1; name a pool there, or null for a pool the stack creates.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"my-aws-login", "amazon-movies", "cognito", "-movierec", "movierec-", "MovieRec", "",
            "a23456789012345678901234567890123456789012345678901234567890abcd"})
    void aDomainPrefixCognitoWouldRefuseIsNamed(String prefix) {
        assertThat(envProblems(jwt(Map.of("callbackUrls", List.of(APP), "domainPrefix", prefix)))).singleElement()
                .asString().startsWith(JWT + "domainPrefix is \"" + prefix + "\": set the managed login domain's "
                        + "prefix");
    }

    @Test
    void tokenLifetimesAreWithinCognitosLimits() {
        assertThat(envProblems(jwt(Map.of("callbackUrls", List.of(APP), "tokenValidityMinutes", 4,
                "refreshTokenValidityDays", 3651)))).containsExactly(
                JWT + "tokenValidityMinutes is 4: set a whole number of minutes from 5 to 1440 (a day) that ID and "
                        + "access tokens stay valid.",
                JWT + "refreshTokenValidityDays is 3651: set a whole number of days from 1 to 3650 that a sign-in "
                        + "lasts through token refreshes.");
    }

    @Test
    void mfaCannotBeRequiredInAStageThePipelineSmokeTests() {
        Map<String, Object> required = jwt(Map.of("callbackUrls", List.of(APP), "mfa", "required"));
        Map<String, Object> environments = new LinkedHashMap<>();
        environments.put("dev", Map.of());
        environments.put("prod", required);

        assertThat(problems(Map.of("environments", environments, "pipeline", Map.of("connectionArn", CONNECTION,
                "repository", "octo/movies")))).containsExactly("movierec.environments.prod.api.jwt.mfa is "
                + "\"required\": the pipeline deploys prod, and its smoke test signs a temporary user in without a "
                + "second factor; set \"optional\" (users may still add an authenticator app), or remove prod from "
                + "pipeline.stages.");
        assertThat(MovieRecConfigParser.parse(Map.of("environments", environments, "pipeline", Map.of(
                "connectionArn", CONNECTION, "repository", "octo/movies", "stages", List.of("dev"))))
                .environment("prod").orElseThrow().api().jwt().orElseThrow().effectiveMfa())
                .as("an environment the pipeline does not deploy may require MFA")
                .isEqualTo(JwtSettings.Mfa.REQUIRED);
    }

    /** An environment with {@code api.auth: "jwt"} and {@code jwt} as its block (a mutable map, for JSON nulls). */
    private static Map<String, Object> jwt(Map<String, Object> jwt) {
        Map<String, Object> api = new LinkedHashMap<>();
        api.put("auth", "jwt");
        api.put("jwt", jwt);
        Map<String, Object> dev = new LinkedHashMap<>();
        dev.put("api", api);
        return dev;
    }
}
