package com.movierec.local.deployer.api;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.movierec.local.deployer.api.DeployedRestApi.GatewayResponseSettings;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A response API Gateway sends itself, without the Lambda, rendered as the deployed API customizes it: the response
 * type's own GatewayResponse, else the DEFAULT_4XX one (a 4XX type without its own falls back to it, and DEFAULT_4XX's
 * StatusCode changes every 4XX type's status), else API Gateway's default {@code {"message":$context.error
 * .messageString}}. ResponseParameters give headers (a quoted literal or {@code method.request.header.<name>});
 * the template's {@code $context.requestId}, {@code $context.error.message}, {@code $context.error.messageString}
 * (the message as a JSON string) and {@code $context.error.responseType} are filled in.
 */
public record GatewayResponse(int status, Map<String, String> headers, String body) {
    private static final String DEFAULT_TEMPLATE = "{\"message\":$context.error.messageString}";
    private static final Pattern CONTEXT_VARIABLE = Pattern.compile(
            "\\$\\{context\\.([A-Za-z]+(?:\\.[A-Za-z]+)*)}|\\$context\\.([A-Za-z]+(?:\\.[A-Za-z]+)*)");
    private static final String HEADER_PARAMETER = "gatewayresponse.header.";
    private static final String REQUEST_HEADER = "method.request.header.";

    public GatewayResponse {
        headers = Map.copyOf(headers);
    }

    /**
     * @param defaultStatus  the type's default status, e.g. 401 for UNAUTHORIZED
     * @param errorType      the x-amzn-ErrorType API Gateway adds, e.g. UnauthorizedException
     * @param requestHeaders a request header by name (case-insensitive), or null
     */
    static GatewayResponse render(DeployedRestApi api, String responseType, int defaultStatus, String errorType,
                                  String message, String requestId, Function<String, String> requestHeaders) {
        GatewayResponseSettings own = api.gatewayResponses().get(responseType);
        GatewayResponseSettings fallback = defaultStatus < 500 ? api.gatewayResponses().get("DEFAULT_4XX")
                : api.gatewayResponses().get("DEFAULT_5XX");
        GatewayResponseSettings used = own != null ? own : fallback;
        int status = defaultStatus;
        if (own != null && own.statusCode() != null) {
            status = Integer.parseInt(own.statusCode());
        } else if (fallback != null && fallback.statusCode() != null) {
            status = Integer.parseInt(fallback.statusCode());
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("x-amzn-ErrorType", errorType);
        headers.put("x-amzn-RequestId", requestId);
        String template = DEFAULT_TEMPLATE;
        if (used != null) {
            used.parameters().forEach((name, value) -> {
                if (name.startsWith(HEADER_PARAMETER)) {
                    String header = name.substring(HEADER_PARAMETER.length());
                    String resolved = parameterValue(value, requestHeaders);
                    if (resolved != null) {
                        headers.put(header, resolved);
                    }
                }
            });
            template = used.templates().getOrDefault("application/json",
                    used.templates().isEmpty() ? DEFAULT_TEMPLATE : used.templates().values().iterator().next());
        }
        Map<String, String> context = Map.of(
                "requestId", requestId,
                "error.message", message,
                "error.messageString", "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(message)) + "\"",
                "error.responseType", responseType);
        Matcher matcher = CONTEXT_VARIABLE.matcher(template);
        StringBuilder body = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(body, Matcher.quoteReplacement(context.getOrDefault(
                    matcher.group(1) != null ? matcher.group(1) : matcher.group(2), "")));
        }
        matcher.appendTail(body);
        return new GatewayResponse(status, headers, body.toString());
    }

    private static String parameterValue(String value, Function<String, String> requestHeaders) {
        if (value.length() >= 2 && value.startsWith("'") && value.endsWith("'")) {
            return value.substring(1, value.length() - 1);
        }
        if (value.startsWith(REQUEST_HEADER) && requestHeaders != null) {
            return requestHeaders.apply(value.substring(REQUEST_HEADER.length()));
        }
        return null;
    }
}
