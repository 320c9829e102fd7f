package com.movierec.infra.api;

import com.movierec.infra.config.ApiAuth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awscdk.services.apigateway.GatewayResponseOptions;
import software.amazon.awscdk.services.apigateway.ResponseType;
import software.amazon.awscdk.services.apigateway.RestApi;

/**
 * API Gateway's own errors, which never reach the Lambda (a missing API key, throttling, a quota, an unknown path, an
 * integration timeout), in the Lambda's error shape {@code {"error", "message", "requestId"}}, so a frontend handles
 * one format. {@code $context.requestId} is the id the access log records. With CORS origins configured, the first
 * one may read these answers: a gateway response cannot choose among origins (see infra/README.md).
 */
final class GatewayErrorResponses {
    /**
     * What a gateway response answers; a null status keeps API Gateway's own, and a null code API Gateway's own body,
     * {@code {"message": <its message>}} (the message here only says what that is).
     */
    record Answer(ResponseType type, String status, String code, String message, String retryAfterSeconds) {
        Answer {
            if (message.contains("\"") || message.contains("$") || message.contains("\\")) {
                throw new IllegalArgumentException("message " + message + " cannot hold quotes, $ or backslashes: "
                        + "it is written into a JSON template as is");
            }
        }

        String body() {
            return code == null ? "{\"message\":$context.error.messageString}"
                    : "{\"error\":\"" + code + "\",\"message\":\"" + message
                            + "\",\"requestId\":\"$context.requestId\"}";
        }
    }

    private GatewayErrorResponses() {
    }

    static List<Answer> answers(ApiAuth auth) {
        List<Answer> answers = new ArrayList<>(List.of(
                new Answer(ResponseType.DEFAULT_4_XX, null, "BAD_REQUEST", "The API refused the request before it "
                        + "reached the service: check its path, method, headers and body.", null),
                new Answer(ResponseType.DEFAULT_5_XX, null, "INTERNAL_ERROR", "The API failed to answer: retry later, "
                        + "and quote the requestId if it persists.", null),
                new Answer(ResponseType.THROTTLED, "429", "THROTTLED", "Too many requests: retry after the "
                        + "Retry-After seconds.", "1"),
                new Answer(ResponseType.REQUEST_TOO_LARGE, "413", "PAYLOAD_TOO_LARGE", "The body is larger than the "
                        + "API accepts.", null),
                new Answer(ResponseType.INTEGRATION_TIMEOUT, "504", "UNAVAILABLE", "The API did not answer in time: "
                        + "retry later.", "1")));
        if (auth == ApiAuth.JWT) {
            // API Gateway's own 401 body, {"message":"Unauthorized"}, as the page and local mode's adapter expect it
            // (issue 12's contract); with CORS headers, so that the page can see the 401 and refresh its token.
            answers.add(new Answer(ResponseType.UNAUTHORIZED, "401", null, "Unauthorized: the ID token in "
                    + "Authorization is missing, malformed, wrongly signed, expired, or not from this API's clients.",
                    null));
        }
        if (auth == ApiAuth.API_KEY) {
            answers.add(new Answer(ResponseType.INVALID_API_KEY, "403", "FORBIDDEN", "Send a valid API key of this "
                    + "API in the x-api-key header.", null));
            answers.add(new Answer(ResponseType.QUOTA_EXCEEDED, "429", "THROTTLED", "This API key has used up its "
                    + "daily quota, which resets at midnight UTC.", "3600"));
        }
        if (auth == ApiAuth.IAM) {
            answers.add(new Answer(ResponseType.MISSING_AUTHENTICATION_TOKEN, "403", "FORBIDDEN", "Sign the request "
                    + "with AWS Signature Version 4, and check its path and method.", null));
            answers.add(new Answer(ResponseType.ACCESS_DENIED, "403", "FORBIDDEN", "The caller's IAM policy does not "
                    + "allow execute-api:Invoke on this method.", null));
            answers.add(new Answer(ResponseType.INVALID_SIGNATURE, "403", "FORBIDDEN", "The request's AWS Signature "
                    + "Version 4 does not match: sign it again.", null));
            answers.add(new Answer(ResponseType.EXPIRED_TOKEN, "403", "FORBIDDEN", "The caller's AWS credentials "
                    + "have expired: refresh them and sign again.", null));
        } else {
            // Without IAM a missing token can only mean a path or method the API does not have (the Cognito
            // authorizer answers a missing ID token with 401).
            answers.add(new Answer(ResponseType.MISSING_AUTHENTICATION_TOKEN, "404", "NOT_FOUND", "The API has no "
                    + "such path, or the path does not answer this method.", null));
        }
        return answers;
    }

    static void addTo(RestApi api, ApiAuth auth, List<String> allowedOrigins) {
        for (Answer answer : answers(auth)) {
            Map<String, String> headers = new LinkedHashMap<>();
            if (!allowedOrigins.isEmpty()) {
                headers.put("Access-Control-Allow-Origin", quoted(allowedOrigins.get(0)));
                headers.put("Access-Control-Expose-Headers", quoted("Retry-After"));
                headers.put("Vary", quoted("Origin"));
            }
            if (answer.retryAfterSeconds() != null) {
                headers.put("Retry-After", quoted(answer.retryAfterSeconds()));
            }
            GatewayResponseOptions.Builder options = GatewayResponseOptions.builder()
                    .type(answer.type())
                    .templates(Map.of("application/json", answer.body()));
            if (answer.status() != null) {
                options.statusCode(answer.status());
            }
            if (!headers.isEmpty()) {
                options.responseHeaders(headers);
            }
            api.addGatewayResponse(constructId(answer.type()), options.build());
        }
    }

    /** A static header value, as API Gateway's response parameters spell one. */
    private static String quoted(String value) {
        return "'" + value + "'";
    }

    /** DEFAULT_4XX becomes Default4xx. */
    private static String constructId(ResponseType type) {
        StringBuilder id = new StringBuilder();
        for (String word : type.getResponseType().split("_")) {
            id.append(word.charAt(0)).append(word.substring(1).toLowerCase(Locale.ROOT));
        }
        return id.toString();
    }
}
