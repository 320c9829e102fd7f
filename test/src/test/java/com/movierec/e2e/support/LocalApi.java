package com.movierec.e2e.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;

/** Real HTTP requests to the recommendations API served locally, answered as status, headers and JSON body. */
public final class LocalApi {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final URI endpoint;

    public LocalApi(URI endpoint) {
        this.endpoint = endpoint;
    }

    /** One answer of the API. */
    public record Answer(int status, JsonNode body, HttpResponse<String> raw) {
        /** The movieIds of a list answer's items, in order. */
        public List<String> movieIds() {
            return items().stream().map(item -> item.path("movieId").asText()).toList();
        }

        public List<JsonNode> items() {
            List<JsonNode> items = new java.util.ArrayList<>();
            body.path("items").forEach(items::add);
            return items;
        }

        public Optional<String> header(String name) {
            return raw.headers().firstValue(name);
        }
    }

    public Answer get(String pathAndQuery) {
        return send(HttpRequest.newBuilder(endpoint.resolve(pathAndQuery)).GET().build());
    }

    public Answer post(String path, Object body) {
        try {
            return send(HttpRequest.newBuilder(endpoint.resolve(path)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Answer send(HttpRequest request) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode body = response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
            return new Answer(response.statusCode(), body, response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
