import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Warm per-request time of the handler: after a warm-up, times each of REQUESTS requests (the BenchRequests mix,
 * logging on) and writes p50, p99, p99.9, max and mean in microseconds to OUT_FILE.
 *
 * <pre>java -cp CLASSPATH WarmOverhead inprocess|sdk|loopback REQUESTS WARMUP OUT_FILE</pre>
 *
 * inprocess: stub Personalize clients answer at once, so every microsecond is the API's own work.
 * sdk: the real SDK clients with an in-process HTTP answer: the API's work plus the SDK's, no socket.
 * loopback: the real SDK clients over HTTP to the driver's loopback stub server (adds a local TCP round trip).
 */
public final class WarmOverhead {
    public static void main(String[] args) throws Exception {
        String mode = args[0];
        int requests = Integer.parseInt(args[1]);
        int warmup = Integer.parseInt(args[2]);
        RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> handler = switch (mode) {
            case "inprocess" -> ApiModes.withStubClients();
            case "sdk" -> ApiModes.withSdkInProcess();
            case "loopback" -> new com.movierec.api.ApiHandler();
            default -> throw new IllegalArgumentException("unknown mode " + mode);
        };
        List<APIGatewayProxyRequestEvent> mix = BenchRequests.mix();

        for (int i = 0; i < warmup; i++) {
            check(handler.handleRequest(mix.get(i % mix.size()), null));
        }
        long[] nanos = new long[requests];
        for (int i = 0; i < requests; i++) {
            APIGatewayProxyRequestEvent event = mix.get(i % mix.size());
            long start = System.nanoTime();
            APIGatewayProxyResponseEvent response = handler.handleRequest(event, null);
            nanos[i] = System.nanoTime() - start;
            check(response);
        }
        Arrays.sort(nanos);
        double mean = Arrays.stream(nanos).average().orElse(0);
        String line = String.format(java.util.Locale.ROOT, "p50=%.1f p99=%.1f p999=%.1f max=%.1f mean=%.1f n=%d%n",
                at(nanos, 0.50), at(nanos, 0.99), at(nanos, 0.999), nanos[nanos.length - 1] / 1e3, mean / 1e3, requests);
        Files.writeString(Path.of(args[3]), line);
    }

    private static double at(long[] sorted, double quantile) {
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1)] / 1e3;
    }

    private static void check(APIGatewayProxyResponseEvent response) {
        if (response.getStatusCode() >= 300) {
            throw new IllegalStateException("the benchmark request failed: " + response.getStatusCode() + " " + response.getBody());
        }
    }
}
