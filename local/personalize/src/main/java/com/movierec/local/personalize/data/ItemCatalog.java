package com.movierec.local.personalize.data;

import com.movierec.schemas.DatasetType;
import com.movierec.schemas.PersonalizeSchema;
import com.movierec.schemas.PersonalizeSchemas;
import com.movierec.schemas.SchemaField;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;

/**
 * The Items dataset: one row per item, its values keyed by the fields of the project's items schema (ITEM_ID,
 * TITLE, GENRES, CREATION_TIMESTAMP). Categorical fields are split on '|' once, here, because filters test them
 * for every candidate item. Immutable.
 */
public final class ItemCatalog {
    /** The items schema's field names this project relies on. */
    public static final String ITEM_ID = "ITEM_ID";
    public static final String TITLE = "TITLE";
    public static final String GENRES = "GENRES";
    public static final String CREATION_TIMESTAMP = "CREATION_TIMESTAMP";

    private static final ItemCatalog EMPTY = new ItemCatalog(Map.of());

    private final PersonalizeSchema schema = PersonalizeSchemas.load(DatasetType.ITEMS);
    private final Map<String, Row> rows;

    private record Row(Map<String, String> values, Map<String, List<String>> categories) {
    }

    private ItemCatalog(Map<String, Row> rows) {
        this.rows = rows;
    }

    public static ItemCatalog empty() {
        return EMPTY;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The items schema whose fields this catalogue holds. */
    public PersonalizeSchema schema() {
        return schema;
    }

    public int size() {
        return rows.size();
    }

    public boolean contains(String itemId) {
        return rows.containsKey(itemId);
    }

    /** The item ids, sorted. */
    public Set<String> itemIds() {
        return Collections.unmodifiableSet(new TreeSet<>(rows.keySet()));
    }

    /** The raw value of {@code field}; empty when the item is unknown or the value is null (an empty CSV cell). */
    public Optional<String> value(String itemId, String field) {
        Row row = rows.get(itemId);
        return row == null ? Optional.empty() : Optional.ofNullable(row.values().get(field));
    }

    /**
     * The values of {@code field} as a filter sees them: a categorical field's '|'-separated categories, otherwise
     * the single value; empty when there is none.
     */
    public List<String> values(String itemId, String field) {
        Row row = rows.get(itemId);
        if (row == null) {
            return List.of();
        }
        List<String> categories = row.categories().get(field);
        if (categories != null) {
            return categories;
        }
        String v = row.values().get(field);
        return v == null ? List.of() : List.of(v);
    }

    public Optional<String> title(String itemId) {
        return value(itemId, TITLE);
    }

    public Set<String> genres(String itemId) {
        return new LinkedHashSet<>(values(itemId, GENRES));
    }

    public OptionalLong creationTimestamp(String itemId) {
        return value(itemId, CREATION_TIMESTAMP).map(v -> OptionalLong.of(Long.parseLong(v))).orElse(OptionalLong.empty());
    }

    /** Collects rows; a later row for the same ITEM_ID replaces the earlier one, as a re-import would. */
    public static final class Builder {
        private final PersonalizeSchema schema = PersonalizeSchemas.load(DatasetType.ITEMS);
        private final Map<String, Row> rows = new HashMap<>();

        private Builder() {
        }

        /** Adds a movie; {@code genres} is '|'-separated, {@code creationTimestamp} may be null. */
        public Builder item(String itemId, String title, String genres, Long creationTimestamp) {
            Map<String, String> values = new HashMap<>();
            values.put(ITEM_ID, itemId);
            values.put(TITLE, title);
            values.put(GENRES, genres);
            values.put(CREATION_TIMESTAMP, creationTimestamp == null ? null : creationTimestamp.toString());
            return row(values);
        }

        /**
         * Adds a row given as field name to raw CSV value (null or "" for none). Fields outside the schema are
         * rejected, since Personalize's import would reject them too.
         */
        public Builder row(Map<String, String> fieldValues) {
            String id = fieldValues.get(ITEM_ID);
            if (id == null || id.isEmpty()) {
                throw new IllegalArgumentException("an item needs an ITEM_ID");
            }
            Map<String, String> values = new HashMap<>();
            Map<String, List<String>> categories = new HashMap<>();
            fieldValues.forEach((field, value) -> {
                SchemaField f = schema.field(field).orElseThrow(() -> new IllegalArgumentException(
                        "the items schema has no field " + field + "; it has " + schema.columns()));
                if (value == null || value.isEmpty()) {
                    return;
                }
                values.put(field, value);
                if (f.categorical()) {
                    categories.put(field, List.of(value.split("\\|", -1)));
                }
            });
            rows.put(id, new Row(Map.copyOf(values), Map.copyOf(categories)));
            return this;
        }

        public ItemCatalog build() {
            return new ItemCatalog(Map.copyOf(rows));
        }
    }
}
