package com.movierec.infra.config;

import static com.movierec.infra.config.ConfigTesting.DEV;
import static com.movierec.infra.config.ConfigTesting.dev;
import static com.movierec.infra.config.ConfigTesting.envProblems;
import static com.movierec.infra.config.ConfigTesting.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CostAllocationTagsConfigTest {
    private static final String VALUE_FIX = ": set a string of at most 256 letters, digits, spaces and _ . : / = + - @ "
            + "(numbers and booleans need quotes).";

    @Test
    void tagsEveryResourceWithTheProjectAndTheEnvironmentThenTheEnvironmentsOwnTags() {
        EnvironmentConfig dev = dev(Map.of("tags", Map.of("CostCenter", "recommendations", "Owner", "data-team@example",
                "Empty", "")));

        assertThat(dev.tags().custom()).containsOnly(Map.entry("CostCenter", "recommendations"),
                Map.entry("Owner", "data-team@example"), Map.entry("Empty", ""));
        assertThat(dev.costAllocationTags()).containsExactly(Map.entry("Project", "movierec"),
                Map.entry("Environment", "dev"), Map.entry("CostCenter", "recommendations"), Map.entry("Empty", ""),
                Map.entry("Owner", "data-team@example"));
    }

    @Test
    void noTagsButTheDefaultsWhenTheKeyIsAbsentEmptyOrNull() {
        assertThat(dev(Map.of()).tags()).isEqualTo(CostAllocationTags.none());
        assertThat(dev(Map.of("tags", Map.of())).tags()).isEqualTo(CostAllocationTags.none());
        assertThat(dev(json("tags", null)).costAllocationTags()).containsOnlyKeys("Project", "Environment");
        assertThat(dev(Map.of("tags", json("Team", null))).tags().custom()).as("a null value is no tag").isEmpty();
    }

    @Test
    void acceptsTheLongestKeysAndValuesAndEveryAllowedCharacter() {
        String key = "k".repeat(128);
        String value = "v".repeat(256);
        String allowed = "Équipe 7_.:/=+-@";

        assertThat(dev(Map.of("tags", Map.of(key, value, allowed, allowed, "project", "lower case is another key")))
                .tags().custom()).containsEntry(key, value).containsEntry(allowed, allowed).containsKey("project");
    }

    @Test
    void acceptsFortyEightTags() {
        assertThat(dev(Map.of("tags", tags(48))).costAllocationTags()).hasSize(50);
    }

    @Test
    void failsIfThereAreMoreTagsThanAResourceTakes() {
        assertThat(envProblems(Map.of("tags", tags(49)))).containsExactly(DEV + "tags has 49 tags: keep at most 48 "
                + "(AWS allows 50 per resource, and Project and Environment take two).");
    }

    @Test
    void failsIfTagsIsNotAnObject() {
        assertThat(envProblems(Map.of("tags", List.of("CostCenter=recommendations")))).containsExactly(DEV + "tags "
                + "is a list: make it an object of tag keys to values, such as {\"CostCenter\": \"recommendations\"}.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Project", "Environment"})
    void failsIfATagWouldReplaceADefault(String key) {
        String fixed = key.equals("Project") ? "movierec" : "dev";
        assertThat(envProblems(Map.of("tags", Map.of(key, "other")))).containsExactly(DEV + "tags." + key + " is "
                + "\"other\": every resource is tagged " + key + "=" + fixed + " already, and that tag cannot be "
                + "changed; remove it, or choose another key.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"aws:createdBy", "AWS:cost", "Aws:x"})
    void failsIfAKeyHasTheAwsPrefix(String key) {
        assertThat(envProblems(Map.of("tags", Map.of(key, "x")))).containsExactly(DEV + "tags." + key + " is not a "
                + "valid tag key: AWS reserves the aws: prefix; choose another key.");
    }

    @Test
    void failsIfAKeyIsEmptyTooLongOrHasAnotherCharacter() {
        String tooLong = "k".repeat(129);
        Map<String, Object> tags = new LinkedHashMap<>();
        tags.put("", "x");
        tags.put(tooLong, "x");
        tags.put("cost*center", "x");

        assertThat(envProblems(Map.of("tags", tags))).containsExactlyInAnyOrder(
                DEV + "tags. is not a valid tag key: use 1 to 128 letters, digits, spaces and _ . : / = + - @.",
                DEV + "tags." + tooLong + " is not a valid tag key: use 1 to 128 letters, digits, spaces and _ . : / "
                        + "= + - @.",
                DEV + "tags.cost*center is not a valid tag key: use 1 to 128 letters, digits, spaces and _ . : / = + "
                        + "- @.");
    }

    @Test
    void failsIfAValueIsTooLongHasAnotherCharacterOrIsNotAString() {
        String tooLong = "v".repeat(257);

        assertThat(envProblems(Map.of("tags", Map.of("A", tooLong, "B", "a&b", "C", 42, "D", true))))
                .containsExactly(DEV + "tags.A is \"" + tooLong + "\"" + VALUE_FIX, DEV + "tags.B is \"a&b\""
                        + VALUE_FIX, DEV + "tags.C is 42" + VALUE_FIX, DEV + "tags.D is true" + VALUE_FIX);
    }

    @Test
    void theTagsCheckThemselves() {
        assertThatThrownBy(() -> new CostAllocationTags(Map.of("Project", "other")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CostAllocationTags(Map.of("aws:x", "y")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CostAllocationTags(Map.of("k", "v".repeat(257))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CostAllocationTags(tags(49))).isInstanceOf(IllegalArgumentException.class);
        assertThat(new CostAllocationTags(Map.of("Team", "recs")).merged("prod")).containsExactly(
                Map.entry("Project", "movierec"), Map.entry("Environment", "prod"), Map.entry("Team", "recs"));
    }

    private static Map<String, String> tags(int count) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            tags.put("Tag" + i, "value" + i);
        }
        return tags;
    }
}
