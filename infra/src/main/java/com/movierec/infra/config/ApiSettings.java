package com.movierec.infra.config;

import java.util.List;
import java.util.Optional;

/**
 * The recommendations API of an environment.
 *
 * @param auth                API keys with a usage plan, or IAM
 * @param throttle            the stage's (and, with API keys, each key's) steady rate and burst
 * @param quotaPerDay         requests per API key per day; empty for no quota (always empty with IAM)
 * @param allowedOrigins      the browser origins CORS lets read answers; empty for no browser access
 * @param memoryMb            the function's memory; its CPU, and so its start-up time, scales with it
 * @param reservedConcurrency concurrency reserved for (and capping) the function; empty for none
 */
public record ApiSettings(ApiAuth auth, Throttle throttle, Optional<Integer> quotaPerDay, List<String> allowedOrigins,
                          int memoryMb, Optional<Integer> reservedConcurrency) {
    public static final int DEFAULT_MEMORY_MB = 1024;
    public static final int MIN_MEMORY_MB = 1024;
    public static final int MAX_MEMORY_MB = 10240;

    /**
     * @param rateLimit  steady requests per second
     * @param burstLimit requests that may arrive at once
     */
    public record Throttle(int rateLimit, int burstLimit) {
        public static final int DEFAULT_RATE_LIMIT = 50;
        public static final int DEFAULT_BURST_LIMIT = 100;
        /** API Gateway's default account-level limits per region. */
        public static final int MAX_RATE_LIMIT = 10_000;
        public static final int MAX_BURST_LIMIT = 5_000;

        public Throttle {
            if (rateLimit < 1 || rateLimit > MAX_RATE_LIMIT || burstLimit < 1 || burstLimit > MAX_BURST_LIMIT) {
                throw new IllegalArgumentException("throttle " + rateLimit + "/s, burst " + burstLimit + ": use a rate "
                        + "of 1 to " + MAX_RATE_LIMIT + " and a burst of 1 to " + MAX_BURST_LIMIT);
            }
        }
    }

    public ApiSettings {
        if (auth == ApiAuth.IAM && quotaPerDay.isPresent()) {
            throw new IllegalArgumentException("a quota counts an API key's requests: it needs API-key auth");
        }
        if (memoryMb < MIN_MEMORY_MB || memoryMb > MAX_MEMORY_MB) {
            throw new IllegalArgumentException("memoryMb is " + memoryMb + ": use " + MIN_MEMORY_MB + " to "
                    + MAX_MEMORY_MB);
        }
        allowedOrigins = List.copyOf(allowedOrigins);
    }

    /** API keys, 50 requests per second with bursts of 100, no quota, no browser origin, 1024 MB. */
    public static ApiSettings defaults() {
        return new ApiSettings(ApiAuth.API_KEY,
                new Throttle(Throttle.DEFAULT_RATE_LIMIT, Throttle.DEFAULT_BURST_LIMIT), Optional.empty(), List.of(),
                DEFAULT_MEMORY_MB, Optional.empty());
    }
}
