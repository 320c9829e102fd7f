package com.movierec.api;

import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

import com.movierec.api.http.ApiRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One JSON log line per request: route template, method, status, latency and error code. Never the body, the path
 * (it holds user ids) or headers (x-api-key, Authorization).
 */
final class RequestLog {
    private static final Logger LOG = LoggerFactory.getLogger(RequestLog.class);
    private static final int MAX_METHOD_LENGTH = 16;

    private RequestLog() {
    }

    static void write(ApiRequest request, Router.Outcome outcome, long elapsedNanos) {
        String method = request.method();
        LOG.info("request",
                entry("route", outcome.route()),
                entry("method", method.length() > MAX_METHOD_LENGTH ? method.substring(0, MAX_METHOD_LENGTH) : method),
                entry("status", outcome.response().status()),
                entry("latencyMs", Math.round(elapsedNanos / 1_000.0) / 1_000.0),
                entry("errorCode", outcome.error() == null ? null : outcome.error().name()));
    }
}
