package com.movierec.local.personalize.model;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One shape of a service model, as botocore's {@code service-2.json} declares it. Members, list elements and map
 * keys and values name their target shapes, which {@link ServiceModel#shape(String)} resolves.
 *
 * @param members  a structure's members in the model's order (empty for other types)
 * @param required a structure's required member names
 * @param element  a list's element shape name; null for other types
 * @param key      a map's key shape name; null for other types
 * @param value    a map's value shape name; null for other types
 * @param min      {@code min}: a string's length, a list's or map's size, a number's value; null when absent
 * @param max      {@code max}, likewise
 * @param pattern  {@code pattern} compiled as a Java regex; null when absent
 * @param enumValues the {@code enum} values in the model's order; empty when absent
 */
public record Shape(String name, ShapeType type, Map<String, Member> members, Set<String> required, String element,
                    String key, String value, BigDecimal min, BigDecimal max, Pattern pattern,
                    List<String> enumValues, boolean sensitive) {

    /**
     * A structure member.
     *
     * @param location where a REST protocol binds it ({@code header}, {@code querystring}, {@code uri}, ...); null
     *                 for the JSON body
     */
    public record Member(String name, String target, String location, boolean sensitive) {
    }

    public boolean isScalar() {
        return type.scalar();
    }
}
