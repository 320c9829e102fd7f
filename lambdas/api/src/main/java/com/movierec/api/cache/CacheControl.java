package com.movierec.api.cache;

import java.util.Locale;

/**
 * A request's {@code Cache-Control} header, as far as the answer cache honours it: {@code max-age=N} (RFC 9111,
 * section 5.2.1.1) asks for an answer at most N seconds old, so {@code max-age=0}, which a browser sends for
 * {@code fetch(url, {cache: "no-cache"})}, gets one from Personalize. {@code no-cache} is not honoured: browsers send it
 * on every request made with {@code cache: "no-store"} (which keeps answers out of their own HTTP cache, as the web
 * page does), so honouring it would switch the answer cache off for exactly the clients it is for.
 */
public final class CacheControl {
    /** No limit: an answer is used for as long as the cache's TTL lasts. */
    public static final long ANY_AGE = Long.MAX_VALUE;

    private static final int MAX_DIGITS = 9;

    private CacheControl() {
    }

    /** The oldest answer, in milliseconds, the client accepts: the smallest {@code max-age}, else {@link #ANY_AGE}. */
    public static long maxAgeMillis(String header) {
        if (header == null) {
            return ANY_AGE;
        }
        long maxAge = ANY_AGE;
        for (String directive : header.split(",")) {
            String d = directive.strip().toLowerCase(Locale.ROOT);
            if (!d.startsWith("max-age=")) {
                continue;
            }
            String seconds = d.substring("max-age=".length());
            if (seconds.length() > 2 && seconds.startsWith("\"") && seconds.endsWith("\"")) {
                seconds = seconds.substring(1, seconds.length() - 1);
            }
            if (!seconds.isEmpty() && seconds.length() <= MAX_DIGITS && seconds.chars().allMatch(c -> c >= '0' && c <= '9')) {
                maxAge = Math.min(maxAge, Long.parseLong(seconds) * 1000);
            }
        }
        return maxAge;
    }
}
