package com.movierec.api.cache;

import java.time.Duration;

/**
 * How long an answer is reused and how many answers one execution environment keeps.
 *
 * @param ttl        how long an answer is reused for the same request; zero turns the cache off
 * @param maxEntries the most answers held at once; the oldest goes first when a new one would exceed it
 */
public record CacheSettings(Duration ttl, int maxEntries) {
    /** No cache: every request reaches Personalize. */
    public static final CacheSettings OFF = new CacheSettings(Duration.ZERO, 1);

    public CacheSettings {
        if (ttl.isNegative()) {
            throw new IllegalArgumentException("The answer cache's TTL cannot be negative: " + ttl);
        }
        if (maxEntries < 1) {
            throw new IllegalArgumentException("The answer cache must hold at least one answer: " + maxEntries);
        }
    }

    public boolean enabled() {
        return !ttl.isZero();
    }
}
