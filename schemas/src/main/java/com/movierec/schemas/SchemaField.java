package com.movierec.schemas;

import java.util.List;

/**
 * One field of a Personalize schema.
 *
 * @param name        the field name, which is also the CSV column header
 * @param types       the Avro types, e.g. {@code [long]} or {@code [null, float]}
 * @param categorical whether Personalize treats the string as '|'-separated categories
 */
public record SchemaField(String name, List<String> types, boolean categorical) {

    public SchemaField {
        types = List.copyOf(types);
    }

    /** Whether an empty CSV value (null) is allowed. */
    public boolean nullable() {
        return types.contains("null");
    }

    /** The non-null Avro type: string, int, long, float, double or boolean. */
    public String valueType() {
        return types.stream().filter(t -> !t.equals("null")).findFirst()
                .orElseThrow(() -> new IllegalStateException("field " + name + " has only the null type"));
    }
}
