import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import java.util.List;
import java.util.Map;

/** The API Gateway events the benchmark sends, as a REST API with one resource per path sends them. */
final class BenchRequests {
    private BenchRequests() {
    }

    static APIGatewayProxyRequestEvent userRecommendations() {
        return get("/users/{userId}/recommendations", "/users/42/recommendations", Map.of("userId", "42"), Map.of("count", "25"));
    }

    /** One of each endpoint, recommendations twice: the mix of the warm loop. */
    static List<APIGatewayProxyRequestEvent> mix() {
        return List.of(
                userRecommendations(),
                get("/users/{userId}/recommendations", "/users/7/recommendations", Map.of("userId", "7"), Map.of("genre", "Comedy", "count", "10")),
                get("/movies/{movieId}/similar", "/movies/1/similar", Map.of("movieId", "1"), Map.of("count", "10")),
                get("/movies/popular", "/movies/popular", null, null),
                get("/movies/{movieId}", "/movies/50", Map.of("movieId", "50"), null),
                post("/users/{userId}/rankings", "/users/42/rankings", Map.of("userId", "42"),
                        "{\"movieIds\":[\"1\",\"2\",\"3\",\"4\",\"5\",\"6\",\"7\",\"8\",\"9\",\"10\"]}"),
                post("/events", "/events", null, "{\"userId\":\"42\",\"movieId\":\"50\",\"eventType\":\"Click\"}"));
    }

    private static APIGatewayProxyRequestEvent get(String resource, String path, Map<String, String> pathParameters,
            Map<String, String> query) {
        return event("GET", resource, path, pathParameters, query, null);
    }

    private static APIGatewayProxyRequestEvent post(String resource, String path, Map<String, String> pathParameters,
            String body) {
        return event("POST", resource, path, pathParameters, null, body);
    }

    private static APIGatewayProxyRequestEvent event(String method, String resource, String path,
            Map<String, String> pathParameters, Map<String, String> query, String body) {
        APIGatewayProxyRequestEvent.ProxyRequestContext context = new APIGatewayProxyRequestEvent.ProxyRequestContext();
        context.setRequestId("bench-request");
        context.setStage("bench");
        return new APIGatewayProxyRequestEvent().withHttpMethod(method).withResource(resource).withPath(path)
                .withPathParameters(pathParameters).withQueryStringParameters(query).withBody(body)
                .withHeaders(Map.of("Content-Type", "application/json", "Origin", "https://app.movierec.example"))
                .withIsBase64Encoded(false).withRequestContext(context);
    }
}
