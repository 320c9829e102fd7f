import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;

/**
 * One trial in a fresh JVM: create the handler as Lambda's runtime does (by class name, no-arg constructor), handle
 * one request, print {@code FIRST_RESPONSE <status>} and exit. The driver times the JVM from start to that line.
 *
 * <pre>java -cp CLASSPATH FirstRequest hello|hello-logging|api|api-inprocess|api-primed|api-unprimed</pre>
 *
 * Every mode also prints in-JVM timings: constructor, SnapStart priming (api-primed only), the first request after
 * them (with api-primed/api-unprimed: what a SnapStart restore starts from with and without priming), and the
 * process's CPU time (user + system, all threads) read after the response line, so it is not part of the timed span.
 */
public final class FirstRequest {
    public static void main(String[] args) throws Exception {
        String mode = args[0];
        long started = System.nanoTime();
        RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> handler = switch (mode) {
            case "hello" -> byName("HelloHandler");
            case "hello-logging" -> byName("HelloLoggingHandler");
            case "api", "api-primed", "api-unprimed" -> byName("com.movierec.api.ApiHandler");
            case "api-inprocess" -> ApiModes.withStubClients();
            default -> throw new IllegalArgumentException("unknown mode " + mode);
        };
        long constructed = System.nanoTime();
        if (mode.equals("api-primed")) {
            ApiModes.prime(handler);
        }
        long primed = System.nanoTime();
        APIGatewayProxyResponseEvent response = handler.handleRequest(BenchRequests.userRecommendations(), null);
        long answered = System.nanoTime();
        System.out.println("FIRST_RESPONSE " + response.getStatusCode());
        System.out.println("IN_JVM_NANOS init=" + (constructed - started) + " prime=" + (primed - constructed)
                + " first=" + (answered - primed) + " cpu=" + cpuNanos());
        System.out.flush();
    }

    /** CPU time of the whole process so far (user + system, every JVM thread), read after the response is out. */
    private static long cpuNanos() {
        return ProcessHandle.current().info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(-1L);
    }

    @SuppressWarnings("unchecked")
    private static RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> byName(String name)
            throws ReflectiveOperationException {
        return (RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent>)
                Class.forName(name).getConstructor().newInstance();
    }
}
