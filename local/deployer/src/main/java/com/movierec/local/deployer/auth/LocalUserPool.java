package com.movierec.local.deployer.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.spec.KeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * A Cognito user pool on this machine: its users, its app clients (from the deployed templates) and an RSA key pair
 * made for this run, with which it signs ID and access tokens shaped as Cognito's ({@code iss} the pool's AWS issuer
 * URL, {@code aud} or {@code client_id}, {@code token_use}, {@code auth_time}, {@code cognito:username}, the user's
 * readable attributes). It keeps the one-time authorization codes of managed login (PKCE S256), the refresh tokens
 * and managed login's sessions. Signing and key generation are Nimbus JOSE + JWT's; nothing here does cryptography
 * of its own.
 */
public final class LocalUserPool {
    /** Cognito's authorization codes are valid for five minutes. */
    public static final Duration DEFAULT_CODE_VALIDITY = Duration.ofMinutes(5);
    /** Managed login's session cookie lasts an hour. */
    public static final Duration SESSION_VALIDITY = Duration.ofHours(1);
    /** {@code <region>_<letters and digits>}, as CreateUserPool makes them. */
    public static final Pattern POOL_ID = Pattern.compile("([a-z]{2}(-[a-z]+)+-\\d{1,2})_([0-9A-Za-z]+)");
    /** RFC 7636: a verifier of 43 to 128 unreserved characters; its S256 challenge is 43 base64url characters. */
    private static final Pattern CODE_VERIFIER = Pattern.compile("[A-Za-z0-9._~-]{43,128}");
    private static final int PBKDF2_ITERATIONS = 60_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String poolId;
    private final String region;
    private final Clock clock;
    private final RSAKey signingKey;
    private final Duration codeValidity;
    private final Map<String, AppClient> clients = new ConcurrentHashMap<>();
    private final Map<String, StoredUser> users = new ConcurrentHashMap<>();
    private final Map<String, IssuedCode> codes = new ConcurrentHashMap<>();
    private final Map<String, RefreshGrant> refreshTokens = new ConcurrentHashMap<>();
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();

    private record StoredUser(PoolUser user, byte[] salt, byte[] passwordHash) {
    }

    private record IssuedCode(AuthorizationRequest request, String username, Instant authTime, Instant expires) {
    }

    private record RefreshGrant(String clientId, String username, Set<String> scopes, Instant authTime,
                                Instant expires) {
    }

    private record Session(String username, Instant authTime, Instant expires) {
    }

    private LocalUserPool(String poolId, Clock clock, Duration codeValidity) {
        var matcher = POOL_ID.matcher(poolId);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("user pool id " + poolId + " is not <region>_<letters and digits>, "
                    + "the form Cognito gives pool ids (e.g. eu-west-1_AbCdEf123)");
        }
        this.poolId = poolId;
        this.region = matcher.group(1);
        this.clock = clock;
        this.codeValidity = codeValidity;
        try {
            this.signingKey = new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256)
                    .keyIDFromThumbprint(true).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("this JDK cannot generate a 2048-bit RSA key pair", e);
        }
    }

    /** A pool with a new RSA key pair, on the system clock. */
    public static LocalUserPool create(String poolId) {
        return new LocalUserPool(poolId, Clock.systemUTC(), DEFAULT_CODE_VALIDITY);
    }

    /** For tests: times from {@code clock} (tokens issued in the past are expired), codes valid {@code codeValidity}. */
    public static LocalUserPool create(String poolId, Clock clock, Duration codeValidity) {
        return new LocalUserPool(poolId, clock, codeValidity);
    }

    public String id() {
        return poolId;
    }

    public String region() {
        return region;
    }

    /** {@code https://cognito-idp.<region>.amazonaws.com/<poolId>}: the tokens' {@code iss}, as Cognito sets it. */
    public String issuer() {
        return "https://cognito-idp." + region + ".amazonaws.com/" + poolId;
    }

    /** The public half of the signing key, as the pool's {@code /.well-known/jwks.json} lists it. */
    public JWKSet publicKeys() {
        return new JWKSet(signingKey.toPublicJWK());
    }

    // --- app clients and users ----------------------------------------------------------------------------------

    public void addClient(AppClient client) {
        clients.put(client.clientId(), client);
    }

    public Optional<AppClient> client(String clientId) {
        return clientId == null ? Optional.empty() : Optional.ofNullable(clients.get(clientId));
    }

    public Collection<AppClient> clients() {
        return List.copyOf(clients.values());
    }

    /**
     * Creates a confirmed user with a permanent password, as AdminCreateUser then AdminSetUserPassword (Permanent)
     * would; {@code attributes} such as {@code email} or {@code custom:movierec_user_id}.
     */
    public PoolUser adminCreateUser(String username, String password, Map<String, String> attributes) {
        if (username == null || username.isBlank() || password == null || password.length() < 8) {
            throw new IllegalArgumentException("a local user needs a username and a password of 8 or more "
                    + "characters, as the pool's default password policy asks");
        }
        PoolUser user = new PoolUser(username, UUID.randomUUID().toString(), new LinkedHashMap<>(attributes));
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        if (users.putIfAbsent(username, new StoredUser(user, salt, hash(password, salt))) != null) {
            throw new IllegalArgumentException("user " + username + " already exists in pool " + poolId
                    + " (UsernameExistsException): choose another username");
        }
        return user;
    }

    public Optional<PoolUser> user(String username) {
        return Optional.ofNullable(users.get(username)).map(StoredUser::user);
    }

    /** The user whose password this is, or empty (Cognito: "Incorrect username or password."). */
    public Optional<PoolUser> authenticate(String username, String password) {
        StoredUser stored = username == null ? null : users.get(username);
        if (stored == null || password == null) {
            return Optional.empty();
        }
        return MessageDigest.isEqual(stored.passwordHash(), hash(password, stored.salt()))
                ? Optional.of(stored.user()) : Optional.empty();
    }

    /**
     * Signs a user in through {@code clientId} with username and password, as AdminInitiateAuth with
     * ADMIN_USER_PASSWORD_AUTH does: the three tokens, scope {@code aws.cognito.signin.user.admin}.
     */
    public TokenSet adminInitiateAuth(String clientId, String username, String password) {
        AppClient client = client(clientId).orElseThrow(() -> new OAuthException("invalid_client",
                "pool " + poolId + " has no app client " + clientId));
        PoolUser user = authenticate(username, password).orElseThrow(() -> new OAuthException("invalid_grant",
                "Incorrect username or password."));
        return tokens(user, client, Set.of("aws.cognito.signin.user.admin"), null, clock.instant(), true);
    }

    /**
     * The tokens of {@code user} for {@code client} as if issued at {@code issuedAt} (for tests: a time long enough
     * ago gives expired tokens), with a refresh token.
     */
    public TokenSet issueTokens(PoolUser user, AppClient client, Set<String> scopes, Instant issuedAt) {
        return tokens(user, client, scopes, null, issuedAt, issuedAt, true);
    }

    // --- managed login: sessions and codes ----------------------------------------------------------------------

    /** A managed login session for {@code user}, its id for the session cookie. */
    String startSession(PoolUser user) {
        Instant now = clock.instant();
        String id = randomToken();
        sessions.put(id, new Session(user.username(), now, now.plus(SESSION_VALIDITY)));
        return id;
    }

    /** The signed-in user of a managed login session that has not expired. */
    Optional<PoolUser> sessionUser(String sessionId) {
        Session session = sessionId == null ? null : sessions.get(sessionId);
        if (session == null || !clock.instant().isBefore(session.expires())) {
            return Optional.empty();
        }
        return user(session.username());
    }

    Optional<Instant> sessionAuthTime(String sessionId) {
        return Optional.ofNullable(sessionId == null ? null : sessions.get(sessionId)).map(Session::authTime);
    }

    void endSession(String sessionId) {
        if (sessionId != null) {
            sessions.remove(sessionId);
        }
    }

    /** A one-time authorization code for {@code request}, valid for the code validity. */
    String issueCode(AuthorizationRequest request, PoolUser user, Instant authTime) {
        String code = UUID.randomUUID().toString();
        codes.put(code, new IssuedCode(request, user.username(), authTime, clock.instant().plus(codeValidity)));
        return code;
    }

    /**
     * The token endpoint's authorization_code grant: the code is used up whatever happens, and must have been issued
     * to this client for this redirect URI, be unexpired, and match the PKCE verifier.
     */
    public TokenSet redeemCode(String clientId, String code, String redirectUri, String codeVerifier) {
        AppClient client = client(clientId).orElseThrow(() -> new OAuthException("invalid_client",
                "client_id " + clientId + " is not an app client of user pool " + poolId));
        IssuedCode issued = code == null ? null : codes.remove(code);
        if (issued == null) {
            throw new OAuthException("invalid_grant", "the code is unknown or was already used: sign in again");
        }
        if (!clock.instant().isBefore(issued.expires())) {
            throw new OAuthException("invalid_grant", "the code has expired: codes are valid for "
                    + codeValidity.toMinutes() + " minutes; sign in again");
        }
        if (!issued.request().clientId().equals(clientId)) {
            throw new OAuthException("invalid_grant", "the code was issued to another client");
        }
        if (!issued.request().redirectUri().equals(redirectUri)) {
            throw new OAuthException("invalid_grant", "redirect_uri must be the one the code was requested with, "
                    + issued.request().redirectUri());
        }
        if (codeVerifier == null || !CODE_VERIFIER.matcher(codeVerifier).matches()) {
            throw new OAuthException("invalid_request", "code_verifier must be the PKCE verifier the code challenge "
                    + "was made from: 43 to 128 letters, digits and - . _ ~ (RFC 7636)");
        }
        if (!s256(codeVerifier).equals(issued.request().codeChallenge())) {
            throw new OAuthException("invalid_grant", "code_verifier does not match the code_challenge the code was "
                    + "requested with (PKCE S256)");
        }
        PoolUser user = user(issued.username()).orElseThrow(() -> new OAuthException("invalid_grant",
                "the user of this code no longer exists"));
        return tokens(user, client, issued.request().scopes(), issued.request().nonce(), issued.authTime(), true);
    }

    /** The refresh_token grant: new ID and access tokens, the refresh token unchanged (Cognito without rotation). */
    public TokenSet refresh(String clientId, String refreshToken) {
        AppClient client = client(clientId).orElseThrow(() -> new OAuthException("invalid_client",
                "client_id " + clientId + " is not an app client of user pool " + poolId));
        RefreshGrant grant = refreshToken == null ? null : refreshTokens.get(refreshToken);
        if (grant == null || !grant.clientId().equals(clientId)) {
            throw new OAuthException("invalid_grant", "Invalid Refresh Token");
        }
        if (!clock.instant().isBefore(grant.expires())) {
            refreshTokens.remove(refreshToken);
            throw new OAuthException("invalid_grant", "Refresh Token has expired");
        }
        PoolUser user = user(grant.username()).orElseThrow(() -> new OAuthException("invalid_grant",
                "Invalid Refresh Token"));
        TokenSet fresh = tokens(user, client, grant.scopes(), null, grant.authTime(), false);
        return new TokenSet(fresh.idToken(), fresh.accessToken(), null, fresh.expiresIn());
    }

    /** The revoke endpoint: the refresh token can no longer be used (its ID and access tokens stay valid). */
    public void revoke(String clientId, String refreshToken) {
        AppClient client = client(clientId).orElseThrow(() -> new OAuthException("invalid_client",
                "client_id " + clientId + " is not an app client of user pool " + poolId));
        if (!client.tokenRevocation()) {
            throw new OAuthException("unsupported_token_type", "token revocation is not enabled for this client");
        }
        RefreshGrant grant = refreshToken == null ? null : refreshTokens.get(refreshToken);
        if (grant != null && grant.clientId().equals(clientId)) {
            refreshTokens.remove(refreshToken);
        }
    }

    // --- tokens -------------------------------------------------------------------------------------------------

    private TokenSet tokens(PoolUser user, AppClient client, Set<String> scopes, String nonce, Instant authTime,
                            boolean withRefresh) {
        return tokens(user, client, scopes, nonce, authTime, clock.instant(), withRefresh);
    }

    /** {@code now}: when the tokens are issued (iat), which their lifetimes count from. */
    private TokenSet tokens(PoolUser user, AppClient client, Set<String> scopes, String nonce, Instant authTime,
                            Instant now, boolean withRefresh) {
        String originJti = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        JWTClaimsSet.Builder id = new JWTClaimsSet.Builder()
                .subject(user.sub())
                .issuer(issuer())
                .audience(client.clientId())
                .claim("cognito:username", user.username())
                .claim("origin_jti", originJti)
                .claim("event_id", eventId)
                .claim("token_use", "id")
                .claim("auth_time", authTime.getEpochSecond())
                .expirationTime(Date.from(now.plus(client.idTokenValidity())))
                .issueTime(Date.from(now))
                .jwtID(UUID.randomUUID().toString());
        user.attributes().forEach((name, value) -> {
            if (client.canRead(name)) {
                id.claim(name, "email_verified".equals(name) ? Boolean.valueOf(value) : value);
            }
        });
        if (nonce != null) {
            id.claim("nonce", nonce);
        }
        JWTClaimsSet access = new JWTClaimsSet.Builder()
                .subject(user.sub())
                .issuer(issuer())
                .claim("client_id", client.clientId())
                .claim("origin_jti", originJti)
                .claim("event_id", eventId)
                .claim("token_use", "access")
                .claim("scope", String.join(" ", new TreeSet<>(scopes)))
                .claim("auth_time", authTime.getEpochSecond())
                .expirationTime(Date.from(now.plus(client.accessTokenValidity())))
                .issueTime(Date.from(now))
                .jwtID(UUID.randomUUID().toString())
                .claim("username", user.username())
                .build();
        String refresh = null;
        if (withRefresh) {
            refresh = randomToken();
            refreshTokens.put(refresh, new RefreshGrant(client.clientId(), user.username(), scopes, authTime,
                    now.plus(client.refreshTokenValidity())));
        }
        return new TokenSet(sign(id.build()), sign(access), refresh, client.accessTokenValidity().toSeconds());
    }

    private String sign(JWTClaimsSet claims) {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signingKey.getKeyID()).build(),
                claims);
        try {
            jwt.sign(new RSASSASigner(signingKey));
        } catch (JOSEException e) {
            throw new IllegalStateException("signing a token with the pool's RSA key failed", e);
        }
        return jwt.serialize();
    }

    /** RFC 7636's S256: BASE64URL(SHA-256(ASCII(code_verifier))). */
    static String s256(String codeVerifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(codeVerifier.getBytes(StandardCharsets.US_ASCII));
            return Base64URL.encode(digest).toString();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK has no SHA-256", e);
        }
    }

    /** PBKDF2 with HMAC-SHA-256 from the JDK: the password is never kept. */
    private static byte[] hash(String password, byte[] salt) {
        try {
            KeySpec spec = new PBEKeySpec(password.toCharArray(), salt, PBKDF2_ITERATIONS, 256);
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK has no PBKDF2WithHmacSHA256", e);
        }
    }

    /** 32 random bytes, base64url: refresh tokens and session ids nobody can guess. */
    static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64URL.encode(bytes).toString();
    }
}
