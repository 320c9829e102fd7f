package com.movierec.infra.api;

import java.util.List;

/**
 * The operations of lambdas/api/openapi.yaml, each a method on a resource of its own path (no {@code {proxy+}}), so
 * API Gateway answers unknown paths itself and logs the route template, never a path with its ids.
 */
final class ApiRoutes {
    /**
     * @param httpMethod GET or POST
     * @param path       the OpenAPI path, e.g. /users/{userId}/recommendations
     * @param isPublic   callable without an API key or signature (only the API's own document)
     */
    record Route(String httpMethod, String path, boolean isPublic) {
    }

    static final String OPENAPI_DOCUMENT = "/openapi.yaml";

    static final List<Route> ALL = List.of(
            new Route("GET", "/users/{userId}/recommendations", false),
            new Route("POST", "/users/{userId}/rankings", false),
            new Route("GET", "/movies/popular", false),
            new Route("GET", "/movies/{movieId}", false),
            new Route("GET", "/movies/{movieId}/similar", false),
            new Route("POST", "/events", false),
            new Route("GET", OPENAPI_DOCUMENT, true));

    private ApiRoutes() {
    }
}
