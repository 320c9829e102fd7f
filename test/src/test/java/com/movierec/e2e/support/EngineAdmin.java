package com.movierec.e2e.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * personalize-local's admin API over HTTP ({@code /_local/faults}, {@code /_local/delays}, {@code /_local/state}),
 * the way a developer or a CI script drives a running engine, rather than its Java calls.
 */
public final class EngineAdmin {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final URI endpoint;

    public EngineAdmin(URI engineEndpoint) {
        this.endpoint = engineEndpoint;
    }

    /** One resource of {@code GET /_local/state}. */
    public record EngineResource(String type, String name, String arn, String status, String failureReason) {
    }

    public void failNextImport(String failureReason) {
        post("/_local/faults", Map.of("failNextImport", failureReason));
    }

    public void failNextTraining(String failureReason) {
        post("/_local/faults", Map.of("failNextTraining", failureReason));
    }

    /** The next {@code requests} requests to any of the engine's APIs are throttled; 0 lifts it. */
    public void throttleNext(int requests) {
        post("/_local/faults", Map.of("throttleNext", requests));
    }

    /** How many throttled answers are still armed. */
    public int throttlesLeft() {
        return get("/_local/state").path("faults").path("throttleNext").asInt();
    }

    /** How long each transition takes from now on, in milliseconds. */
    public void delays(int createPendingMs, int createInProgressMs, int deletePendingMs, int deleteInProgressMs) {
        post("/_local/delays", Map.of("createPendingMs", createPendingMs, "createInProgressMs", createInProgressMs,
                "deletePendingMs", deletePendingMs, "deleteInProgressMs", deleteInProgressMs));
    }

    /** Every resource the engine holds, in any state: empty after a clean rollback or destroy. */
    public List<EngineResource> resources() {
        List<EngineResource> resources = new ArrayList<>();
        for (JsonNode r : get("/_local/state").path("resources")) {
            resources.add(new EngineResource(r.path("type").asText(), r.path("name").asText(), r.path("arn").asText(),
                    r.path("status").asText(), r.path("failureReason").asText(null)));
        }
        return resources;
    }

    /** The resources of one type ({@code campaign}, {@code filter}, ...). */
    public List<EngineResource> resources(String type) {
        return resources().stream().filter(r -> r.type().equals(type)).toList();
    }

    private JsonNode get(String path) {
        return send(HttpRequest.newBuilder(endpoint.resolve(path)).GET().build());
    }

    private JsonNode post(String path, Map<String, ?> body) {
        try {
            return send(HttpRequest.newBuilder(endpoint.resolve(path)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode send(HttpRequest request) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(request.uri() + " answered " + response.statusCode() + ": "
                        + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
