package com.movierec.infra.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The cost-allocation tags of an environment: the constructs tag every resource with {@link #merged(String)}, the
 * defaults {@code Project=movierec} and {@code Environment=<name>} and then the environment's own tags.
 *
 * @param custom the environment's own tags, in cdk.json order; never {@code Project} or {@code Environment}
 */
public record CostAllocationTags(Map<String, String> custom) {
    public static final String PROJECT_KEY = "Project";
    public static final String PROJECT = "movierec";
    public static final String ENVIRONMENT_KEY = "Environment";
    /** AWS allows 50 tags per resource; Project and Environment take two. */
    public static final int MAX_CUSTOM_TAGS = 48;
    public static final int MAX_KEY_LENGTH = 128;
    public static final int MAX_VALUE_LENGTH = 256;

    /** The characters AWS allows in tag keys and values. */
    private static final String CHARACTERS = "[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]";
    static final Pattern KEY = Pattern.compile(CHARACTERS + "{1," + MAX_KEY_LENGTH + "}");
    static final Pattern VALUE = Pattern.compile(CHARACTERS + "{0," + MAX_VALUE_LENGTH + "}");

    public CostAllocationTags {
        if (custom.size() > MAX_CUSTOM_TAGS) {
            throw new IllegalArgumentException(custom.size() + " tags: use at most " + MAX_CUSTOM_TAGS);
        }
        custom.forEach((key, value) -> {
            if (!KEY.matcher(key).matches() || isReservedByAws(key) || isDefaultKey(key)
                    || !VALUE.matcher(value).matches()) {
                throw new IllegalArgumentException("tag " + key + "=" + value + " is not allowed: use a key of 1 to "
                        + MAX_KEY_LENGTH + " characters without the aws: prefix, other than " + PROJECT_KEY + " and "
                        + ENVIRONMENT_KEY + ", and a value of at most " + MAX_VALUE_LENGTH + " characters");
            }
        });
        custom = Collections.unmodifiableMap(new LinkedHashMap<>(custom));
    }

    /** No tags but the defaults. */
    public static CostAllocationTags none() {
        return new CostAllocationTags(Map.of());
    }

    /** {@code Project=movierec}, {@code Environment=<environmentName>}, then {@link #custom()}. */
    public Map<String, String> merged(String environmentName) {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put(PROJECT_KEY, PROJECT);
        tags.put(ENVIRONMENT_KEY, environmentName);
        tags.putAll(custom);
        return Collections.unmodifiableMap(tags);
    }

    /** AWS reserves the {@code aws:} prefix, in any letter case. */
    static boolean isReservedByAws(String key) {
        return key.toLowerCase(Locale.ROOT).startsWith("aws:");
    }

    static boolean isDefaultKey(String key) {
        return PROJECT_KEY.equals(key) || ENVIRONMENT_KEY.equals(key);
    }
}
