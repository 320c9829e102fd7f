package com.movierec.local.deployer.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.movierec.local.deployer.deploy.DeployOptions;
import com.movierec.local.deployer.deploy.LocalDeployer;
import com.movierec.local.deployer.testing.GeneratedMovieData;
import com.movierec.local.deployer.testing.LocalEngine;
import com.movierec.local.deployer.testing.RecordingListener;
import com.movierec.local.deployer.testing.SynthesizedDev;
import com.movierec.schemas.DatasetType;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real dev stage deployed into personalize-local, and the API handler called over real HTTP through
 * {@link LocalApiServer} with the deployed environment: every endpoint kind, an event the unwatched filter honours
 * at once, the error shape, and destroy leaving the engine empty.
 */
class LocalApiServerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String KNOWN_USER = "7";

    @TempDir
    static Path tmp;
    private static LocalEngine engine;
    private static final LocalDeployer DEPLOYER = new LocalDeployer();
    private static DeployOptions options;
    private static LocalApiServer api;

    @BeforeAll
    static void deployAndServe() throws IOException {
        engine = LocalEngine.start(tmp.resolve("s3"));
        options = engine.options(new RecordingListener());
        DEPLOYER.deploy(SynthesizedDev.base(), SynthesizedDev.STAGE, options);
        Path data = GeneratedMovieData.write(tmp.resolve("prepared"));
        Path knownUsers = Files.write(tmp.resolve("known-users.txt"),
                userIds(data.resolve(DatasetType.INTERACTIONS.csvFileName())));
        Files.createDirectories(tmp.resolve("web"));
        Files.writeString(tmp.resolve("web/index.html"), "<h1>movierec</h1>");
        Files.writeString(tmp.resolve("secret.txt"), "outside the web root");
        api = LocalApiServer.start(engine.apiCredentials(), DEPLOYER.deployedApiEnvironment(), engine.server.endpoint(),
                data.resolve(DatasetType.ITEMS.csvFileName()), knownUsers, SynthesizedDev.STAGE, 0,
                tmp.resolve("web"));
    }

    @AfterAll
    static void destroy() {
        try {
            api.close();
            DEPLOYER.destroy(SynthesizedDev.base(), SynthesizedDev.STAGE, options);
            assertThat(engine.resources()).isEmpty();
        } finally {
            engine.close();
        }
    }

    @Test
    void popularMoviesAreCatalogItemsWithScores() throws Exception {
        HttpResponse<String> response = get("/movies/popular?count=5");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        JsonNode items = JSON.readTree(response.body()).path("items");
        assertThat(items).hasSize(5).allSatisfy(item -> assertThat(item.has("movieId") && item.has("title")
                && item.path("genres").isArray() && item.has("score")).isTrue());
    }

    @Test
    void aWatchedRecommendationDisappearsAtOnce() throws Exception {
        String recommendations = "/users/" + KNOWN_USER + "/recommendations?count=10";
        JsonNode before = JSON.readTree(get(recommendations).body());
        assertThat(before.path("fallback").asBoolean(true)).isFalse();
        assertThat(before.path("items")).isNotEmpty();
        String watched = before.path("items").get(0).path("movieId").asText();

        HttpResponse<String> event = post("/events",
                "{\"userId\":\"" + KNOWN_USER + "\",\"movieId\":\"" + watched + "\",\"eventType\":\"Watch\"}");
        HttpResponse<String> after = get(recommendations);

        assertThat(event.statusCode()).isEqualTo(202);
        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(after.body()).path("items")).isNotEmpty()
                .extracting(item -> item.path("movieId").asText()).doesNotContain(watched);
    }

    @Test
    void similarMoviesAndTheDocumentAreServed() throws Exception {
        HttpResponse<String> similar = get("/movies/1/similar?count=5");
        HttpResponse<String> document = get("/openapi.yaml");

        assertThat(similar.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(similar.body()).path("items")).isNotEmpty();
        assertThat(document.statusCode()).isEqualTo(200);
        assertThat(document.body()).contains("openapi:");
        assertThat(document.headers().firstValueAsLong("Content-Length"))
                .hasValue(document.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
    }

    @Test
    void errorsAreTheApisJson() throws Exception {
        assertError(get("/movies/9999"), 404, "NOT_FOUND");
        assertError(get("/users/%2e%2e/recommendations"), 400, "BAD_REQUEST");
        assertError(get("/users/" + "u".repeat(257) + "/recommendations"), 400, "BAD_REQUEST");
        assertError(get("/movies/popular?count=1&count=2"), 400, "BAD_REQUEST");
        assertError(get("/no/such/path"), 404, "NOT_FOUND");
    }

    @Test
    void staticFilesStayInsideTheirDirectory() throws Exception {
        HttpResponse<String> page = get("/");
        assertThat(page.body()).isEqualTo("<h1>movierec</h1>");
        assertThat(page.headers().firstValue("Content-Security-Policy"))
                .hasValue(LocalApiServer.CONTENT_SECURITY_POLICY);
        assertError(get("/%2e%2e/secret.txt"), 404, "NOT_FOUND");
        assertError(get("/..%2fsecret.txt"), 404, "NOT_FOUND");
    }

    private static void assertError(HttpResponse<String> response, int status, String code) throws IOException {
        assertThat(response.statusCode()).as(response.uri().toString()).isEqualTo(status);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("error").asText()).isEqualTo(code);
        assertThat(body.path("message").asText()).isNotBlank();
        assertThat(body.path("requestId").asText()).isNotBlank();
    }

    private static HttpResponse<String> get(String pathAndQuery) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri(pathAndQuery)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String path, String json) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + api.port() + pathAndQuery);
    }

    /** The first column of interactions.csv (USER_ID), without the header: the users the model was trained on. */
    private static List<String> userIds(Path interactions) throws IOException {
        try (Stream<String> lines = Files.lines(interactions)) {
            return lines.skip(1).map(line -> line.substring(0, line.indexOf(','))).distinct().toList();
        }
    }
}
