package com.movierec.api;

/**
 * The API's operations, one per path template as in openapi.yaml; each path has exactly one method. Order matters for
 * matching raw paths: the literal {@code /movies/popular} comes before {@code /movies/{movieId}}.
 */
enum Endpoint {
    POPULAR_MOVIES("GET", "/movies/popular"),
    SIMILAR_MOVIES("GET", "/movies/{movieId}/similar"),
    MOVIE("GET", "/movies/{movieId}"),
    USER_RECOMMENDATIONS("GET", "/users/{userId}/recommendations"),
    USER_RANKINGS("POST", "/users/{userId}/rankings"),
    EVENTS("POST", "/events"),
    OPENAPI_DOCUMENT("GET", "/openapi.yaml");

    private final String method;
    private final String template;
    private final String[] segments;

    Endpoint(String method, String template) {
        this.method = method;
        this.template = template;
        this.segments = template.substring(1).split("/");
    }

    String method() {
        return method;
    }

    String template() {
        return template;
    }

    /** The name of the template's path parameter, or null when it has none. */
    String parameterName() {
        for (String segment : segments) {
            if (isParameter(segment)) {
                return segment.substring(1, segment.length() - 1);
            }
        }
        return null;
    }

    /** The decoded value of the path parameter when {@code pathSegments} fit this template, else null. */
    Match match(String[] pathSegments) {
        if (pathSegments.length != segments.length) {
            return null;
        }
        String parameter = null;
        for (int i = 0; i < segments.length; i++) {
            if (isParameter(segments[i])) {
                parameter = pathSegments[i];
            } else if (!segments[i].equals(pathSegments[i])) {
                return null;
            }
        }
        return new Match(this, parameter);
    }

    private static boolean isParameter(String segment) {
        return segment.startsWith("{");
    }

    /** A matched endpoint and its path parameter's value (null when the template has none). */
    record Match(Endpoint endpoint, String parameter) {
    }
}
