package com.movierec.dataprep.download;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for files.grouplens.org on 127.0.0.1: serves the files a test registers under
 * {@code /datasets/movielens/}, answers 404 for anything else, and counts every request so tests can prove the cache
 * was used.
 */
final class LocalGrouplens implements AutoCloseable {
    private static final String PREFIX = "/datasets/movielens/";

    private sealed interface Answer permits Body, Status, Hang { }

    private record Body(byte[] bytes) implements Answer { }

    private record Status(int code) implements Answer { }

    private record Hang() implements Answer { }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
    private final AtomicInteger totalRequests = new AtomicInteger();
    private final CountDownLatch released = new CountDownLatch(1);

    private LocalGrouplens() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    static LocalGrouplens start() {
        try {
            return new LocalGrouplens();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A loopback URL on which nothing listens, so connecting is refused. */
    static URI closedPortUrl() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort() + PREFIX);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + PREFIX);
    }

    LocalGrouplens serve(String name, byte[] bytes) {
        answers.put(name, new Body(bytes));
        return this;
    }

    LocalGrouplens serve(String name, String text) {
        return serve(name, text.getBytes(StandardCharsets.US_ASCII));
    }

    LocalGrouplens status(String name, int code) {
        answers.put(name, new Status(code));
        return this;
    }

    /** Never answers {@code name} (until the server closes), to provoke a timeout. */
    LocalGrouplens hang(String name) {
        answers.put(name, new Hang());
        return this;
    }

    int requests(String name) {
        AtomicInteger count = requests.get(name);
        return count == null ? 0 : count.get();
    }

    int totalRequests() {
        return totalRequests.get();
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            totalRequests.incrementAndGet();
            String path = exchange.getRequestURI().getPath();
            String name = path.startsWith(PREFIX) ? path.substring(PREFIX.length()) : path;
            requests.computeIfAbsent(name, n -> new AtomicInteger()).incrementAndGet();
            Answer answer = answers.getOrDefault(name, new Status(404));
            switch (answer) {
                case Body body -> {
                    exchange.sendResponseHeaders(200, body.bytes().length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(body.bytes());
                    }
                }
                case Status status -> exchange.sendResponseHeaders(status.code(), -1);
                case Hang hang -> awaitRelease();
            }
        }
    }

    private void awaitRelease() {
        try {
            released.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
