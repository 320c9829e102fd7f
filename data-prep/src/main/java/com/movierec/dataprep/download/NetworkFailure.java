package com.movierec.dataprep.download;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import javax.net.ssl.SSLException;

/**
 * Turns the exceptions HttpClient throws into a short phrase for the one-sentence error. Being offline shows up as
 * several different exceptions (DNS, refused, no route, timeout); they all start with "no network connection" so the
 * user recognises the situation at once.
 */
final class NetworkFailure {
    static final String OFFLINE = "no network connection";
    private static final int MAX_CAUSE_LENGTH = 120;

    private NetworkFailure() {
    }

    /** A lower-case phrase such as "no network connection: connection refused". */
    static String reason(IOException e, Duration requestTimeout) {
        if (e instanceof HttpConnectTimeoutException) {
            return OFFLINE + ": connecting timed out";
        }
        if (e instanceof HttpTimeoutException) {
            return OFFLINE + ": no answer within " + readable(requestTimeout);
        }
        if (has(e, UnresolvedAddressException.class) || has(e, UnknownHostException.class)) {
            return OFFLINE + ": the server's name could not be resolved";
        }
        if (has(e, NoRouteToHostException.class)) {
            return OFFLINE + ": no route to the server";
        }
        if (has(e, ConnectException.class)) {
            return OFFLINE + ": " + briefOr(e, "connection refused");
        }
        if (has(e, SSLException.class)) {
            return "the secure connection failed: " + briefOr(e, "TLS handshake error");
        }
        return "the connection failed: " + briefOr(e, e.getClass().getSimpleName());
    }

    /** The first message in the cause chain, on one line and not too long, or {@code fallback} when none has one. */
    static String briefOr(Throwable e, String fallback) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = t.getMessage();
            if (message != null && !message.isBlank()) {
                String line = message.strip().lines().findFirst().orElse(message.strip());
                // A trailing period would end the user's sentence early; a capital would start a new one.
                if (line.endsWith(".")) {
                    line = line.substring(0, line.length() - 1);
                }
                if (startsWithCapitalisedWord(line)) {
                    line = Character.toLowerCase(line.charAt(0)) + line.substring(1);
                }
                return line.length() > MAX_CAUSE_LENGTH ? line.substring(0, MAX_CAUSE_LENGTH) + "..." : line;
            }
        }
        return fallback;
    }

    private static String readable(Duration d) {
        return d.toMillisPart() == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    private static boolean startsWithCapitalisedWord(String s) {
        return s.length() > 1 && Character.isUpperCase(s.charAt(0)) && Character.isLowerCase(s.charAt(1));
    }

    private static boolean has(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
