package com.movierec.lifecycle.core;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;
import software.amazon.awssdk.utils.builder.SdkBuilder;

/**
 * Reads Personalize's JSON shapes (SolutionConfig, CampaignConfig) into the SDK's model classes through the fields
 * the SDK itself describes, so every field Personalize accepts works without a hand-written mapping, an unknown field
 * fails with its path and the valid names, and the string-typed leaves CloudFormation produces are converted.
 */
public final class SdkJson {
    private SdkJson() {
    }

    /**
     * Fills {@code builder} from {@code json} and builds it.
     *
     * @param path how the caller names the JSON in messages, e.g. {@code SolutionConfig}
     * @param fail turns a sentence about a path into the caller's failure
     */
    @SuppressWarnings("unchecked")
    public static <T> T read(JsonNode json, SdkPojo builder, String path, Function<String, RuntimeException> fail) {
        fill(builder, json, path, fail);
        return (T) ((SdkBuilder<?, ?>) builder).build();
    }

    private static void fill(SdkPojo builder, JsonNode json, String path, Function<String, RuntimeException> fail) {
        if (!json.isObject()) {
            throw fail.apply(path + " must be a JSON object");
        }
        Map<String, SdkField<?>> fields = new TreeMap<>();
        builder.sdkFields().forEach(field -> fields.put(field.locationName(), field));
        json.properties().forEach(member -> {
            String memberPath = path + "." + member.getKey();
            SdkField<?> field = fields.get(member.getKey());
            if (field == null) {
                throw fail.apply(memberPath + " is not a field Personalize knows; the fields are "
                        + String.join(", ", fields.keySet()));
            }
            if (!member.getValue().isNull()) {
                field.set(builder, value(field, member.getValue(), memberPath, fail));
            }
        });
    }

    private static Object value(SdkField<?> field, JsonNode json, String path, Function<String, RuntimeException> fail) {
        MarshallingType<?> type = field.marshallingType();
        if (type == MarshallingType.SDK_POJO) {
            SdkPojo nested = field.constructor().get();
            fill(nested, json, path, fail);
            return ((SdkBuilder<?, ?>) nested).build();
        }
        if (type == MarshallingType.LIST) {
            if (!json.isArray()) {
                throw fail.apply(path + " must be a JSON array");
            }
            SdkField<?> member = field.getRequiredTrait(ListTrait.class).memberFieldInfo();
            List<Object> list = new ArrayList<>();
            for (int i = 0; i < json.size(); i++) {
                list.add(value(member, json.get(i), path + "[" + i + "]", fail));
            }
            return list;
        }
        if (type == MarshallingType.MAP) {
            if (!json.isObject()) {
                throw fail.apply(path + " must be a JSON object");
            }
            SdkField<?> valueField = field.getRequiredTrait(MapTrait.class).valueFieldInfo();
            Map<String, Object> map = new LinkedHashMap<>();
            json.properties().forEach(entry ->
                    map.put(entry.getKey(), value(valueField, entry.getValue(), path + "." + entry.getKey(), fail)));
            return map;
        }
        return scalar(type, json, path, fail);
    }

    private static Object scalar(MarshallingType<?> type, JsonNode json, String path,
                                 Function<String, RuntimeException> fail) {
        if (json.isContainerNode()) {
            throw fail.apply(path + " must be a single value, not a JSON " + (json.isArray() ? "array" : "object"));
        }
        String text = json.asText();
        try {
            if (type == MarshallingType.STRING) {
                return text;
            }
            if (type == MarshallingType.INTEGER) {
                return Integer.valueOf(text);
            }
            if (type == MarshallingType.LONG) {
                return Long.valueOf(text);
            }
            if (type == MarshallingType.DOUBLE) {
                return Double.valueOf(text);
            }
            if (type == MarshallingType.FLOAT) {
                return Float.valueOf(text);
            }
        } catch (NumberFormatException e) {
            throw fail.apply(path + " must be a number, not '" + text + "'");
        }
        if (type == MarshallingType.BOOLEAN) {
            return switch (text.toLowerCase(Locale.ROOT)) {
                case "true" -> Boolean.TRUE;
                case "false" -> Boolean.FALSE;
                default -> throw fail.apply(path + " must be true or false, not '" + text + "'");
            };
        }
        throw fail.apply(path + " has a type this function cannot read: " + type);
    }

    /**
     * True when every value set in {@code wanted} is also in {@code actual} (maps by their entries, nested shapes
     * recursively). Personalize fills in defaults, so an exact comparison would never match what was asked for.
     */
    public static boolean covers(SdkPojo actual, SdkPojo wanted) {
        if (wanted == null) {
            return true;
        }
        if (actual == null) {
            return false;
        }
        for (SdkField<?> field : wanted.sdkFields()) {
            Object want = field.getValueOrDefault(wanted);
            if (want == null || want instanceof SdkAutoConstructMap<?, ?> || want instanceof SdkAutoConstructList<?>) {
                continue;
            }
            Object have = field.getValueOrDefault(actual);
            if (!coversValue(have, want)) {
                return false;
            }
        }
        return true;
    }

    private static boolean coversValue(Object have, Object want) {
        if (want instanceof SdkPojo wantedPojo) {
            return have instanceof SdkPojo actualPojo && covers(actualPojo, wantedPojo);
        }
        if (want instanceof Map<?, ?> wantedMap) {
            return have instanceof Map<?, ?> actualMap && wantedMap.entrySet().stream()
                    .allMatch(entry -> coversValue(actualMap.get(entry.getKey()), entry.getValue()));
        }
        return Optional.ofNullable(have).map(value -> value.equals(want)).orElse(false);
    }
}
