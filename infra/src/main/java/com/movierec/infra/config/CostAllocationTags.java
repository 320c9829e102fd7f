package com.movierec.infra.config;

import static com.movierec.infra.config.ConfigCheck.at;

import com.fasterxml.jackson.annotation.JacksonInject;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The cost-allocation tags of an environment: the constructs tag every resource with {@link #merged(String)}, the
 * defaults {@code Project=movierec} and {@code Environment=<name>} and then the environment's own tags.
 *
 * @param custom the environment's own tags, in key order; never {@code Project} or {@code Environment}
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
    private static final String ALLOWED = "letters, digits, spaces and _ . : / = + - @";

    public CostAllocationTags {
        ConfigCheck check = new ConfigCheck(CostAllocationTags.class);
        new TreeMap<>(custom).forEach((key, value) -> {
            if (isReservedByAws(key)) {
                check.add(at(key), "is not a valid tag key: AWS reserves the aws: prefix; choose another key");
            } else if (!KEY.matcher(key).matches()) {
                check.add(at(key), "is not a valid tag key: use 1 to " + MAX_KEY_LENGTH + " " + ALLOWED);
            } else {
                check.require(value != null && VALUE.matcher(value).matches(), at(key), value, "set a string of at "
                        + "most " + MAX_VALUE_LENGTH + " " + ALLOWED + " (numbers and booleans need quotes)");
            }
        });
        if (check.passed() && custom.size() > MAX_CUSTOM_TAGS) {
            check.add(at(), "has " + custom.size() + " tags: keep at most " + MAX_CUSTOM_TAGS + " (AWS allows 50 per "
                    + "resource, and " + PROJECT_KEY + " and " + ENVIRONMENT_KEY + " take two)");
        }
        check.done();
        custom.keySet().stream().filter(CostAllocationTags::isDefaultKey).findFirst().ifPresent(key -> {
            throw new IllegalArgumentException("tag " + key + " is every resource's already and cannot be changed");
        });
        custom = Collections.unmodifiableMap(new LinkedHashMap<>(new TreeMap<>(custom)));
    }

    /**
     * The {@code tags} object of an environment in cdk.json (its null values are no tags); a default key is refused
     * with the value every resource has, which for {@code Environment} is the environment's name.
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static CostAllocationTags fromConfig(@JacksonInject(ConfigBinder.KEY) String environment,
                                         @JsonSetter(contentNulls = Nulls.SKIP) Map<String, String> tags) {
        ConfigCheck check = new ConfigCheck(CostAllocationTags.class);
        Map<String, String> custom = new TreeMap<>();
        tags.forEach((key, value) -> {
            if (isDefaultKey(key)) {
                check.require(false, at(key), value, "every resource is tagged " + key + "="
                        + (PROJECT_KEY.equals(key) ? PROJECT : environment) + " already, and that tag cannot be "
                        + "changed; remove it, or choose another key");
            } else {
                custom.put(key, value);
            }
        });
        return check.build(() -> new CostAllocationTags(custom));
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
