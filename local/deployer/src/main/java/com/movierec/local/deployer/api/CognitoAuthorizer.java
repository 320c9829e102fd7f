package com.movierec.local.deployer.api;

import com.movierec.local.deployer.api.DeployedRestApi.AuthorizerSettings;
import com.movierec.local.deployer.auth.AppClient;
import com.movierec.local.deployer.auth.LocalCognito;
import com.movierec.local.deployer.auth.LocalUserPool;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A {@code COGNITO_USER_POOLS} authorizer as API Gateway applies it to a method: the token from the IdentitySource
 * header (alone or after {@code Bearer }), a JWT signed with RS256 by the key (kid) of one of the authorizer's user
 * pools, whose {@code iss} is that pool; without AuthorizationScopes on the method an ID token ({@code token_use}
 * {@code id}) whose {@code aud} is an app client of the pool (and matches IdentityValidationExpression when set),
 * with them an access token ({@code client_id} of the pool, a {@code scope} among them); unexpired, and not before
 * its {@code nbf}. Signature and key selection are Nimbus JOSE + JWT's {@link DefaultJWTProcessor}.
 *
 * <p>Refusals carry API Gateway's messages: {@code Unauthorized}, or {@code The incoming token has expired} for a
 * well-signed expired token. An allowed request gets the token's claims as API Gateway passes them in
 * {@code requestContext.authorizer.claims}: every value a string, {@code exp} and {@code iat} as
 * {@code Thu Dec 06 17:08:23 UTC 2018}, lists joined with commas.
 */
final class CognitoAuthorizer {
    static final String UNAUTHORIZED = "Unauthorized";
    static final String EXPIRED = "The incoming token has expired";
    private static final DateTimeFormatter CLAIM_DATE = DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss 'UTC' yyyy",
            Locale.US).withZone(ZoneOffset.UTC);
    private static final Pattern BEARER = Pattern.compile("(?i)^bearer\\s+");

    private final AuthorizerSettings settings;
    private final Map<String, LocalUserPool> poolsByIssuer = new LinkedHashMap<>();
    private final Clock clock;

    /** A refusal (401 with {@code message}) or the claims for {@code requestContext.authorizer.claims}. */
    sealed interface Decision permits Allow, Deny {
    }

    record Allow(Map<String, String> claims) implements Decision {
    }

    record Deny(String message) implements Decision {
    }

    CognitoAuthorizer(AuthorizerSettings settings, LocalCognito cognito, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        for (String arn : settings.providerArns()) {
            cognito.pool(LocalCognito.poolIdOfArn(arn)).ifPresent(pool -> poolsByIssuer.put(pool.issuer(), pool));
        }
    }

    String identityHeader() {
        return settings.identityHeader();
    }

    /**
     * @param headerValue the IdentitySource header's value, or null when the request has none
     * @param scopes      the method's AuthorizationScopes (empty: an ID token is required)
     */
    Decision authorize(String headerValue, List<String> scopes) {
        if (headerValue == null || headerValue.isBlank()) {
            return new Deny(UNAUTHORIZED);
        }
        String token = BEARER.matcher(headerValue.strip()).replaceFirst("");
        SignedJWT jwt;
        String issuer;
        try {
            jwt = SignedJWT.parse(token);
            issuer = jwt.getJWTClaimsSet().getIssuer();
        } catch (ParseException e) {
            return new Deny(UNAUTHORIZED);
        }
        LocalUserPool pool = issuer == null ? null : poolsByIssuer.get(issuer);
        if (pool == null) {
            return new Deny(UNAUTHORIZED);
        }
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256,
                new ImmutableJWKSet<>(pool.publicKeys())));
        processor.setJWTClaimsSetVerifier((claims, context) -> verify(claims, pool, scopes));
        try {
            return new Allow(asApiGatewayClaims(processor.process(jwt, null)));
        } catch (Expired e) {
            return new Deny(EXPIRED);
        } catch (BadJOSEException | JOSEException e) {
            return new Deny(UNAUTHORIZED);
        }
    }

    /** A token whose signature is good but whose time has passed. */
    private static final class Expired extends BadJWTException {
        Expired() {
            super(EXPIRED);
        }
    }

    private void verify(JWTClaimsSet claims, LocalUserPool pool, List<String> scopes) throws BadJWTException {
        Instant now = clock.instant();
        Date exp = claims.getExpirationTime();
        if (exp == null) {
            throw new BadJWTException("no exp");
        }
        if (!now.isBefore(exp.toInstant())) {
            throw new Expired();
        }
        Date nbf = claims.getNotBeforeTime();
        if (nbf != null && now.isBefore(nbf.toInstant())) {
            throw new BadJWTException("not yet valid");
        }
        if (!pool.issuer().equals(claims.getIssuer())) {
            throw new BadJWTException("another issuer");
        }
        Set<String> clients = pool.clients().stream().map(AppClient::clientId).collect(Collectors.toSet());
        Object tokenUse = claims.getClaim("token_use");
        if (scopes.isEmpty()) {
            List<String> audience = claims.getAudience();
            if (!"id".equals(tokenUse) || audience.size() != 1 || !clients.contains(audience.get(0))) {
                throw new BadJWTException("not an ID token of this pool's clients");
            }
            if (settings.validationPattern().isPresent()
                    && !Pattern.compile(settings.validationPattern().get()).matcher(audience.get(0)).matches()) {
                throw new BadJWTException("aud does not match IdentityValidationExpression");
            }
        } else {
            Object clientId = claims.getClaim("client_id");
            Object scope = claims.getClaim("scope");
            if (!"access".equals(tokenUse) || !(clientId instanceof String id) || !clients.contains(id)
                    || !(scope instanceof String granted)
                    || java.util.Arrays.stream(granted.split(" ")).noneMatch(scopes::contains)) {
                throw new BadJWTException("not an access token with one of the method's scopes");
            }
        }
    }

    /** The claims as API Gateway hands them to the Lambda: strings only. */
    static Map<String, String> asApiGatewayClaims(JWTClaimsSet claims) {
        Map<String, String> strings = new LinkedHashMap<>();
        claims.getClaims().forEach((name, value) -> strings.put(name, claimText(value)));
        return strings;
    }

    private static String claimText(Object value) {
        if (value instanceof Date date) {
            return CLAIM_DATE.format(date.toInstant());
        }
        if (value instanceof Collection<?> values) {
            List<String> texts = new ArrayList<>();
            values.forEach(v -> texts.add(claimText(v)));
            return String.join(",", texts);
        }
        return String.valueOf(value);
    }
}
