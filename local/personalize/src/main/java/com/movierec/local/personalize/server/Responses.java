package com.movierec.local.personalize.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.movierec.local.personalize.engine.ErrorType;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Writes answers: JSON bodies, and errors in the shape the SDK's error unmarshallers read. */
public final class Responses {
    private static final String ERROR_TYPE_HEADER = "x-amzn-ErrorType";

    private Responses() {
    }

    public static void json(HttpExchange exchange, Protocol protocol, int status, JsonNode body) throws IOException {
        send(exchange, protocol.contentType(), status, Json.bytes(body));
    }

    /**
     * An error: the type in {@code x-amzn-ErrorType} (which the SDK reads first) and in the body's {@code __type},
     * the text in {@code message}.
     */
    public static void error(HttpExchange exchange, Protocol protocol, ErrorType type, String message)
            throws IOException {
        error(exchange, protocol, protocol.status(type), type.shapeName(), message);
    }

    public static void error(HttpExchange exchange, Protocol protocol, int status, String type, String message)
            throws IOException {
        exchange.getResponseHeaders().set(ERROR_TYPE_HEADER, type);
        ObjectNode body = Json.object().put("__type", type);
        body.put("message", message);
        json(exchange, protocol, status, body);
    }

    public static void send(HttpExchange exchange, String contentType, int status, byte[] body) throws IOException {
        var headers = exchange.getResponseHeaders();
        headers.set("Content-Type", contentType);
        ThreadLocalRandom random = ThreadLocalRandom.current();
        headers.set("x-amzn-RequestId", new UUID(random.nextLong(), random.nextLong()).toString());
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
