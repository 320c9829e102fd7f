package com.movierec.infra.config;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads {@code api} of an environment into {@link ApiSettings}, recording one sentence per invalid value. */
final class ApiSettingsParser {
    static final Set<String> KEYS =
            Set.of("auth", "throttle", "quotaPerDay", "allowedOrigins", "memoryMb", "reservedConcurrency");
    private static final Set<String> THROTTLE_KEYS = Set.of("rateLimit", "burstLimit");
    /** Lower case, as browsers send it: an origin that differs in case would never match. */
    private static final Pattern HTTPS_ORIGIN = Pattern.compile(
            "https://[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*(:[1-9][0-9]{0,4})?");
    private static final Pattern LOCAL_ORIGIN =
            Pattern.compile("http://(localhost|127\\.0\\.0\\.1)(:[1-9][0-9]{0,4})?");
    private static final Pattern ANY = Pattern.compile("(?s).*");

    private ApiSettingsParser() {
    }

    /** The settings, defaults for what is absent, or null when a value is wrong (the problem is recorded). */
    static ApiSettings parse(ConfigNode env, List<String> problems) {
        int before = problems.size();
        if (env.isNull("api")) {
            env.problem("api", "set the API's settings as an object, or leave the key out for the defaults");
            return null;
        }
        Optional<ConfigNode> node = env.object("api", "make it an object such as {\"auth\": \"apiKey\"}");
        ConfigNode api = node.orElseGet(() -> new ConfigNode(env.path("api"), Map.of(), new ArrayList<>()));
        api.rejectUnknownKeys(KEYS);
        ApiSettings defaults = ApiSettings.defaults();
        String authFix = "set \"apiKey\" (API keys and a usage plan, for browser frontends) or \"iam\" (AWS Signature "
                + "Version 4, for callers with AWS credentials)";
        ApiAuth auth = api.text("auth", ANY, authFix)
                .flatMap(value -> ApiAuth.byConfigValue(value).or(() -> reject(api, "auth", authFix)))
                .orElse(defaults.auth());
        ApiSettings.Throttle throttle = throttle(api, defaults.throttle());
        Optional<Integer> quota = api.wholeNumber("quotaPerDay", 1, Integer.MAX_VALUE, "set a whole number of "
                + "requests per API key per day, or null for no quota");
        if (quota.isPresent() && auth == ApiAuth.IAM) {
            api.problem("quotaPerDay", "a quota counts the requests of an API key, so it needs \"auth\": \"apiKey\"; "
                    + "set it to null or leave it out");
        }
        List<String> origins = allowedOrigins(api);
        int memoryMb = api.wholeNumber("memoryMb", ApiSettings.MIN_MEMORY_MB, ApiSettings.MAX_MEMORY_MB, "set a whole "
                + "number of MB from " + ApiSettings.MIN_MEMORY_MB + " to " + ApiSettings.MAX_MEMORY_MB + " (the "
                + "API's start-up is CPU-bound, and Lambda's CPU grows with memory)").orElse(defaults.memoryMb());
        Optional<Integer> reserved = api.wholeNumber("reservedConcurrency", 1, 1000, "set a whole number from 1 to "
                + "1000, or null to reserve none (it is taken from the account's unreserved concurrency)");
        if (problems.size() > before) {
            return null;
        }
        return new ApiSettings(auth, throttle, quota, origins, memoryMb, reserved);
    }

    private static ApiSettings.Throttle throttle(ConfigNode api, ApiSettings.Throttle defaults) {
        Optional<ConfigNode> node = api.object("throttle", "make it an object such as {\"rateLimit\": 50, "
                + "\"burstLimit\": 100}");
        if (node.isEmpty()) {
            return defaults;
        }
        ConfigNode throttle = node.get();
        throttle.rejectUnknownKeys(THROTTLE_KEYS);
        int rate = throttle.wholeNumber("rateLimit", 1, ApiSettings.Throttle.MAX_RATE_LIMIT, "set a whole number of "
                + "requests per second from 1 to " + ApiSettings.Throttle.MAX_RATE_LIMIT + " (API Gateway's default "
                + "account limit)").orElse(defaults.rateLimit());
        int burst = throttle.wholeNumber("burstLimit", 1, ApiSettings.Throttle.MAX_BURST_LIMIT, "set a whole number of "
                + "requests from 1 to " + ApiSettings.Throttle.MAX_BURST_LIMIT + " (API Gateway's default account "
                + "burst)").orElse(defaults.burstLimit());
        return new ApiSettings.Throttle(rate, burst);
    }

    private static List<String> allowedOrigins(ConfigNode api) {
        Optional<List<?>> values = api.list("allowedOrigins", "list the frontends' origins, e.g. "
                + "[\"https://app.example.com\"], or [] for no browser access");
        List<String> origins = new ArrayList<>();
        Set<Object> seen = new HashSet<>();
        List<?> list = values.orElse(List.of());
        for (int i = 0; i < list.size(); i++) {
            Object origin = list.get(i);
            String path = api.path("allowedOrigins") + "[" + i + "] is " + ConfigNode.show(origin) + ": ";
            if ("*".equals(origin)) {
                api.problem(path + "list each frontend's origin instead; a wildcard would let scripts on any "
                        + "website read the API's answers.");
            } else if (!(origin instanceof String s && (HTTPS_ORIGIN.matcher(s).matches()
                    || LOCAL_ORIGIN.matcher(s).matches()))) {
                api.problem(path + "set https://host or https://host:port in lower case without a path, or "
                        + "http://localhost:port for local development.");
            } else if (!seen.add(origin)) {
                api.problem(path + "it is listed twice; remove one.");
            } else {
                origins.add((String) origin);
            }
        }
        return origins;
    }

    private static <T> Optional<T> reject(ConfigNode node, String key, String fix) {
        node.problem(key, fix);
        return Optional.empty();
    }
}
