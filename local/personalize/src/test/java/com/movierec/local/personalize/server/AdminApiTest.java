package com.movierec.local.personalize.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.movierec.local.personalize.engine.Delays;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** personalize-local's own /_local API: state, faults, delays and reset over plain HTTP. */
class AdminApiTest {
    @TempDir
    Path s3;

    private LocalPersonalize local;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void start() {
        local = LocalPersonalize.start(s3, Delays.NONE);
    }

    @AfterEach
    void stop() {
        local.close();
    }

    @Test
    void stateListsEveryResourceWithItsStatusAndResetForgetsThem() throws Exception {
        assertThat(get("/_local/health").path("status").asText()).isEqualTo("ok");
        Provisioner p = new Provisioner(local);
        String group = p.datasetGroup("group");
        local.server.engine().delays(Delays.uniform(Duration.ofSeconds(30)));
        local.personalize.createFilter(r -> r.name("unwatched").datasetGroupArn(group)
                .filterExpression("EXCLUDE ItemID WHERE Interactions.EVENT_TYPE IN (\"Watch\")"));

        JsonNode resources = get("/_local/state").path("resources");
        assertThat(resources).hasSize(2);
        assertThat(resources.get(0).path("type").asText()).isEqualTo("dataset-group");
        assertThat(resources.get(0).path("status").asText()).isEqualTo("ACTIVE");
        assertThat(resources.get(1).path("arn").asText()).endsWith(":filter/unwatched");
        assertThat(resources.get(1).path("status").asText()).isEqualTo("CREATE PENDING");

        assertThat(post("/_local/reset", "{}").statusCode()).isEqualTo(200);
        assertThat(get("/_local/state").path("resources")).isEmpty();
        assertThat(local.personalize.listDatasetGroups(r -> { }).datasetGroups()).isEmpty();
    }

    @Test
    void faultsArmedOverHttpFireOnTheApis() throws Exception {
        HttpResponse<String> armed = post("/_local/faults",
                "{\"failNextImport\": \"disk full\", \"failNextTraining\": \"no GPU\", \"throttleNext\": 1}");
        assertThat(armed.statusCode()).isEqualTo(200);
        assertThat(json.readTree(armed.body()).path("throttleNext").asInt()).isEqualTo(1);
        assertThat(json.readTree(armed.body()).path("failNextImport").asText()).isEqualTo("disk full");

        HttpResponse<String> throttled = http.send(HttpRequest.newBuilder(uri("/"))
                .header("X-Amz-Target", "AmazonPersonalize.ListSchemas").POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(throttled.statusCode()).isEqualTo(400);
        assertThat(throttled.headers().firstValue("x-amzn-ErrorType")).hasValue("ThrottlingException");
        assertThat(get("/_local/state").path("faults").path("throttleNext").asInt()).isZero();
        assertThat(get("/_local/state").path("faults").path("failNextTraining").asText()).isEqualTo("no GPU");
    }

    @Test
    void delaysChangeByProfileOrByTransition() throws Exception {
        assertThat(json.readTree(post("/_local/delays", "{\"profile\": \"realistic\"}").body())
                .path("createInProgressMs").asLong()).isEqualTo(Delays.REALISTIC.createInProgress().toMillis());
        JsonNode custom = json.readTree(post("/_local/delays", "{\"createPendingMs\": 5}").body());
        assertThat(custom.path("createPendingMs").asLong()).isEqualTo(5);
        assertThat(local.server.engine().delays().createPending()).isEqualTo(Duration.ofMillis(5));
        assertThat(local.server.engine().delays().createInProgress()).isEqualTo(Delays.REALISTIC.createInProgress());

        HttpResponse<String> unknown = post("/_local/delays", "{\"profile\": \"glacial\"}");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("none, fast or realistic");
        assertThat(post("/_local/nothing-here", "{}").statusCode()).isEqualTo(404);
    }

    private JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri(path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create(local.server.endpoint() + path);
    }
}
