package com.movierec.api;

import com.movierec.api.http.ApiException;
import com.movierec.api.http.ApiRequest;
import com.movierec.api.http.ApiResponse;
import com.movierec.api.http.Cors;
import com.movierec.api.http.ErrorCode;
import com.movierec.api.http.ErrorResponse;
import com.movierec.api.log.JsonLog;
import java.util.Map;

/**
 * Finds the endpoint of a request and turns every outcome into a response: the operation's, a JSON error for what
 * the client got wrong, 503/502/429 for Personalize, and INTERNAL_ERROR (logged with its stack) for our own defects.
 */
final class Router {
    private static final Endpoint[] ENDPOINTS = Endpoint.values();

    private final Operations operations;
    private final Cors cors;

    Router(Operations operations, Cors cors) {
        this.operations = operations;
        this.cors = cors;
    }

    /** The response, and the route template (or "unmatched") and error code for the request log. */
    record Outcome(String route, ApiResponse response, ErrorCode error) {
    }

    Outcome route(ApiRequest request) {
        String route = "unmatched";
        ApiResponse response;
        ErrorCode error = null;
        try {
            Endpoint.Match match = match(request);
            if (match == null) {
                throw ApiException.notFound("There is no endpoint at this path; see GET /openapi.yaml.");
            }
            route = match.endpoint().template();
            response = dispatch(match, request);
        } catch (ApiException e) {
            error = e.code();
            response = ErrorResponse.of(e, request.requestId());
        } catch (RuntimeException e) {
            JsonLog.error("Request failed inside the API on route " + route, e, "route", route);
            error = ErrorCode.INTERNAL_ERROR;
            response = ErrorResponse.of(error, "Something went wrong on our side; it has been logged.",
                    request.requestId());
        }
        return new Outcome(route, response.withHeaders(cors.headersFor(request)), error);
    }

    private ApiResponse dispatch(Endpoint.Match match, ApiRequest request) {
        String method = request.method();
        String allowed = match.endpoint().method() + ", OPTIONS";
        if ("OPTIONS".equals(method)) {
            return cors.preflight(request, allowed);
        }
        if (!match.endpoint().method().equals(method)) {
            throw new ApiException(ErrorCode.METHOD_NOT_ALLOWED,
                    "This path answers " + match.endpoint().method() + " only.", Map.of("Allow", allowed));
        }
        return operations.handle(match, request);
    }

    /**
     * API Gateway names the resource it matched, and decodes its path parameters: use them when the resource is one
     * of ours. Otherwise ({proxy+}, the local adapter) match the raw path.
     */
    private static Endpoint.Match match(ApiRequest request) {
        String resource = request.resource();
        for (Endpoint endpoint : ENDPOINTS) {
            if (endpoint.template().equals(resource)) {
                String name = endpoint.parameterName();
                return new Endpoint.Match(endpoint, name == null ? null : request.pathParameter(name));
            }
        }
        String[] segments = PathSegments.of(request.path());
        for (Endpoint endpoint : ENDPOINTS) {
            Endpoint.Match match = endpoint.match(segments);
            if (match != null) {
                return match;
            }
        }
        return null;
    }
}
