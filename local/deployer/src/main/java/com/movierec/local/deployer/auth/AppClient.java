package com.movierec.local.deployer.auth;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * An app client of a user pool, read from an {@code AWS::Cognito::UserPoolClient}'s properties as deployed: what
 * managed login and the token endpoint check (OAuth flows, scopes, callback and sign-out URLs, identity providers)
 * and what the tokens carry (readable attributes, lifetimes).
 *
 * @param readAttributes empty: every attribute is readable, as for a client without ReadAttributes
 */
public record AppClient(String clientId, String name, boolean hasSecret, boolean oauthEnabled, Set<String> oauthFlows,
                        Set<String> oauthScopes, List<String> callbackUrls, List<String> logoutUrls,
                        Set<String> identityProviders, Optional<Set<String>> readAttributes,
                        boolean tokenRevocation, Duration idTokenValidity, Duration accessTokenValidity,
                        Duration refreshTokenValidity) {
    /** Cognito's defaults: ID and access tokens an hour, refresh tokens 30 days. */
    public static final Duration DEFAULT_TOKEN_VALIDITY = Duration.ofHours(1);
    public static final Duration DEFAULT_REFRESH_VALIDITY = Duration.ofDays(30);

    public AppClient {
        oauthFlows = Set.copyOf(oauthFlows);
        oauthScopes = Set.copyOf(oauthScopes);
        callbackUrls = List.copyOf(callbackUrls);
        logoutUrls = List.copyOf(logoutUrls);
        identityProviders = Set.copyOf(identityProviders);
        readAttributes = readAttributes.map(Set::copyOf);
    }

    /** A public client for the authorization code flow with PKCE, as the page's client is; for tests. */
    public static AppClient codeFlow(String clientId, List<String> callbackUrls, List<String> logoutUrls,
                                     Duration tokenValidity) {
        return new AppClient(clientId, "local", false, true, Set.of("code"), Set.of("openid", "email", "profile"),
                callbackUrls, logoutUrls, Set.of("COGNITO"), Optional.empty(), true, tokenValidity, tokenValidity,
                DEFAULT_REFRESH_VALIDITY);
    }

    /** The client as CloudFormation created it from {@code properties} (resolved, as the deploy recorded them). */
    public static AppClient fromTemplate(String clientId, JsonNode properties) {
        JsonNode units = properties.path("TokenValidityUnits");
        return new AppClient(clientId,
                properties.path("ClientName").asText(clientId),
                properties.path("GenerateSecret").asBoolean(false),
                properties.path("AllowedOAuthFlowsUserPoolClient").asBoolean(false),
                new LinkedHashSet<>(strings(properties.path("AllowedOAuthFlows"))),
                new LinkedHashSet<>(strings(properties.path("AllowedOAuthScopes"))),
                strings(properties.path("CallbackURLs")),
                strings(properties.path("LogoutURLs")),
                new LinkedHashSet<>(strings(properties.path("SupportedIdentityProviders"))),
                properties.has("ReadAttributes")
                        ? Optional.of(new LinkedHashSet<>(strings(properties.path("ReadAttributes"))))
                        : Optional.empty(),
                properties.path("EnableTokenRevocation").asBoolean(true),
                validity(properties.path("IdTokenValidity"), units.path("IdToken"), ChronoUnit.HOURS,
                        DEFAULT_TOKEN_VALIDITY),
                validity(properties.path("AccessTokenValidity"), units.path("AccessToken"), ChronoUnit.HOURS,
                        DEFAULT_TOKEN_VALIDITY),
                validity(properties.path("RefreshTokenValidity"), units.path("RefreshToken"), ChronoUnit.DAYS,
                        DEFAULT_REFRESH_VALIDITY));
    }

    /** Whether managed login may sign users in through this client with the authorization code flow. */
    public boolean allowsCodeFlow() {
        return oauthEnabled && oauthFlows.contains("code")
                && (identityProviders.isEmpty() || identityProviders.contains("COGNITO"));
    }

    /** Whether the ID token of this client may carry {@code attribute}. */
    public boolean canRead(String attribute) {
        return readAttributes.map(readable -> readable.contains(attribute)).orElse(true);
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    /** A TokenValidity value in its TokenValidityUnits unit (seconds, minutes, hours or days). */
    private static Duration validity(JsonNode value, JsonNode unit, ChronoUnit defaultUnit, Duration otherwise) {
        if (value.isMissingNode() || value.isNull() || value.asText().isBlank()) {
            return otherwise;
        }
        long amount = Long.parseLong(value.asText().trim());
        ChronoUnit chrono = switch (unit.asText("").toLowerCase(Locale.ROOT)) {
            case "seconds" -> ChronoUnit.SECONDS;
            case "minutes" -> ChronoUnit.MINUTES;
            case "hours" -> ChronoUnit.HOURS;
            case "days" -> ChronoUnit.DAYS;
            default -> defaultUnit;
        };
        return Duration.of(amount, chrono);
    }
}
