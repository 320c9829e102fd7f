package com.movierec.lifecycle.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A WaitCondition handle's URL on 127.0.0.1: records every request and answers with a chosen status. */
public final class SignalServer implements AutoCloseable {
    /** One request as the server saw it; a header that was not sent is null. */
    public record Received(String method, String pathAndQuery, String contentType, String body) {
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile int status = 200;
    private volatile String responseBody = "";

    public SignalServer() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                    exchange.getRequestHeaders().getFirst("Content-Type"), body));
            byte[] answer = responseBody.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, answer.length == 0 ? -1 : answer.length);
            if (answer.length > 0) {
                exchange.getResponseBody().write(answer);
            }
            exchange.close();
        });
        server.start();
    }

    /** A presigned-looking URL on this server: the query is the secret that must never reach a log. */
    public String signalUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/arn%3Aaws%3Acloudformation%3Aus-east-1%3A"
                + "123456789012%3Astack/movierec-dev-personalize/5b6d1c70/TrainingWaitHandle"
                + "?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Signature=0f1e2d3c4b5a69788796a5b4c3d2e1f0secret";
    }

    public void answer(int status, String body) {
        this.status = status;
        this.responseBody = body;
    }

    public List<Received> received() {
        return received;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
