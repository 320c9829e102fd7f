package com.movierec.api.log;

import com.amazonaws.services.lambda.runtime.Context;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Locale;

/**
 * The API's structured log: one JSON object per line on standard output, which Lambda sends to CloudWatch Logs.
 * Every line has {@code timestamp} (UTC, milliseconds), {@code level}, {@code service} ({@code POWERTOOLS_SERVICE_NAME})
 * and {@code message}; lines written while a request is handled also have {@code requestId} (API Gateway's, the id
 * clients see in error bodies; also as {@code correlation_id}, the name Powertools gave it), Lambda's
 * {@code function_request_id}, {@code function_name}, {@code function_version}, {@code function_arn},
 * {@code function_memory_size}, {@code cold_start} and {@code xray_trace_id} when known; then the caller's fields, and
 * {@code error} ({@code name}, {@code message}, {@code stack}) when a throwable is logged. The field names are those of
 * Powertools' {@code LambdaJsonLayout}, so log queries written for it keep working.
 *
 * <p>Deliberately small: no configuration file, no reflection, no formatter classes, no background thread, so it adds
 * next to nothing to a cold start. Text is escaped to ASCII JSON, so the output does not depend on the JVM's
 * {@code stdout.encoding}. Levels below {@code POWERTOOLS_LOG_LEVEL} (DEBUG, INFO, WARN, ERROR; default INFO) are
 * dropped. Callers pass fields as name/value pairs; it is their job never to pass bodies, paths, query strings or
 * headers.
 */
public final class JsonLog {
    /** Severity, lowest first. */
    public enum Level {
        DEBUG, INFO, WARN, ERROR;

        /** {@code POWERTOOLS_LOG_LEVEL}'s value as a level; TRACE counts as DEBUG, FATAL as ERROR, anything else INFO. */
        static Level parse(String name) {
            if (name == null) {
                return INFO;
            }
            return switch (name.strip().toUpperCase(Locale.ROOT)) {
                case "TRACE", "DEBUG" -> DEBUG;
                case "WARN", "WARNING" -> WARN;
                case "ERROR", "FATAL", "CRITICAL" -> ERROR;
                default -> INFO;
            };
        }
    }

    private static final String SERVICE = blankToNull(System.getenv("POWERTOOLS_SERVICE_NAME"));
    private static final Level THRESHOLD = Level.parse(System.getenv("POWERTOOLS_LOG_LEVEL"));
    private static final ThreadLocal<Request> REQUEST = new ThreadLocal<>();
    private static final Object COLD_START_LOCK = new Object();
    private static boolean coldStartTaken;

    private JsonLog() {
    }

    /** The request a thread is handling: its fields go into every line written until {@link #endRequest()}. */
    record Request(String requestId, String functionRequestId, String functionName, String functionVersion,
            String functionArn, Integer memorySizeMb, boolean coldStart, String traceId) {
    }

    /**
     * Starts a request on this thread: until {@link #endRequest()}, every line carries its ids. {@code context} may be
     * null (tests, the local adapter); {@code requestId} is API Gateway's request id, or null.
     */
    public static void startRequest(Context context, String requestId) {
        boolean coldStart;
        synchronized (COLD_START_LOCK) {
            coldStart = !coldStartTaken;
            coldStartTaken = true;
        }
        REQUEST.set(context == null
                ? new Request(requestId, null, null, null, null, null, coldStart, traceId())
                : new Request(requestId, context.getAwsRequestId(), context.getFunctionName(),
                        context.getFunctionVersion(), context.getInvokedFunctionArn(), context.getMemoryLimitInMB(),
                        coldStart, traceId()));
    }

    /** Ends the request of this thread: later lines carry no request fields. */
    public static void endRequest() {
        REQUEST.remove();
    }

    public static boolean enabled(Level level) {
        return level.compareTo(THRESHOLD) >= 0;
    }

    public static void debug(String message, Object... fields) {
        write(Level.DEBUG, message, null, fields);
    }

    public static void info(String message, Object... fields) {
        write(Level.INFO, message, null, fields);
    }

    public static void warn(String message, Object... fields) {
        write(Level.WARN, message, null, fields);
    }

    public static void error(String message, Throwable error, Object... fields) {
        write(Level.ERROR, message, error, fields);
    }

    /**
     * Writes one line if {@code level} is enabled. {@code fields} are name/value pairs: names are strings; values
     * are written as JSON numbers (Integer, Long, Short, Byte, finite Double/Float), booleans, null, or strings (their
     * {@code toString()}). A trailing name without a value is written with null.
     */
    public static void write(Level level, String message, Throwable error, Object... fields) {
        if (enabled(level)) {
            System.out.println(line(SERVICE, System.currentTimeMillis(), level, message, REQUEST.get(), error, fields));
        }
    }

    /** One log line, without the line break. */
    static String line(String service, long epochMillis, Level level, String message, Request request,
            Throwable error, Object... fields) {
        StringBuilder line = new StringBuilder(256);
        line.append("{\"timestamp\":\"");
        Timestamps.appendIso8601(line, epochMillis);
        line.append("\",\"level\":\"").append(level.name()).append('"');
        field(line, "service", service);
        field(line, "message", message);
        if (request != null) {
            if (request.requestId() != null) {
                field(line, "requestId", request.requestId());
                field(line, "correlation_id", request.requestId());
            }
            optional(line, "function_request_id", request.functionRequestId());
            optional(line, "function_name", request.functionName());
            optional(line, "function_version", request.functionVersion());
            optional(line, "function_arn", request.functionArn());
            if (request.memorySizeMb() != null) {
                field(line, "function_memory_size", request.memorySizeMb());
            }
            field(line, "cold_start", request.coldStart());
            optional(line, "xray_trace_id", request.traceId());
        }
        for (int i = 0; i < fields.length; i += 2) {
            field(line, String.valueOf(fields[i]), i + 1 < fields.length ? fields[i + 1] : null);
        }
        if (error != null) {
            line.append(",\"error\":{");
            line.append("\"name\":");
            string(line, error.getClass().getName());
            line.append(",\"message\":");
            string(line, error.getMessage());
            line.append(",\"stack\":");
            string(line, stackTrace(error));
            line.append('}');
        }
        line.append('}');
        return line.toString();
    }

    private static void optional(StringBuilder line, String name, String value) {
        if (value != null) {
            field(line, name, value);
        }
    }

    private static void field(StringBuilder line, String name, Object value) {
        line.append(',');
        string(line, name);
        line.append(':');
        if (value == null) {
            line.append("null");
        } else if (value instanceof Boolean || value instanceof Integer || value instanceof Long
                || value instanceof Short || value instanceof Byte) {
            line.append(value);
        } else if ((value instanceof Double || value instanceof Float) && Double.isFinite(((Number) value).doubleValue())) {
            line.append(value);
        } else {
            string(line, value.toString());
        }
    }

    /** Appends {@code text} as a JSON string, pure ASCII: quotes, backslashes, controls and non-ASCII as escapes. */
    static void string(StringBuilder line, String text) {
        if (text == null) {
            line.append("null");
            return;
        }
        line.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> line.append("\\\"");
                case '\\' -> line.append("\\\\");
                case '\n' -> line.append("\\n");
                case '\r' -> line.append("\\r");
                case '\t' -> line.append("\\t");
                default -> {
                    if (c < 0x20 || c >= 0x7f) {
                        line.append("\\u");
                        for (int shift = 12; shift >= 0; shift -= 4) {
                            line.append(Character.forDigit((c >> shift) & 0xf, 16));
                        }
                    } else {
                        line.append(c);
                    }
                }
            }
        }
        line.append('"');
    }

    private static String stackTrace(Throwable error) {
        StringWriter text = new StringWriter();
        try (PrintWriter out = new PrintWriter(text)) {
            error.printStackTrace(out);
        }
        return text.toString();
    }

    /** The X-Ray trace root of this invocation: Lambda's Java runtime sets the system property per invocation. */
    private static String traceId() {
        String header = System.getProperty("com.amazonaws.xray.traceHeader");
        if (header == null) {
            header = System.getenv("_X_AMZN_TRACE_ID");
        }
        if (header == null) {
            return null;
        }
        for (String part : header.split(";")) {
            if (part.startsWith("Root=")) {
                return part.substring("Root=".length());
            }
        }
        return null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
