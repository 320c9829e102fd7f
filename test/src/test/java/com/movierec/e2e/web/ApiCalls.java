package com.movierec.e2e.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The same API the page calls, asked directly over HTTP: what the page shows is checked against these answers. */
final class ApiCalls {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI endpoint;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** The Authorization header's value (a user pool's ID token), or null for a stage without sign-in. */
    private final java.util.function.Supplier<String> authorization;

    ApiCalls(URI endpoint) {
        this(endpoint, () -> null);
    }

    /** Calls as a signed-in user: {@code idToken} gives the ID token each request sends in Authorization. */
    ApiCalls(URI endpoint, java.util.function.Supplier<String> idToken) {
        this.endpoint = endpoint;
        this.authorization = idToken;
    }

    /** A movie as the API describes it. */
    record ApiMovie(String movieId, String title, Integer year, List<String> genres, Double score) {
        static ApiMovie of(JsonNode node) {
            List<String> genres = new ArrayList<>();
            node.path("genres").forEach(genre -> genres.add(genre.asText()));
            return new ApiMovie(node.path("movieId").asText(), node.path("title").asText(),
                    node.path("year").isNumber() ? node.path("year").asInt() : null, List.copyOf(genres),
                    node.path("score").isNumber() ? node.path("score").asDouble() : null);
        }
    }

    /** An answer: its status and JSON body. */
    record Answer(int status, JsonNode body) {
        List<ApiMovie> items() {
            List<ApiMovie> items = new ArrayList<>();
            body.path("items").forEach(item -> items.add(ApiMovie.of(item)));
            return items;
        }

        List<String> titles() {
            return items().stream().map(ApiMovie::title).toList();
        }

        List<String> movieIds() {
            return items().stream().map(ApiMovie::movieId).toList();
        }
    }

    /** GET /users/{userId}/recommendations, as the page asks for them (25, optionally in a genre). */
    Answer recommendations(String userId, String genre) {
        String query = "?count=25" + (genre == null ? "" : "&genre=" + encode(genre));
        return get("/users/" + encode(userId) + "/recommendations" + query);
    }

    Answer similar(String movieId) {
        return get("/movies/" + encode(movieId) + "/similar?count=10");
    }

    Answer movie(String movieId) {
        return get("/movies/" + encode(movieId));
    }

    Answer popular(int count) {
        return get("/movies/popular?count=" + count);
    }

    Answer get(String pathAndQuery) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(endpoint + pathAndQuery))
                .timeout(Duration.ofSeconds(10)).header("Accept", "application/json").GET();
        String token = authorization.get();
        if (token != null) {
            builder.header("Authorization", token);
        }
        HttpRequest request = builder.build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), JSON.readTree(response.body()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A path segment or query value as the page's encodeURIComponent writes it (a space is %20, not +). */
    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
