package com.movierec.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.movierec.e2e.support.LocalApi;
import com.movierec.e2e.support.ScriptRun;
import com.movierec.local.personalize.engine.Delays;
import com.movierec.local.deployer.deploy.DeployListener;
import com.movierec.local.deployer.run.LocalRun;
import com.movierec.local.deployer.run.RunSettings;
import com.movierec.local.deployer.testing.RepositoryRoot;
import com.movierec.local.deployer.testing.SynthesizedDev;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/smoke-test, the pipeline's post-deploy check, run as the pipeline runs it (a process, bash and curl) against the
 * dev stage deployed locally by {@link LocalRun}: it passes, and it fails with one line naming the call, the status
 * and the body on a wrong URL, a stopped server, and a user the model does not know. A stand-in server covers what the
 * local product never answers: an empty list, and the credentials the script sends.
 */
class SmokeTestScriptTest {
    private static final Path SCRIPT = RepositoryRoot.find().resolve("bin/smoke-test");
    private static final Pattern PASSED_CALL =
            Pattern.compile("ok {3}GET (\\S+): 200, 5 items, \\d+ ms");

    @TempDir
    static Path tmp;
    private static LocalRun run;
    private static String endpoint;

    @BeforeAll
    static void startTheProduct() {
        run = LocalRun.start(RunSettings.of(SynthesizedDev.base().directory(), tmp.resolve("s3"))
                .withEngineDelays(Delays.NONE), DeployListener.NONE);
        endpoint = run.apiEndpoint().toString();
    }

    @AfterAll
    static void stop() {
        if (run != null) {
            run.close();
        }
    }

    @Test
    void passesAgainstTheDeployedStageWithOneLinePerCallAndItsLatency() {
        ScriptRun result = smokeTest(Map.of(), endpoint);

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.stderr()).isEmpty();
        List<String> lines = result.stdout().lines().toList();
        assertThat(lines).hasSize(4);
        String firstMovie = new LocalApi(run.apiEndpoint()).get("/users/1/recommendations?count=5").movieIds().get(0);
        assertThat(lines.subList(0, 3)).allMatch(line -> PASSED_CALL.matcher(line).matches());
        assertThat(lines.get(0)).startsWith("ok   GET /users/1/recommendations?count=5: ");
        assertThat(lines.get(1)).startsWith("ok   GET /movies/" + firstMovie + "/similar?count=5: ");
        assertThat(lines.get(2)).startsWith("ok   GET /movies/popular?count=5: ");
        assertThat(lines.get(3)).isEqualTo("smoke-test: passed against " + endpoint.replaceAll("/$", ""));
    }

    @Test
    void aTrailingSlashAndAnApiKeyChangeNothing() {
        ScriptRun result = smokeTest(Map.of(), endpoint + "/", "not-checked-locally");

        assertThat(result.exitCode()).as(result.toString()).isZero();
    }

    @Test
    void aWrongPathFailsOnTheFirstCallWithItsStatusAndBody() {
        ScriptRun result = smokeTest(Map.of(), endpoint + "/wrong-stage");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stdout()).isEmpty();
        assertThat(result.stderr().lines()).singleElement().asString()
                .startsWith("smoke-test: FAIL GET /users/1/recommendations?count=5: status 404, body: {")
                .contains("\"error\"");
    }

    @Test
    void aUserTheModelDoesNotKnowFailsBecauseTheAnswerIsTheFallback() {
        ScriptRun result = smokeTest(Map.of("SMOKE_USER_ID", "no-such-user-4711"), endpoint);

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr().lines()).singleElement().asString().startsWith("smoke-test: FAIL GET "
                        + "/users/no-such-user-4711/recommendations?count=5: status 200 with the popular fallback: the "
                        + "model does not know user no-such-user-4711 (set SMOKE_USER_ID to a user of the training "
                        + "data), body: {")
                .contains("\"fallback\":true");
    }

    @Test
    void aStoppedServerFailsWithNoAnswer() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }

        ScriptRun result = smokeTest(Map.of(), "http://127.0.0.1:" + port);

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr().lines()).singleElement().asString()
                .startsWith("smoke-test: FAIL GET /users/1/recommendations?count=5: no answer (curl: (7) ")
                .endsWith("), body: (empty)");
    }

    @Test
    void wrongArgumentsExitWithTwoAndTheUsage() {
        ScriptRun result = smokeTest(Map.of());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stderr()).startsWith("usage: bin/smoke-test <api-url> [api-key]");
    }

    @Test
    void anEmptyListFailsTheCallThatAnsweredIt() throws IOException {
        try (StandIn api = new StandIn("{\"movieId\":\"50\",\"fallback\":false,\"items\":[]}")) {
            ScriptRun result = smokeTest(Map.of(), api.url());

            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.stdout().lines()).singleElement().asString()
                    .startsWith("ok   GET /users/1/recommendations?count=5: 200, 1 items, ");
            assertThat(result.stderr().lines()).containsExactly("smoke-test: FAIL GET /movies/50/similar?count=5: "
                    + "status 200 with no items, body: {\"movieId\":\"50\",\"fallback\":false,\"items\":[]}");
        }
    }

    @Test
    void theKeyGoesInXApiKeyAndIamAuthSignsEveryCallWithSigV4() throws IOException {
        try (StandIn api = new StandIn(null)) {
            assertThat(smokeTest(Map.of(), api.url(), "k3y-value").exitCode()).isZero();
            assertThat(api.headers).hasSize(3).allMatch(headers -> headers.contains("x-api-key=k3y-value"));

            api.headers.clear();
            ScriptRun signed = smokeTest(Map.of("SMOKE_SIGV4_REGION", "eu-west-1", "AWS_ACCESS_KEY_ID", "AKIDEXAMPLE",
                    "AWS_SECRET_ACCESS_KEY", "secret", "AWS_SESSION_TOKEN", "session-token"), api.url());

            assertThat(signed.exitCode()).as(signed.toString()).isZero();
            assertThat(api.headers).hasSize(3).allSatisfy(headers -> assertThat(headers)
                    .contains("authorization=AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/")
                    .contains("/eu-west-1/execute-api/aws4_request")
                    .contains("x-amz-security-token=session-token"));
        }
    }

    @Test
    void anIdTokenGoesInAuthorizationAsItIs() throws IOException {
        try (StandIn api = new StandIn(null)) {
            ScriptRun result = smokeTest(Map.of("SMOKE_ID_TOKEN", "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln"), api.url());

            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(api.headers).hasSize(3).allMatch(headers -> headers.contains(
                    "authorization=eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln"));
        }
    }

    /**
     * api.auth "jwt" in the pipeline: with the pool and the operators' client, the script creates a temporary user
     * acting as SMOKE_USER_ID, signs it in with the AWS CLI (here a recording stand-in for it on PATH), sends its ID
     * token, and deletes it at the end; the password never appears on a command line.
     */
    @Test
    void withAUserPoolATemporaryUserIsSignedInUsedAndDeleted() throws IOException {
        Path bin = fakeAwsCli("None\tid.token.of-the-temporary-user");
        try (StandIn api = new StandIn(null)) {
            ScriptRun result = smokeTest(cognito(bin), api.url());

            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(api.headers).hasSize(3).allMatch(headers -> headers.contains(
                    "authorization=id.token.of-the-temporary-user"));
        }
        List<String> calls = Files.readAllLines(bin.resolve("calls.log"));
        assertThat(calls).extracting(call -> call.split(" ")[1]).containsExactly("admin-create-user",
                "admin-set-user-password", "admin-initiate-auth", "admin-delete-user");
        assertThat(calls).allSatisfy(call -> assertThat(call).contains("--region eu-west-1").doesNotContain("Sm0ke-"));
        assertThat(calls.get(3)).contains("--user-pool-id eu-west-1_AbCdEf123 --username smoke-test-");
        String created = Files.readString(bin.resolve("admin-create-user.json"));
        assertThat(created).contains("\"MessageAction\": \"SUPPRESS\"")
                .contains("{\"Name\": \"custom:movierec_user_id\", \"Value\": \"7\"}");
        assertThat(Files.readString(bin.resolve("admin-initiate-auth.json")))
                .contains("\"ClientId\": \"4p3s2r1q0o9n8m7l6k5j4i3h2g\"")
                .contains("\"AuthFlow\": \"ADMIN_USER_PASSWORD_AUTH\"").contains("\"PASSWORD\": \"Sm0ke-");
    }

    @Test
    void aPoolThatAsksForMfaFailsTheStepAndStillDeletesTheUser() throws IOException {
        Path bin = fakeAwsCli("MFA_SETUP\tNone");

        ScriptRun result = smokeTest(cognito(bin), "http://127.0.0.1:9/dev/");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr().lines()).containsExactly("smoke-test: FAIL signing in a temporary user: Cognito "
                + "asked for MFA_SETUP (a pool that requires MFA cannot be smoke-tested this way)");
        assertThat(Files.readAllLines(bin.resolve("calls.log"))).last().asString().startsWith(
                "cognito-idp admin-delete-user ");
    }

    @Test
    void aMalformedUserPoolIdStopsBeforeAnyCall() {
        ScriptRun result = smokeTest(Map.of("SMOKE_COGNITO_USER_POOL_ID", "AbCdEf123", "SMOKE_COGNITO_CLIENT_ID",
                "4p3s2r1q0o9n8m7l6k5j4i3h2g"), "http://127.0.0.1:9/dev/");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stderr()).startsWith("smoke-test: SMOKE_COGNITO_USER_POOL_ID \"AbCdEf123\" is not a user "
                + "pool id");
    }

    /** The variables the pipeline's step sets, with {@code bin} first on PATH and SMOKE_USER_ID 7. */
    private static Map<String, String> cognito(Path bin) {
        return Map.of("SMOKE_COGNITO_USER_POOL_ID", "eu-west-1_AbCdEf123",
                "SMOKE_COGNITO_CLIENT_ID", "4p3s2r1q0o9n8m7l6k5j4i3h2g", "SMOKE_USER_ID", "7",
                "PATH", bin + ":" + System.getenv("PATH"));
    }

    /**
     * A directory with an {@code aws} that records each call's arguments in calls.log and its --cli-input-json file
     * as {@code <command>.json}, and answers admin-initiate-auth's text query with {@code signIn}.
     */
    private static Path fakeAwsCli(String signIn) throws IOException {
        Path bin = Files.createTempDirectory(tmp, "aws-cli");
        Path aws = bin.resolve("aws");
        Files.writeString(aws, String.join("\n",
                "#!/usr/bin/env bash",
                "dir=$(dirname \"$0\")",
                "echo \"$*\" >> \"$dir/calls.log\"",
                "for arg in \"$@\"; do",
                "  case $arg in file://*) cp \"${arg#file://}\" \"$dir/$2.json\" ;; esac",
                "done",
                "if [ \"$2\" = admin-initiate-auth ]; then printf '%s\\n' '" + signIn + "'; else echo '{}'; fi",
                ""));
        aws.toFile().setExecutable(true);
        return bin;
    }

    /** Runs bin/smoke-test as a process with {@code environment} added to this one's. */
    private static ScriptRun smokeTest(Map<String, String> environment, String... arguments) {
        List<String> command = new java.util.ArrayList<>(List.of(SCRIPT.toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().remove("SMOKE_USER_ID");
        builder.environment().remove("SMOKE_SIGV4_REGION");
        builder.environment().remove("SMOKE_ID_TOKEN");
        builder.environment().remove("SMOKE_COGNITO_USER_POOL_ID");
        builder.environment().remove("SMOKE_COGNITO_CLIENT_ID");
        builder.environment().remove("SMOKE_ID_TOKEN");
        builder.environment().remove("SMOKE_COGNITO_USER_POOL_ID");
        builder.environment().remove("SMOKE_COGNITO_CLIENT_ID");
        builder.environment().putAll(environment);
        return ScriptRun.of(builder, Duration.ofSeconds(90));
    }

    /**
     * An API on 127.0.0.1 that answers every user with one recommendation (movie 50), every similar-movies call with
     * {@code similar} (one movie when null) and popular with one movie, and records each request's headers.
     */
    private static final class StandIn implements AutoCloseable {
        private static final String ONE = "[{\"movieId\":\"%s\",\"title\":\"A\",\"year\":1977,\"genres\":[\"Drama\"],"
                + "\"score\":0.5}]";
        final List<String> headers = new CopyOnWriteArrayList<>();
        private final HttpServer server;

        StandIn(String similar) throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", exchange -> {
                headers.add(exchange.getRequestHeaders().entrySet().stream()
                        .map(h -> h.getKey().toLowerCase() + "=" + String.join(",", h.getValue())).sorted().toList()
                        .toString());
                String path = exchange.getRequestURI().getPath();
                String body = path.contains("/users/")
                        ? "{\"userId\":\"1\",\"fallback\":false,\"items\":" + ONE.formatted("50") + "}"
                        : path.endsWith("/similar") && similar != null ? similar
                        : "{\"fallback\":false,\"items\":" + ONE.formatted("7") + "}";
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, bytes.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            });
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/dev/";
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
