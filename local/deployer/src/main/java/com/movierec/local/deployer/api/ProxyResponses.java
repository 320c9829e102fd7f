package com.movierec.local.deployer.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Writes a Lambda proxy response back as API Gateway does: status, both header maps, the body as UTF-8; and any
 * local server's answer ({@link #send}).
 */
public final class ProxyResponses {
    /** The server frames the body itself; a handler's own values would contradict it. */
    private static final List<String> FRAMING_HEADERS = List.of("content-length", "transfer-encoding", "connection");

    private ProxyResponses() {
    }

    static void write(HttpExchange exchange, APIGatewayProxyResponseEvent response) throws IOException {
        Headers out = exchange.getResponseHeaders();
        Map<String, List<String>> multi = response.getMultiValueHeaders();
        if (multi != null) {
            multi.forEach((name, values) -> {
                if (!isFraming(name) && values != null) {
                    values.forEach(value -> out.add(name, value));
                }
            });
        }
        Map<String, String> single = response.getHeaders();
        if (single != null) {
            // API Gateway lets the single-value map win over a multi-value entry of the same name.
            single.forEach((name, value) -> {
                if (!isFraming(name) && value != null) {
                    out.set(name, value);
                }
            });
        }
        int status = response.getStatusCode() == null ? 200 : response.getStatusCode();
        send(exchange, status, bodyBytes(response));
    }

    /** Sends {@code body} with an exact Content-Length; no body at all for HEAD, 204 and 304. */
    public static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        boolean bodyless = "HEAD".equals(exchange.getRequestMethod()) || status == 204 || status == 304;
        if (bodyless || body.length == 0) {
            // -1: no body and Content-Length 0; 0 would mean chunked.
            exchange.sendResponseHeaders(status, -1);
        } else {
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream stream = exchange.getResponseBody()) {
                stream.write(body);
            }
        }
        exchange.close();
    }

    private static byte[] bodyBytes(APIGatewayProxyResponseEvent response) {
        String body = response.getBody();
        if (body == null) {
            return new byte[0];
        }
        return Boolean.TRUE.equals(response.getIsBase64Encoded())
                ? Base64.getDecoder().decode(body) : body.getBytes(StandardCharsets.UTF_8);
    }

    private static boolean isFraming(String name) {
        return FRAMING_HEADERS.contains(name.toLowerCase(java.util.Locale.ROOT));
    }
}
