package com.movierec.api.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The parts of an API Gateway REST proxy event the API uses, null-safe: API Gateway sends null rather than empty maps,
 * and the local HTTP adapter fills in only what it has.
 */
public final class ApiRequest {
    private static final int MAX_REQUEST_ID_LENGTH = 128;

    private final APIGatewayProxyRequestEvent event;
    private final String requestId;

    private ApiRequest(APIGatewayProxyRequestEvent event, String requestId) {
        this.event = event;
        this.requestId = requestId;
    }

    /**
     * Wraps an event; the request id is API Gateway's ({@code requestContext.requestId}), else {@code lambdaRequestId},
     * else a random one, so every error can be found in the logs.
     */
    public static ApiRequest of(APIGatewayProxyRequestEvent event, String lambdaRequestId) {
        APIGatewayProxyRequestEvent e = event != null ? event : new APIGatewayProxyRequestEvent();
        String gatewayId = e.getRequestContext() == null ? null : e.getRequestContext().getRequestId();
        String id = isPrintableId(gatewayId) ? gatewayId
                : isPrintableId(lambdaRequestId) ? lambdaRequestId : UUID.randomUUID().toString();
        return new ApiRequest(e, id);
    }

    public String requestId() {
        return requestId;
    }

    public String method() {
        return event.getHttpMethod() == null ? "" : event.getHttpMethod();
    }

    /** The request path, as API Gateway sends it: without the stage, still percent-encoded. */
    public String path() {
        return event.getPath() == null ? "" : event.getPath();
    }

    /** API Gateway's resource template, e.g. {@code /users/{userId}/recommendations}, or null. */
    public String resource() {
        return event.getResource();
    }

    /** A path parameter as API Gateway decoded it, or null. */
    public String pathParameter(String name) {
        Map<String, String> parameters = event.getPathParameters();
        return parameters == null ? null : parameters.get(name);
    }

    /** A query parameter, or null when absent; given more than once it is a bad request, since which one wins is unclear. */
    public String queryParameter(String name) {
        Map<String, List<String>> multi = event.getMultiValueQueryStringParameters();
        if (multi != null) {
            List<String> values = multi.get(name);
            if (values != null && values.size() > 1) {
                throw ApiException.badRequest("The query parameter " + name + " is given more than once.");
            }
        }
        Map<String, String> single = event.getQueryStringParameters();
        return single == null ? null : single.get(name);
    }

    /**
     * The claims of the ID token API Gateway's Cognito authorizer verified ({@code requestContext.authorizer.claims},
     * every value a string, as API Gateway passes them); empty when no authorizer ran.
     */
    public Map<String, String> authorizerClaims() {
        Map<String, Object> authorizer = event.getRequestContext() == null ? null
                : event.getRequestContext().getAuthorizer();
        if (authorizer == null || !(authorizer.get("claims") instanceof Map<?, ?> claims)) {
            return Map.of();
        }
        Map<String, String> text = new HashMap<>();
        claims.forEach((name, value) -> {
            if (name instanceof String key && value != null && !(value instanceof Map)
                    && !(value instanceof Collection)) {
                text.put(key, value.toString());
            }
        });
        return text;
    }

    /** A header by case-insensitive name, or null. */
    public String header(String name) {
        String value = find(event.getHeaders(), name);
        if (value == null && event.getMultiValueHeaders() != null) {
            for (Map.Entry<String, List<String>> entry : event.getMultiValueHeaders().entrySet()) {
                if (name.equalsIgnoreCase(entry.getKey()) && entry.getValue() != null && !entry.getValue().isEmpty()) {
                    return entry.getValue().get(0);
                }
            }
        }
        return value;
    }

    /**
     * The body as text, at most {@code maxBytes} bytes of UTF-8 once decoded from base64 when API Gateway encoded it.
     *
     * @throws ApiException 400 when there is none or it is not valid base64/UTF-8, 413 when it is too large
     */
    public String body(int maxBytes) {
        String body = event.getBody();
        if (body == null || body.isEmpty()) {
            throw ApiException.badRequest("The request body is missing: send a JSON object.");
        }
        if (Boolean.TRUE.equals(event.getIsBase64Encoded())) {
            return base64Body(body, maxBytes);
        }
        if (body.length() > maxBytes || utf8Length(body) > maxBytes) {
            throw tooLarge(maxBytes);
        }
        return body;
    }

    private static String base64Body(String body, int maxBytes) {
        if ((long) body.length() * 3 / 4 > maxBytes + 2L) {
            throw tooLarge(maxBytes);
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(body.strip());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("The request body is marked base64-encoded but is not valid base64.");
        }
        if (bytes.length > maxBytes) {
            throw tooLarge(maxBytes);
        }
        try {
            CharBuffer text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return text.toString();
        } catch (CharacterCodingException e) {
            throw ApiException.badRequest("The request body is not UTF-8 text.");
        }
    }

    private static ApiException tooLarge(int maxBytes) {
        return new ApiException(ErrorCode.PAYLOAD_TOO_LARGE,
                "The request body is larger than " + maxBytes + " bytes, the limit of this endpoint.");
    }

    private static long utf8Length(String s) {
        long bytes = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                bytes++;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    private static String find(Map<String, String> headers, String name) {
        if (headers == null) {
            return null;
        }
        String exact = headers.get(name);
        if (exact != null) {
            return exact;
        }
        for (Map.Entry<String, String> entry : headers.entrySet()) {
            if (name.equalsIgnoreCase(entry.getKey())) {
                return entry.getValue();
            }
        }
        return null;
    }

    /** Request ids are echoed in error bodies and logs: accept only short printable ASCII ones. */
    private static boolean isPrintableId(String id) {
        if (id == null || id.isEmpty() || id.length() > MAX_REQUEST_ID_LENGTH) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (c <= ' ' || c > '~' || c == '"' || c == '\\') {
                return false;
            }
        }
        return true;
    }
}
