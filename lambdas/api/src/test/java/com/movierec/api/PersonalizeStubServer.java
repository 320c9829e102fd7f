package com.movierec.api;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A local HTTP server that answers like Personalize's runtime and events APIs (REST-JSON: POST /recommendations,
 * /personalize-ranking, /events), so the real SDK clients marshal, sign, send and unmarshal against it.
 */
final class PersonalizeStubServer implements AutoCloseable {
    record Received(String path, Map<String, List<String>> headers, String body) {
    }

    record Reply(int status, String errorType, String body) {
        static Reply ok(String body) {
            return new Reply(200, null, body);
        }

        static Reply error(int status, String errorType) {
            return new Reply(status, errorType, "{\"message\":\"" + errorType + " from the stub\"}");
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, Reply> replies = new ConcurrentHashMap<>();

    PersonalizeStubServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::answer);
        server.start();
        reply("/recommendations", Reply.ok("{\"itemList\":[{\"itemId\":\"50\",\"score\":0.75},{\"itemId\":\"1\"}],"
                + "\"recommendationId\":\"RID-stub-1\"}"));
        reply("/personalize-ranking", Reply.ok("{\"personalizedRanking\":[{\"itemId\":\"12\",\"score\":0.6},"
                + "{\"itemId\":\"1\",\"score\":0.4}],\"recommendationId\":\"RID-stub-2\"}"));
        reply("/events", Reply.ok("{}"));
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    void reply(String path, Reply reply) {
        replies.put(path, reply);
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    private void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        received.add(new Received(path, Map.copyOf(exchange.getRequestHeaders()),
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
        Reply reply = replies.getOrDefault(path, Reply.error(404, "UnknownOperationException"));
        byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.getResponseHeaders().set("x-amzn-RequestId", "stub-" + received.size());
        if (reply.errorType() != null) {
            exchange.getResponseHeaders().set("x-amzn-ErrorType", reply.errorType());
        }
        exchange.sendResponseHeaders(reply.status(), body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
