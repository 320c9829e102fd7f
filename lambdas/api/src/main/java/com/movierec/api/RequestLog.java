package com.movierec.api;

import com.movierec.api.http.ApiRequest;
import com.movierec.api.log.JsonLog;

/**
 * One JSON log line per request: route template, method, status, latency and error code. Never the body, the path
 * (it holds user ids) or headers (x-api-key, Authorization).
 */
final class RequestLog {
    private static final int MAX_METHOD_LENGTH = 16;

    private RequestLog() {
    }

    static void write(ApiRequest request, Router.Outcome outcome, long elapsedNanos) {
        String method = request.method();
        JsonLog.info("request",
                "route", outcome.route(),
                "method", method.length() > MAX_METHOD_LENGTH ? method.substring(0, MAX_METHOD_LENGTH) : method,
                "status", outcome.response().status(),
                "latencyMs", Math.round(elapsedNanos / 1_000.0) / 1_000.0,
                "errorCode", outcome.error() == null ? null : outcome.error().name());
    }
}
