package com.movierec.local.deployer.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.movierec.api.ApiConfig;
import com.movierec.api.ApiHandler;
import com.movierec.api.catalog.MovieCatalog;
import com.movierec.api.personalize.PersonalizeClients;
import com.movierec.schemas.contract.ApiEnvironment;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.personalizeevents.PersonalizeEventsClient;
import software.amazon.awssdk.services.personalizeruntime.PersonalizeRuntimeClient;

/**
 * The recommendations API's Lambda handler behind a local HTTP server on 127.0.0.1, as API Gateway's REST API with
 * Lambda proxy integration would call it: each request becomes the proxy event, the handler's response is written
 * back as it is. The handler talks to personalize-local. Optionally serves a directory's files at paths the API
 * does not have (the web page).
 */
public final class LocalApiServer implements AutoCloseable {
    private static final int THREADS = 4;
    static final String CONTENT_SECURITY_POLICY =
            "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";
    /** Where the page finds its runtime config, as the web stack serves it next to index.html. */
    static final String PAGE_CONFIG_PATH = "/config.json";
    /** The page calls the API under /api, as through the CDN's /api/* origin: the prefix is not the API's. */
    static final String API_PREFIX = "/api";

    private final HttpServer server;
    private final ExecutorService executor;
    private final ApiHandler handler;
    private final ProxyRequests requests;
    private final StaticFiles staticFiles;
    private final AutoCloseable[] clients;
    private final Front front;
    private final String contentSecurityPolicy;

    private LocalApiServer(HttpServer server, ExecutorService executor, ApiHandler handler, String stage,
                           StaticFiles staticFiles, Front front, AutoCloseable... clients) {
        this.server = server;
        this.executor = executor;
        this.handler = handler;
        this.requests = new ProxyRequests(stage);
        this.staticFiles = staticFiles;
        this.clients = clients;
        this.front = front;
        this.contentSecurityPolicy = contentSecurityPolicy(front.connectSources());
    }

    /**
     * The page's policy: its own files only, plus {@code connect-src} for the origins it must call besides its own
     * (the sign-in's token endpoint), when there are any.
     */
    static String contentSecurityPolicy(java.util.List<String> connectSources) {
        return connectSources.isEmpty() ? CONTENT_SECURITY_POLICY
                : CONTENT_SECURITY_POLICY + "; connect-src 'self' " + String.join(" ", connectSources);
    }

    /** The API alone; {@code port} 0 picks a free port. */
    public static LocalApiServer start(Map<String, String> apiEnvironment, URI personalizeEndpoint, Path itemsCsv,
                                       Path knownUsersFile, String stage, int port) {
        return start(apiEnvironment, personalizeEndpoint, itemsCsv, knownUsersFile, stage, port, null);
    }

    /**
     * The API, plus the files of {@code staticRoot} (nullable) at the paths that are not API routes.
     *
     * @param apiEnvironment the API function's deployed environment ({@code LocalDeployer.deployedApiEnvironment()})
     * @param knownUsersFile the training data's user ids, one a line; null: every user is known
     */
    public static LocalApiServer start(Map<String, String> apiEnvironment, URI personalizeEndpoint, Path itemsCsv,
                                       Path knownUsersFile, String stage, int port, Path staticRoot) {
        return start(LocalPersonalizeClients.NO_IAM, apiEnvironment, personalizeEndpoint, itemsCsv, knownUsersFile,
                stage, port, staticRoot);
    }

    /** The API alone, its calls signed with {@code credentials}. */
    public static LocalApiServer start(AwsCredentialsProvider credentials, Map<String, String> apiEnvironment,
                                       URI personalizeEndpoint, Path itemsCsv, Path knownUsersFile, String stage,
                                       int port) {
        return start(credentials, apiEnvironment, personalizeEndpoint, itemsCsv, knownUsersFile, stage, port, null);
    }

    /**
     * As above, the handler's Personalize calls signed with {@code credentials}: the API function's role session
     * ({@code LocalAccount.credentialsOf(StageDeployment.API_HANDLER)}) when IAM is enforced.
     */
    public static LocalApiServer start(AwsCredentialsProvider credentials, Map<String, String> apiEnvironment,
                                       URI personalizeEndpoint, Path itemsCsv, Path knownUsersFile, String stage,
                                       int port, Path staticRoot) {
        return start(credentials, apiEnvironment, personalizeEndpoint, itemsCsv, knownUsersFile, stage, port,
                staticRoot, Front.NONE);
    }

    /**
     * As above, with API Gateway's method authorization of the deployed stage in front of the handler and the page's
     * generated runtime config ({@link Front}).
     */
    public static LocalApiServer start(AwsCredentialsProvider credentials, Map<String, String> apiEnvironment,
                                       URI personalizeEndpoint, Path itemsCsv, Path knownUsersFile, String stage,
                                       int port, Path staticRoot, Front front) {
        ApiConfig config = ApiConfig.fromEnvironment(
                localEnvironment(apiEnvironment, personalizeEndpoint, itemsCsv, knownUsersFile));
        MovieCatalog catalog = MovieCatalog.load(itemsCsv);
        SdkHttpClient http = PersonalizeClients.httpClient();
        PersonalizeRuntimeClient runtime = LocalPersonalizeClients.runtime(personalizeEndpoint, config.region(), http,
                credentials);
        PersonalizeEventsClient events = LocalPersonalizeClients.events(personalizeEndpoint, config.region(), http,
                credentials);
        ExecutorService executor = Executors.newFixedThreadPool(THREADS, daemonThreads());
        try {
            StaticFiles files = staticRoot == null ? null : new StaticFiles(staticRoot);
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
            LocalApiServer api = new LocalApiServer(server, executor,
                    new ApiHandler(config, runtime, events, catalog), stage, files, front, runtime, events, http);
            server.createContext("/", api::serve);
            server.setExecutor(executor);
            server.start();
            return api;
        } catch (IOException | RuntimeException e) {
            executor.shutdownNow();
            runtime.close();
            events.close();
            http.close();
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    /**
     * The deployed environment with what differs locally: the data files on this machine, the engine as both
     * endpoints, and a region (Lambda sets AWS_REGION itself, so the template does not have it).
     */
    static Map<String, String> localEnvironment(Map<String, String> apiEnvironment, URI personalizeEndpoint,
                                                Path itemsCsv, Path knownUsersFile) {
        Map<String, String> env = new HashMap<>(apiEnvironment);
        env.put(ApiEnvironment.ITEMS_FILE, itemsCsv.toString());
        if (knownUsersFile != null) {
            env.put(ApiEnvironment.KNOWN_USERS_FILE, knownUsersFile.toString());
        } else {
            // A file that cannot exist, so every user counts as known rather than the Lambda layer's path being read.
            env.put(ApiEnvironment.KNOWN_USERS_FILE,
                    itemsCsv.resolveSibling(".no-known-users-" + System.nanoTime()).toString());
        }
        env.put(ApiEnvironment.PERSONALIZE_RUNTIME_ENDPOINT, personalizeEndpoint.toString());
        env.put(ApiEnvironment.PERSONALIZE_EVENTS_ENDPOINT, personalizeEndpoint.toString());
        if (env.get("AWS_REGION") == null || env.get("AWS_REGION").isBlank()) {
            regionOfDeployedArns(apiEnvironment).ifPresent(region -> env.put("AWS_REGION", region));
        }
        return env;
    }

    /** The region the deployer created the resources in, as their ARNs ({@code arn:aws:personalize:REGION:...}) say. */
    private static Optional<String> regionOfDeployedArns(Map<String, String> env) {
        return env.entrySet().stream()
                .filter(e -> e.getKey().endsWith("_ARN") && e.getValue() != null)
                .map(e -> e.getValue().split(":"))
                .filter(parts -> parts.length > 4 && !parts[3].isEmpty())
                .map(parts -> parts[3])
                .findFirst();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code http://127.0.0.1:PORT} */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port());
    }

    private void serve(HttpExchange exchange) throws IOException {
        try {
            String rawPath = exchange.getRequestURI().getRawPath();
            if (front.pageConfigJson().isPresent() && PAGE_CONFIG_PATH.equals(rawPath)
                    && isRead(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.getResponseHeaders().set("Cache-Control", "no-store");
                exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
                ProxyResponses.send(exchange, 200, front.pageConfigJson().get().getBytes(StandardCharsets.UTF_8));
                return;
            }
            String apiPath = rawPath.equals(API_PREFIX) || rawPath.startsWith(API_PREFIX + "/")
                    ? rawPath.substring(API_PREFIX.length()) : rawPath;
            ApiResources.Match match = ApiResources.match(apiPath);
            if (apiPath.equals(rawPath) && !match.isApiRoute() && staticFiles != null
                    && isRead(exchange.getRequestMethod())) {
                Optional<StaticFiles.StaticFile> file = staticFiles.find(rawPath);
                if (file.isPresent()) {
                    exchange.getResponseHeaders().set("Content-Type", file.get().contentType());
                    exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
                    // The page is self-contained: no inline code and nothing from other origins but the sign-in's
                    // token endpoint, so the browser can refuse the rest (what a CloudFront response-headers policy
                    // would send in front of S3).
                    exchange.getResponseHeaders().set("Content-Security-Policy", contentSecurityPolicy);
                    ProxyResponses.send(exchange, 200, file.get().content());
                    return;
                }
            }
            String requestId = UUID.randomUUID().toString();
            ApiGatewayAuthorization.Outcome outcome = match.isApiRoute()
                    ? front.authorization().authorize(exchange.getRequestMethod(), match.resource(), requestId,
                            name -> exchange.getRequestHeaders().getFirst(name))
                    : new ApiGatewayAuthorization.Allowed(null);
            if (outcome instanceof ApiGatewayAuthorization.Refused refused) {
                GatewayResponse response = refused.response();
                response.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
                ProxyResponses.send(exchange, response.status(), response.body().getBytes(StandardCharsets.UTF_8));
                return;
            }
            Map<String, Object> authorizer = ((ApiGatewayAuthorization.Allowed) outcome).authorizerContext();
            APIGatewayProxyResponseEvent response = handler.handleRequest(
                    requests.toEvent(exchange, apiPath, match, requestId, authorizer), null);
            ProxyResponses.write(exchange, response);
        } catch (IOException | RuntimeException e) {
            // The handler turns its own failures into responses; this is the adapter failing, as API Gateway's 502.
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            ProxyResponses.send(exchange, 502, ("{\"error\":\"UPSTREAM_ERROR\",\"message\":\"The local adapter failed:"
                    + " see its log.\",\"requestId\":null}").getBytes(StandardCharsets.UTF_8));
            System.err.println("LocalApiServer: " + e);
        }
    }

    private static boolean isRead(String method) {
        return "GET".equals(method) || "HEAD".equals(method);
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "local-api-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        for (AutoCloseable client : clients) {
            try {
                client.close();
            } catch (Exception e) {
                // Closing an SDK client only releases connections; nothing to recover.
            }
        }
    }
}
