package com.movierec.local.deployer.auth;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.movierec.local.deployer.api.ProxyResponses;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;

/**
 * A user pool's managed login (the hosted UI of its {@code AWS::Cognito::UserPoolDomain}) and its issuer documents,
 * on {@code http://localhost:PORT}:
 * <ul>
 *   <li>{@code GET /oauth2/authorize}: client_id, a redirect_uri among the client's CallbackURLs, response_type
 *   {@code code}, a PKCE {@code S256} code_challenge (required here), scope, state and nonce passed through; a login
 *   form, or straight back with a code while the managed login session (cookie) lasts;</li>
 *   <li>{@code POST /login}: the form's username and password (with its CSRF token);</li>
 *   <li>{@code POST /oauth2/token}: {@code authorization_code} with code_verifier, and {@code refresh_token};</li>
 *   <li>{@code POST /oauth2/revoke}: a refresh token no longer refreshes;</li>
 *   <li>{@code GET /logout}: client_id and a logout_uri among the client's LogoutURLs; ends the session;</li>
 *   <li>{@code GET /<poolId>/.well-known/jwks.json} and {@code openid-configuration}: the pool's public key and
 *   discovery document (whose {@code issuer} is the pool's AWS URL, which the tokens carry).</li>
 * </ul>
 * Errors the client can act on are OAuth 2.0 error JSON ({@code {"error", "error_description"}}); once client_id
 * and redirect_uri are known good, authorize errors go back to the redirect_uri as {@code error} and {@code state}.
 */
public final class ManagedLoginServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Cognito's managed login session cookie and its CSRF cookie and form field. */
    static final String SESSION_COOKIE = "cognito";
    static final String CSRF_COOKIE = "XSRF-TOKEN";
    static final String CSRF_FIELD = "_csrf";
    /** An S256 challenge: the base64url SHA-256 of the verifier, 43 characters. */
    private static final Pattern S256_CHALLENGE = Pattern.compile("[A-Za-z0-9_-]{43}");

    private final LocalUserPool pool;
    private final HttpServer server;
    private final ExecutorService executor;

    private ManagedLoginServer(LocalUserPool pool, HttpServer server, ExecutorService executor) {
        this.pool = pool;
        this.server = server;
        this.executor = executor;
    }

    /** Serves {@code pool}'s managed login on 127.0.0.1:{@code port} (0: a free port). */
    public static ManagedLoginServer start(LocalUserPool pool, int port) {
        ExecutorService executor = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "managed-login-" + pool.id());
            thread.setDaemon(true);
            return thread;
        });
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
            ManagedLoginServer login = new ManagedLoginServer(pool, server, executor);
            server.createContext("/", login::serve);
            server.setExecutor(executor);
            server.start();
            return login;
        } catch (IOException e) {
            executor.shutdownNow();
            throw new UncheckedIOException(e);
        }
    }

    public LocalUserPool pool() {
        return pool;
    }

    /**
     * {@code http://localhost:PORT}: the domain's base URL, as the page's {@code authDomain}. localhost rather than
     * 127.0.0.1, as Cognito accepts plain http only for localhost callback URLs and the page runs there too.
     */
    public URI baseUrl() {
        return URI.create("http://localhost:" + server.getAddress().getPort());
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void serve(HttpExchange exchange) throws IOException {
        try {
            String path = exchange.getRequestURI().getRawPath();
            String method = exchange.getRequestMethod();
            String wellKnown = "/" + pool.id() + "/.well-known/";
            switch (path) {
                case "/oauth2/authorize", "/authorize" -> onlyGet(exchange, method, () -> authorize(exchange));
                case "/login" -> {
                    if ("POST".equals(method)) {
                        login(exchange);
                    } else {
                        onlyGet(exchange, method, () -> authorize(exchange));
                    }
                }
                case "/oauth2/token" -> tokenEndpoint(exchange, method, () -> token(exchange));
                case "/oauth2/revoke" -> tokenEndpoint(exchange, method, () -> revoke(exchange));
                case "/logout" -> onlyGet(exchange, method, () -> logout(exchange));
                default -> {
                    if (path.equals(wellKnown + "jwks.json")) {
                        onlyGet(exchange, method, () -> sendJson(exchange, 200,
                                JSON.readTree(pool.publicKeys().toString())));
                    } else if (path.equals(wellKnown + "openid-configuration")) {
                        onlyGet(exchange, method, () -> sendJson(exchange, 200, discovery()));
                    } else {
                        sendError(exchange, 404, "invalid_request", "managed login has no " + path + ": use "
                                + "/oauth2/authorize, /oauth2/token, /oauth2/revoke, /logout or " + wellKnown
                                + "jwks.json");
                    }
                }
            }
        } catch (OAuthException e) {
            sendError(exchange, e.status(), e.error(), e.description());
        } catch (IOException | RuntimeException e) {
            sendError(exchange, 500, "server_error", "the local managed login failed: " + e);
        }
    }

    private interface Action {
        void run() throws IOException;
    }

    private void onlyGet(HttpExchange exchange, String method, Action action) throws IOException {
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            exchange.getResponseHeaders().set("Allow", "GET");
            sendError(exchange, 405, "invalid_request", method + " is not allowed here: use GET");
            return;
        }
        action.run();
    }

    /** POST only, with CORS for the page's origin (a browser calls it with fetch from another origin). */
    private void tokenEndpoint(HttpExchange exchange, String method, Action action) throws IOException {
        String origin = exchange.getRequestHeaders().getFirst("Origin");
        if (origin != null) {
            exchange.getResponseHeaders().set("Access-Control-Allow-Origin", origin);
            exchange.getResponseHeaders().set("Vary", "Origin");
        }
        if ("OPTIONS".equals(method)) {
            exchange.getResponseHeaders().set("Access-Control-Allow-Methods", "POST");
            exchange.getResponseHeaders().set("Access-Control-Allow-Headers", "Content-Type, Authorization");
            send(exchange, 204, null, new byte[0]);
            return;
        }
        if (!"POST".equals(method)) {
            exchange.getResponseHeaders().set("Allow", "POST");
            sendError(exchange, 405, "invalid_request", method + " is not allowed here: use POST");
            return;
        }
        String type = Optional.ofNullable(exchange.getRequestHeaders().getFirst("Content-Type")).orElse("");
        if (!type.toLowerCase(java.util.Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            throw new OAuthException("invalid_request", "send the parameters as application/x-www-form-urlencoded, "
                    + "not " + (type.isEmpty() ? "without a Content-Type" : type));
        }
        action.run();
    }

    // --- authorize and login ------------------------------------------------------------------------------------

    private void authorize(HttpExchange exchange) throws IOException {
        Map<String, String> params = FormData.parse(exchange.getRequestURI().getRawQuery());
        Optional<AuthorizationRequest> request = validated(exchange, params);
        if (request.isEmpty()) {
            return;
        }
        String session = cookie(exchange, SESSION_COOKIE);
        Optional<PoolUser> signedIn = pool.sessionUser(session);
        if (signedIn.isPresent()) {
            Instant authTime = pool.sessionAuthTime(session).orElse(Instant.now());
            redirectWithCode(exchange, request.get(), signedIn.get(), authTime);
            return;
        }
        loginForm(exchange, pool.client(request.get().clientId()).orElseThrow(), params, null);
    }

    private void login(HttpExchange exchange) throws IOException {
        Map<String, String> form = FormData.parse(new String(exchange.getRequestBody().readAllBytes(),
                StandardCharsets.UTF_8));
        Optional<AuthorizationRequest> validated = validated(exchange, form);
        if (validated.isEmpty()) {
            return;
        }
        AuthorizationRequest request = validated.get();
        AppClient client = pool.client(request.clientId()).orElseThrow();
        String csrf = cookie(exchange, CSRF_COOKIE);
        if (csrf == null || !csrf.equals(form.get(CSRF_FIELD))) {
            throw new OAuthException("invalid_request", "the sign-in form's CSRF token does not match its cookie: "
                    + "open the sign-in page again");
        }
        Optional<PoolUser> user = pool.authenticate(form.get("username"), form.get("password"));
        if (user.isEmpty()) {
            loginForm(exchange, client, form, "Incorrect username or password.");
            return;
        }
        String session = pool.startSession(user.get());
        exchange.getResponseHeaders().add("Set-Cookie", SESSION_COOKIE + "=" + session
                + "; Path=/; HttpOnly; SameSite=Lax; Max-Age=" + LocalUserPool.SESSION_VALIDITY.toSeconds());
        redirectWithCode(exchange, request, user.get(), Instant.now());
    }

    /**
     * The authorize parameters checked: a bad client or redirect_uri throws (an error answered here); any other error
     * goes back to the redirect_uri, and the answer is empty.
     */
    private Optional<AuthorizationRequest> validated(HttpExchange exchange, Map<String, String> params)
            throws IOException {
        AppClient client = checkedClient(params);
        String redirectUri = checkedRedirect(client, params.get("redirect_uri"));
        try {
            return Optional.of(checkedRequest(client, redirectUri, params));
        } catch (OAuthException e) {
            redirectWithError(exchange, redirectUri, e, params.get("state"));
            return Optional.empty();
        }
    }

    private AppClient checkedClient(Map<String, String> params) {
        String clientId = params.get("client_id");
        if (clientId == null || clientId.isEmpty()) {
            throw new OAuthException("invalid_request", "client_id is missing: pass the app client's id");
        }
        AppClient client = pool.client(clientId).orElseThrow(() -> new OAuthException("invalid_client",
                "client_id " + clientId + " is not an app client of user pool " + pool.id()));
        if (!client.allowsCodeFlow()) {
            throw new OAuthException("unauthorized_client", "app client " + clientId + " does not allow the "
                    + "authorization code flow through managed login: set AllowedOAuthFlowsUserPoolClient true, "
                    + "AllowedOAuthFlows [code] and SupportedIdentityProviders [COGNITO]");
        }
        return client;
    }

    /** Before this passes, nothing may be sent to the redirect_uri. */
    private static String checkedRedirect(AppClient client, String redirectUri) {
        if (redirectUri == null || redirectUri.isEmpty()) {
            throw new OAuthException("invalid_request", "redirect_uri is missing: pass one of the app client's "
                    + "CallbackURLs " + client.callbackUrls());
        }
        if (!client.callbackUrls().contains(redirectUri)) {
            throw new OAuthException("redirect_mismatch", "redirect_uri " + redirectUri + " is not one of app client "
                    + client.clientId() + "'s CallbackURLs " + client.callbackUrls() + ": add it to the client's "
                    + "callback URLs (api.jwt.callbackUrls in cdk.json), or open the page at one of them");
        }
        return redirectUri;
    }

    private static AuthorizationRequest checkedRequest(AppClient client, String redirectUri,
                                                       Map<String, String> params) {
        if (!"code".equals(params.get("response_type"))) {
            throw new OAuthException("unsupported_response_type", "response_type must be code (the authorization "
                    + "code flow), not " + params.get("response_type"));
        }
        String challenge = params.get("code_challenge");
        if (!"S256".equals(params.get("code_challenge_method")) || challenge == null
                || !S256_CHALLENGE.matcher(challenge).matches()) {
            throw new OAuthException("invalid_request", "a PKCE code_challenge is required: code_challenge_method "
                    + "S256 and code_challenge the 43-character base64url SHA-256 of the code verifier (RFC 7636)");
        }
        Set<String> scopes = new LinkedHashSet<>();
        String scope = params.get("scope");
        if (scope == null || scope.isBlank()) {
            scopes.addAll(client.oauthScopes());
        } else {
            for (String one : scope.trim().split("\\s+")) {
                if (!client.oauthScopes().contains(one)) {
                    throw new OAuthException("invalid_scope", "scope " + one + " is not among the app client's "
                            + "AllowedOAuthScopes " + new TreeSet<>(client.oauthScopes()));
                }
                scopes.add(one);
            }
        }
        return new AuthorizationRequest(client.clientId(), redirectUri, scopes, challenge, params.get("state"),
                params.get("nonce"));
    }

    private void redirectWithCode(HttpExchange exchange, AuthorizationRequest request, PoolUser user,
                                  Instant authTime) throws IOException {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("code", pool.issueCode(request, user, authTime));
        query.put("state", request.state());
        redirect(exchange, FormData.withQuery(request.redirectUri(), query));
    }

    private static void redirectWithError(HttpExchange exchange, String redirectUri, OAuthException error,
                                          String state) throws IOException {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("error", error.error());
        query.put("error_description", error.description());
        query.put("state", state);
        redirect(exchange, FormData.withQuery(redirectUri, query));
    }

    private void loginForm(HttpExchange exchange, AppClient client, Map<String, String> params, String message)
            throws IOException {
        String csrf = LocalUserPool.randomToken();
        exchange.getResponseHeaders().add("Set-Cookie", CSRF_COOKIE + "=" + csrf + "; Path=/; HttpOnly; "
                + "SameSite=Lax");
        StringBuilder hidden = new StringBuilder();
        for (String name : List.of("client_id", "redirect_uri", "response_type", "scope", "state", "code_challenge",
                "code_challenge_method", "nonce")) {
            String value = params.get(name);
            if (value != null) {
                hidden.append("<input type=\"hidden\" name=\"").append(name).append("\" value=\"")
                        .append(html(value)).append("\">\n");
            }
        }
        hidden.append("<input type=\"hidden\" name=\"" + CSRF_FIELD + "\" value=\"").append(csrf).append("\">\n");
        String page = """
                <!doctype html>
                <html lang="en">
                <head><meta charset="utf-8"><title>Sign in</title></head>
                <body>
                <main>
                <h1>Sign in</h1>
                <p>Local user pool %s (a stand-in for Amazon Cognito's managed login), app client %s.</p>
                %s<form method="post" action="/login" id="signin-form">
                %s<p><label for="signInFormUsername">Username</label><br>
                <input id="signInFormUsername" name="username" type="text" autocomplete="username" required autofocus></p>
                <p><label for="signInFormPassword">Password</label><br>
                <input id="signInFormPassword" name="password" type="password" autocomplete="current-password" required></p>
                <p><button type="submit" name="signInSubmitButton" id="signInSubmitButton">Sign in</button></p>
                </form>
                </main>
                </body>
                </html>
                """.formatted(html(pool.id()), html(client.clientId()),
                message == null ? "" : "<p role=\"alert\" id=\"loginErrorMessage\">" + html(message) + "</p>\n",
                hidden);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        // No script or style at all; the form posts here, and its answer redirects to a callback URL.
        exchange.getResponseHeaders().set("Content-Security-Policy", "default-src 'none'; form-action 'self' "
                + String.join(" ", origins(client.callbackUrls())) + "; frame-ancestors 'none'; base-uri 'none'");
        exchange.getResponseHeaders().set("X-Frame-Options", "DENY");
        send(exchange, 200, null, page.getBytes(StandardCharsets.UTF_8));
    }

    // --- token, revoke, logout ----------------------------------------------------------------------------------

    private void token(HttpExchange exchange) throws IOException {
        Map<String, String> form = FormData.parse(new String(exchange.getRequestBody().readAllBytes(),
                StandardCharsets.UTF_8));
        String clientId = form.get("client_id");
        AppClient client = pool.client(clientId).orElseThrow(() -> new OAuthException("invalid_client",
                "client_id " + clientId + " is not an app client of user pool " + pool.id()));
        if (client.hasSecret()) {
            throw new OAuthException("invalid_client", "app client " + clientId + " has a client secret "
                    + "(GenerateSecret), which a browser cannot keep: give the page a client without one");
        }
        String grant = form.get("grant_type");
        TokenSet tokens = switch (grant == null ? "" : grant) {
            case "authorization_code" -> pool.redeemCode(clientId, form.get("code"), form.get("redirect_uri"),
                    form.get("code_verifier"));
            case "refresh_token" -> pool.refresh(clientId, form.get("refresh_token"));
            case "" -> throw new OAuthException("invalid_request", "grant_type is missing: authorization_code or "
                    + "refresh_token");
            default -> throw new OAuthException("unsupported_grant_type", "grant_type " + grant + " is not "
                    + "supported for this client: use authorization_code or refresh_token");
        };
        ObjectNode body = JSON.createObjectNode();
        body.put("id_token", tokens.idToken());
        body.put("access_token", tokens.accessToken());
        if (tokens.refreshToken() != null) {
            body.put("refresh_token", tokens.refreshToken());
        }
        body.put("expires_in", tokens.expiresIn());
        body.put("token_type", "Bearer");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.getResponseHeaders().set("Pragma", "no-cache");
        sendJson(exchange, 200, body);
    }

    private void revoke(HttpExchange exchange) throws IOException {
        Map<String, String> form = FormData.parse(new String(exchange.getRequestBody().readAllBytes(),
                StandardCharsets.UTF_8));
        if (form.get("token") == null) {
            throw new OAuthException("invalid_request", "token is missing: pass the refresh token to revoke");
        }
        pool.revoke(form.get("client_id"), form.get("token"));
        send(exchange, 200, null, new byte[0]);
    }

    private void logout(HttpExchange exchange) throws IOException {
        Map<String, String> params = FormData.parse(exchange.getRequestURI().getRawQuery());
        String clientId = params.get("client_id");
        AppClient client = pool.client(clientId).orElseThrow(() -> new OAuthException("invalid_client",
                "client_id " + clientId + " is not an app client of user pool " + pool.id()));
        String logoutUri = params.get("logout_uri");
        if (logoutUri == null || !client.logoutUrls().contains(logoutUri)) {
            throw new OAuthException("invalid_request", "logout_uri " + logoutUri + " is not one of app client "
                    + clientId + "'s LogoutURLs " + client.logoutUrls() + ": add it to the client's sign-out URLs "
                    + "(api.jwt.logoutUrls in cdk.json)");
        }
        pool.endSession(cookie(exchange, SESSION_COOKIE));
        exchange.getResponseHeaders().add("Set-Cookie", SESSION_COOKIE + "=; Path=/; HttpOnly; SameSite=Lax; "
                + "Max-Age=0");
        redirect(exchange, logoutUri);
    }

    private ObjectNode discovery() {
        String base = baseUrl().toString();
        ObjectNode doc = JSON.createObjectNode();
        doc.put("issuer", pool.issuer());
        doc.put("authorization_endpoint", base + "/oauth2/authorize");
        doc.put("token_endpoint", base + "/oauth2/token");
        doc.put("revocation_endpoint", base + "/oauth2/revoke");
        doc.put("end_session_endpoint", base + "/logout");
        doc.put("jwks_uri", base + "/" + pool.id() + "/.well-known/jwks.json");
        doc.putArray("response_types_supported").add("code");
        doc.putArray("grant_types_supported").add("authorization_code").add("refresh_token");
        doc.putArray("code_challenge_methods_supported").add("S256");
        doc.putArray("scopes_supported").add("openid").add("email").add("phone").add("profile");
        doc.putArray("subject_types_supported").add("public");
        doc.putArray("id_token_signing_alg_values_supported").add("RS256");
        doc.putArray("token_endpoint_auth_methods_supported").add("none").add("client_secret_basic")
                .add("client_secret_post");
        return doc;
    }

    // --- HTTP helpers -------------------------------------------------------------------------------------------

    private static String cookie(HttpExchange exchange, String name) {
        List<String> headers = exchange.getRequestHeaders().get("Cookie");
        if (headers == null) {
            return null;
        }
        for (String header : headers) {
            for (String part : header.split(";")) {
                String trimmed = part.trim();
                if (trimmed.startsWith(name + "=")) {
                    return trimmed.substring(name.length() + 1);
                }
            }
        }
        return null;
    }

    /** The distinct origins ({@code scheme://host[:port]}) of {@code urls}. */
    private static Set<String> origins(List<String> urls) {
        Set<String> origins = new TreeSet<>();
        for (String url : urls) {
            try {
                URI uri = URI.create(url);
                if (uri.getScheme() != null && uri.getHost() != null) {
                    origins.add(uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":"
                            + uri.getPort()));
                }
            } catch (IllegalArgumentException e) {
                // Not a URL: no origin to allow.
            }
        }
        return origins;
    }

    static String html(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    private static void redirect(HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().set("Location", location);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        send(exchange, 302, null, new byte[0]);
    }

    private static void sendError(HttpExchange exchange, int status, String error, String description)
            throws IOException {
        ObjectNode body = JSON.createObjectNode();
        body.put("error", error);
        body.put("error_description", description);
        sendJson(exchange, status, body);
    }

    private static void sendJson(HttpExchange exchange, int status, Object body) throws IOException {
        send(exchange, status, "application/json;charset=UTF-8", JSON.writeValueAsBytes(body));
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        if (contentType != null) {
            exchange.getResponseHeaders().set("Content-Type", contentType);
        }
        ProxyResponses.send(exchange, status, body);
    }
}
