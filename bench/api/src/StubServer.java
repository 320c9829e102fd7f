import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

/**
 * A loopback HTTP server answering like Personalize's runtime and events APIs, for the trial JVMs' real SDK clients:
 * 25 recommendations, a ranking of movies 1-10, and an empty PutEvents answer.
 */
final class StubServer implements AutoCloseable {
    private static final byte[] RECOMMENDATIONS = items("itemList", 25);
    private static final byte[] RANKING = items("personalizedRanking", 10);
    private static final byte[] EMPTY = "{}".getBytes(StandardCharsets.UTF_8);

    private final HttpServer server;

    private StubServer(HttpServer server) {
        this.server = server;
    }

    static StubServer start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.setExecutor(Executors.newFixedThreadPool(2));
        server.createContext("/", StubServer::answer);
        server.start();
        return new StubServer(server);
    }

    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static void answer(HttpExchange exchange) throws IOException {
        exchange.getRequestBody().readAllBytes();
        byte[] body = answer(exchange.getRequestURI().getPath());
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** Personalize's answer to the operation at {@code path}. */
    static byte[] answer(String path) {
        return switch (path) {
            case "/recommendations" -> RECOMMENDATIONS;
            case "/personalize-ranking" -> RANKING;
            default -> EMPTY;
        };
    }

    private static byte[] items(String field, int count) {
        StringBuilder json = new StringBuilder("{\"recommendationId\":\"RID-stub\",\"").append(field).append("\":[");
        for (int i = 1; i <= count; i++) {
            json.append(i > 1 ? "," : "").append("{\"itemId\":\"").append(i).append("\",\"score\":").append(1.0 / i).append('}');
        }
        return json.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
