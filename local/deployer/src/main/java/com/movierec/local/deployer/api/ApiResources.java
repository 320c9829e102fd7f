package com.movierec.local.deployer.api;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The REST API's resources (openapi.yaml's paths), matched the way API Gateway matches them: literal segments before
 * parameters, so {@code /movies/popular} is not {@code /movies/{movieId}}. A path no resource fits gets the
 * {@code /{proxy+}} resource, and the handler then routes on the raw path itself.
 */
final class ApiResources {
    static final String PROXY_RESOURCE = "/{proxy+}";

    /** Literal resources first, as API Gateway prefers them. */
    private static final List<String> TEMPLATES = List.of(
            "/movies/popular",
            "/events",
            "/openapi.yaml",
            "/movies/{movieId}",
            "/movies/{movieId}/similar",
            "/users/{userId}/recommendations",
            "/users/{userId}/rankings");

    private ApiResources() {
    }

    /** The resource a request path (still percent-encoded) reaches, with its decoded path parameters. */
    record Match(String resource, Map<String, String> pathParameters) {
        boolean isApiRoute() {
            return !PROXY_RESOURCE.equals(resource);
        }
    }

    static Match match(String rawPath) {
        String[] segments = rawPath.length() > 1 && rawPath.startsWith("/")
                ? rawPath.substring(1).split("/", -1) : new String[0];
        for (String template : TEMPLATES) {
            String[] parts = template.substring(1).split("/");
            Match match = matchTemplate(template, parts, segments);
            if (match != null) {
                return match;
            }
        }
        return new Match(PROXY_RESOURCE, Map.of("proxy", rawPath.isEmpty() ? "" : rawPath.substring(1)));
    }

    private static Match matchTemplate(String template, String[] parts, String[] segments) {
        if (parts.length != segments.length) {
            return null;
        }
        String name = null;
        String value = null;
        for (int i = 0; i < parts.length; i++) {
            if (parts[i].startsWith("{")) {
                value = decode(segments[i]);
                if (value == null || value.isEmpty()) {
                    return null;
                }
                name = parts[i].substring(1, parts[i].length() - 1);
            } else if (!parts[i].equals(segments[i])) {
                return null;
            }
        }
        return new Match(template, name == null ? null : Map.of(name, value));
    }

    /**
     * A path segment decoded as API Gateway decodes path parameters ({@code +} stays a plus), or null when it is not
     * valid percent-encoding: such a path goes to the proxy resource, where the handler's strict decoding answers 400.
     */
    private static String decode(String segment) {
        try {
            return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
