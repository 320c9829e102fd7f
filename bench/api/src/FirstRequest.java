import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;

/**
 * One trial in a fresh JVM: create the handler as Lambda's runtime does (by class name, no-arg constructor), handle
 * one request, print {@code FIRST_RESPONSE <status>} and exit. The driver times the JVM from start to that line.
 *
 * <pre>java -cp CLASSPATH FirstRequest hello|hello-logging|api|api-inprocess|api-primed|api-unprimed</pre>
 *
 * api-primed/api-unprimed also print in-JVM timings: constructor, SnapStart priming (api-primed only) and the first
 * request after them, i.e. what a SnapStart restore starts from with and without priming.
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
                + " first=" + (answered - primed));
        System.out.flush();
    }

    @SuppressWarnings("unchecked")
    private static RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> byName(String name)
            throws ReflectiveOperationException {
        return (RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent>)
                Class.forName(name).getConstructor().newInstance();
    }
}
