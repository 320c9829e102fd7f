package com.movierec.local.personalize.engine.datasetimport;

import com.movierec.local.personalize.data.Interactions;
import com.movierec.local.personalize.data.ItemCatalog;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Adds data to data, as an INCREMENTAL import (or an event recorded since the import) does. */
public final class Concatenation {
    private Concatenation() {
    }

    /** Every event of {@code first}, then every event of {@code second}. */
    public static Interactions interactions(Interactions first, Interactions second) {
        Interactions.Builder b = Interactions.builder();
        addAll(b, first);
        addAll(b, second);
        return b.build();
    }

    public static void addAll(Interactions.Builder b, Interactions data) {
        for (int u = 0; u < data.userCount(); u++) {
            String user = data.users().id(u);
            for (int p = data.start(u); p < data.end(u); p++) {
                b.add(user, data.items().id(data.item(p)), data.timestamp(p), data.eventType(p), data.eventValue(p));
            }
        }
    }

    /** The rows of both; an item in {@code later} replaces the same item in {@code earlier}. */
    public static ItemCatalog items(ItemCatalog earlier, ItemCatalog later) {
        ItemCatalog.Builder b = ItemCatalog.builder();
        for (ItemCatalog catalog : List.of(earlier, later)) {
            List<String> columns = catalog.schema().columns();
            for (String id : catalog.itemIds()) {
                Map<String, String> row = new HashMap<>();
                for (String column : columns) {
                    row.put(column, catalog.value(id, column).orElse(null));
                }
                b.row(row);
            }
        }
        return b.build();
    }
}
