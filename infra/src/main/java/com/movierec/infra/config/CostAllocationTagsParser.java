package com.movierec.infra.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads {@code tags} of an environment into {@link CostAllocationTags}, one sentence per invalid tag. */
final class CostAllocationTagsParser {
    private static final String ALLOWED = "letters, digits, spaces and _ . : / = + - @";

    private CostAllocationTagsParser() {
    }

    /** The tags in key order, none when the key is absent or null, or null when a tag is wrong (it is recorded). */
    static CostAllocationTags parse(ConfigNode env, String environmentName, List<String> problems) {
        int before = problems.size();
        Optional<ConfigNode> node = env.object("tags", "make it an object of tag keys to values, such as "
                + "{\"CostCenter\": \"recommendations\"}");
        if (node.isEmpty()) {
            return problems.size() > before ? null : CostAllocationTags.none();
        }
        ConfigNode tags = node.get();
        Map<String, String> custom = new LinkedHashMap<>();
        for (String key : tags.keys()) {
            tag(tags, key, environmentName).ifPresent(value -> custom.put(key, value));
        }
        if (problems.size() == before && custom.size() > CostAllocationTags.MAX_CUSTOM_TAGS) {
            tags.problem(tags.path() + " has " + custom.size() + " tags: keep at most "
                    + CostAllocationTags.MAX_CUSTOM_TAGS + " (AWS allows 50 per resource, and "
                    + CostAllocationTags.PROJECT_KEY + " and " + CostAllocationTags.ENVIRONMENT_KEY + " take two).");
        }
        return problems.size() > before ? null : new CostAllocationTags(custom);
    }

    private static Optional<String> tag(ConfigNode tags, String key, String environmentName) {
        if (CostAllocationTags.isReservedByAws(key)) {
            tags.problem(tags.path(key) + " is not a valid tag key: AWS reserves the aws: prefix; choose another "
                    + "key.");
        } else if (!CostAllocationTags.KEY.matcher(key).matches()) {
            tags.problem(tags.path(key) + " is not a valid tag key: use 1 to " + CostAllocationTags.MAX_KEY_LENGTH
                    + " " + ALLOWED + ".");
        } else if (CostAllocationTags.isDefaultKey(key)) {
            String fixed = CostAllocationTags.PROJECT_KEY.equals(key) ? CostAllocationTags.PROJECT : environmentName;
            tags.problem(key, "every resource is tagged " + key + "=" + fixed + " already, and that tag cannot be "
                    + "changed; remove it, or choose another key");
        } else {
            String fix = "set a string of at most " + CostAllocationTags.MAX_VALUE_LENGTH + " " + ALLOWED
                    + " (numbers and booleans need quotes)";
            return tags.text(key, CostAllocationTags.VALUE, fix);
        }
        return Optional.empty();
    }
}
