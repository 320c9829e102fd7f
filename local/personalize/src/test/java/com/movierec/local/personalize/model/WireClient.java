package com.movierec.local.personalize.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * Sends a request as the service's protocol puts it on the wire: AWS JSON 1.1 as {@code POST /} with
 * {@code X-Amz-Target: <prefix>.<Operation>}, REST-JSON to the operation's method and path, the body as JSON.
 */
final class WireClient {
    /** An answer: its status, error code ({@code x-amzn-ErrorType}, null on success) and body. */
    record Answer(int status, String errorType, String body) {
        String message() {
            try {
                return MAPPER.readTree(body).path("message").asText("");
            } catch (IOException e) {
                return body;
            }
        }
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private final URI endpoint;

    WireClient(URI endpoint) {
        this.endpoint = endpoint;
    }

    Answer send(ServiceModel service, ServiceModel.Operation operation, JsonNode body) {
        boolean awsJson = "json".equals(service.protocol());
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint.resolve(operation.requestUri()))
                .method(operation.httpMethod(), HttpRequest.BodyPublishers.ofByteArray(bytes(body)));
        if (awsJson) {
            request.header("Content-Type", "application/x-amz-json-1.1")
                    .header("X-Amz-Target", service.targetPrefix() + "." + operation.name());
        } else {
            request.header("Content-Type", "application/json");
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("x-amzn-ErrorType").orElse(null),
                    response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static byte[] bytes(JsonNode body) {
        try {
            return MAPPER.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
