package com.movierec.infra.config;

import static com.movierec.infra.config.ConfigCheck.at;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.movierec.schemas.contract.ApiEnvironment;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The recommendations API of an environment.
 *
 * @param auth                API keys with a usage plan, IAM, or a Cognito user pool's ID tokens
 * @param throttle            the stage's (and, with API keys, each key's) steady rate and burst
 * @param quotaPerDay         requests per API key per day; empty for no quota (always empty with IAM)
 * @param allowedOrigins      the browser origins CORS lets read answers; empty for no browser access
 * @param memoryMb            the function's memory; its CPU, and so its start-up time, scales with it
 * @param reservedConcurrency concurrency reserved for (and capping) the function; empty for none
 * @param cache               how long the function reuses Personalize's answers, and how many it keeps
 * @param jwt                 the user pool and the page's app client; present exactly when auth is jwt
 */
public record ApiSettings(
        @JsonProperty(defaultValue = "apiKey")
        @Fix("set \"jwt\" (signed-in users of a Cognito user pool, for browser frontends), \"apiKey\" (API keys and a "
                + "usage plan, for server-to-server clients) or \"iam\" (AWS Signature Version 4, for callers with AWS "
                + "credentials)")
        ApiAuth auth,
        @Fix("make it an object such as {\"rateLimit\": 50, \"burstLimit\": 100}") Throttle throttle,
        @Fix("set a whole number of requests per API key per day, or null for no quota") Optional<Integer> quotaPerDay,
        @Fix("list the frontends' origins, e.g. [\"https://app.example.com\"], or [] for no browser access")
        List<String> allowedOrigins,
        @JsonProperty(defaultValue = "" + ApiSettings.DEFAULT_MEMORY_MB)
        @Fix("set a whole number of MB from " + ApiSettings.MIN_MEMORY_MB + " to " + ApiSettings.MAX_MEMORY_MB
                + " (the API's start-up is CPU-bound, and Lambda's CPU grows with memory)")
        int memoryMb,
        @Fix("set a whole number from 1 to " + ApiSettings.MAX_RESERVED_CONCURRENCY + ", or null to reserve none (it "
                + "is taken from the account's unreserved concurrency)")
        Optional<Integer> reservedConcurrency,
        @Fix("make it an object such as {\"ttlSeconds\": 60, \"maxEntries\": 10000}") Cache cache,
        @Fix("make it an object such as {\"callbackUrls\": [\"https://app.example.com/\"]} with \"auth\": \"jwt\", or "
                + "null with another auth")
        Optional<JwtSettings> jwt) {
    public static final int DEFAULT_MEMORY_MB = 1024;
    public static final int MIN_MEMORY_MB = 1024;
    public static final int MAX_MEMORY_MB = 10240;
    public static final int MAX_RESERVED_CONCURRENCY = 1000;

    /** Lower case, as browsers send it: an origin that differs in case would never match. */
    static final Pattern HTTPS_ORIGIN = Pattern.compile(
            "https://[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*(:[1-9][0-9]{0,4})?");
    private static final Pattern LOCAL_ORIGIN =
            Pattern.compile("http://(localhost|127\\.0\\.0\\.1)(:[1-9][0-9]{0,4})?");
    private static final String ORIGIN_FIX = "set https://host or https://host:port in lower case without a path, or "
            + "http://localhost:port for local development";

    /**
     * @param rateLimit  steady requests per second
     * @param burstLimit requests that may arrive at once
     */
    public record Throttle(
            @JsonProperty(defaultValue = "" + Throttle.DEFAULT_RATE_LIMIT)
            @Fix("set a whole number of requests per second from 1 to " + Throttle.MAX_RATE_LIMIT + " (API Gateway's "
                    + "default account limit)")
            int rateLimit,
            @JsonProperty(defaultValue = "" + Throttle.DEFAULT_BURST_LIMIT)
            @Fix("set a whole number of requests from 1 to " + Throttle.MAX_BURST_LIMIT + " (API Gateway's default "
                    + "account burst)")
            int burstLimit) {
        public static final int DEFAULT_RATE_LIMIT = 50;
        public static final int DEFAULT_BURST_LIMIT = 100;
        /** API Gateway's default account-level limits per region. */
        public static final int MAX_RATE_LIMIT = 10_000;
        public static final int MAX_BURST_LIMIT = 5_000;

        public Throttle {
            new ConfigCheck(Throttle.class)
                    .require(rateLimit >= 1 && rateLimit <= MAX_RATE_LIMIT, "rateLimit", rateLimit)
                    .require(burstLimit >= 1 && burstLimit <= MAX_BURST_LIMIT, "burstLimit", burstLimit)
                    .done();
        }
    }

    /**
     * The function's answer cache (lambdas/api/README.md, "Answer cache"): a repeated request within the TTL is
     * answered without a Personalize call, in the execution environment that answered it first.
     *
     * @param ttlSeconds how long an answer is reused; 0 turns the cache off
     * @param maxEntries the most answers one execution environment keeps
     */
    public record Cache(
            @JsonProperty(defaultValue = "" + Cache.DEFAULT_TTL_SECONDS)
            @Fix("set a whole number of seconds from 0 (no cache) to " + ApiEnvironment.MAX_CACHE_TTL_SECONDS
                    + ": the longest a user may see an answer that another execution environment has replaced")
            int ttlSeconds,
            @JsonProperty(defaultValue = "" + ApiEnvironment.DEFAULT_CACHE_MAX_ENTRIES)
            @Fix("set a whole number of answers from 1 to " + ApiEnvironment.MAX_CACHE_ENTRIES + " per execution "
                    + "environment (an answer of 25 movies holds about 2 KB)")
            int maxEntries) {
        public static final int DEFAULT_TTL_SECONDS = 60;

        public Cache {
            new ConfigCheck(Cache.class)
                    .require(ttlSeconds >= 0 && ttlSeconds <= ApiEnvironment.MAX_CACHE_TTL_SECONDS, "ttlSeconds",
                            ttlSeconds)
                    .require(maxEntries >= 1 && maxEntries <= ApiEnvironment.MAX_CACHE_ENTRIES, "maxEntries",
                            maxEntries)
                    .done();
        }

        /** A minute, 10,000 answers. */
        public static Cache defaults() {
            return new Cache(DEFAULT_TTL_SECONDS, ApiEnvironment.DEFAULT_CACHE_MAX_ENTRIES);
        }
    }

    public ApiSettings {
        ConfigCheck check = new ConfigCheck(ApiSettings.class);
        quotaPerDay.ifPresent(quota -> check.require(quota >= 1, "quotaPerDay", quota));
        quotaPerDay.filter(quota -> quota >= 1 && auth != ApiAuth.API_KEY).ifPresent(quota -> check.require(false,
                at("quotaPerDay"), quota, "a quota counts the requests of an API key, so it needs \"auth\": "
                        + "\"apiKey\"; set it to null or leave it out"));
        if (auth == ApiAuth.JWT && jwt.isEmpty()) {
            check.add(at("jwt"), "is missing: \"auth\": \"jwt\" needs the page's sign-in settings, at least "
                    + "{\"callbackUrls\": [\"https://app.example.com/\"]}");
        }
        jwt.filter(settings -> auth != ApiAuth.JWT).ifPresent(settings -> check.require(false, at("jwt"), settings,
                "it sets up sign-in for \"auth\": \"jwt\", and auth is \"" + auth.configValue() + "\"; remove it, "
                        + "or set auth to \"jwt\""));
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < allowedOrigins.size(); i++) {
            String origin = allowedOrigins.get(i);
            if ("*".equals(origin)) {
                check.require(false, at("allowedOrigins", i), origin, "list each frontend's origin instead; a "
                        + "wildcard would let scripts on any website read the API's answers");
            } else if (origin == null || !HTTPS_ORIGIN.matcher(origin).matches()
                    && !LOCAL_ORIGIN.matcher(origin).matches()) {
                check.require(false, at("allowedOrigins", i), origin, ORIGIN_FIX);
            } else {
                check.require(seen.add(origin), at("allowedOrigins", i), origin, "it is listed twice; remove one");
            }
        }
        check.require(memoryMb >= MIN_MEMORY_MB && memoryMb <= MAX_MEMORY_MB, "memoryMb", memoryMb);
        reservedConcurrency.ifPresent(reserved -> check.require(reserved >= 1
                && reserved <= MAX_RESERVED_CONCURRENCY, "reservedConcurrency", reserved));
        check.done();
        allowedOrigins = List.copyOf(allowedOrigins);
    }

    /** API keys, 50 requests per second with bursts of 100, no quota, no browser origin, 1024 MB, a minute's cache. */
    public static ApiSettings defaults() {
        return new ApiSettings(ApiAuth.API_KEY,
                new Throttle(Throttle.DEFAULT_RATE_LIMIT, Throttle.DEFAULT_BURST_LIMIT), Optional.empty(), List.of(),
                DEFAULT_MEMORY_MB, Optional.empty(), Cache.defaults(), Optional.empty());
    }
}
