package com.movierec.local.deployer.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent.ProxyRequestContext;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the {@link APIGatewayProxyRequestEvent} a REST API with Lambda proxy integration would send for an HTTP
 * request: null rather than empty maps, the last value of a repeated header or query parameter in the single-value
 * maps, the body as UTF-8 text.
 */
final class ProxyRequests {
    private final String stage;

    ProxyRequests(String stage) {
        this.stage = stage;
    }

    /**
     * @param path       the request's path as the API sees it (without the page's {@code /api} prefix)
     * @param requestId  the request's id, as API Gateway's {@code requestContext.requestId}
     * @param authorizer {@code requestContext.authorizer} (a Cognito authorizer's {@code {"claims": ...}}), or null
     */
    APIGatewayProxyRequestEvent toEvent(HttpExchange exchange, String path, ApiResources.Match match,
                                        String requestId, Map<String, Object> authorizer) throws IOException {
        String method = exchange.getRequestMethod();
        Map<String, List<String>> query = queryParameters(exchange.getRequestURI().getRawQuery());
        Map<String, List<String>> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, List.copyOf(values)));

        ProxyRequestContext context = new ProxyRequestContext()
                .withRequestId(requestId)
                .withStage(stage)
                .withHttpMethod(method)
                .withResourcePath(match.resource())
                .withPath("/" + stage + path);
        context.setAuthorizer(authorizer);
        String body = readBody(exchange.getRequestBody());
        return new APIGatewayProxyRequestEvent()
                .withHttpMethod(method)
                .withPath(path)
                .withResource(match.resource())
                .withPathParameters(match.pathParameters())
                .withQueryStringParameters(query == null ? null : lastValues(query))
                .withMultiValueQueryStringParameters(query)
                .withHeaders(headers.isEmpty() ? null : lastValues(headers))
                .withMultiValueHeaders(headers.isEmpty() ? null : headers)
                .withBody(body)
                .withIsBase64Encoded(false)
                .withRequestContext(context);
    }

    /** Decoded names and values, in order; null when the URL has no query (as API Gateway sends it). */
    static Map<String, List<String>> queryParameters(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return null;
        }
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            parameters.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
        }
        return parameters.isEmpty() ? null : parameters;
    }

    /** Malformed escapes are passed on as they came, for the handler's validation to reject. */
    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }

    private static Map<String, String> lastValues(Map<String, List<String>> multi) {
        Map<String, String> single = new LinkedHashMap<>();
        multi.forEach((name, values) -> single.put(name, values.get(values.size() - 1)));
        return single;
    }

    /** API Gateway sends no body as null. */
    private static String readBody(InputStream in) throws IOException {
        byte[] bytes = in.readAllBytes();
        return bytes.length == 0 ? null : new String(bytes, StandardCharsets.UTF_8);
    }
}
