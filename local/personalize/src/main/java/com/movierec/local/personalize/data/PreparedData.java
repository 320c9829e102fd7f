package com.movierec.local.personalize.data;

import com.movierec.schemas.CsvRows;
import com.movierec.schemas.DatasetType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The CSVs data-prep writes ({@code interactions.csv}, {@code items.csv}), read the way a Personalize import maps
 * them: columns by header name, an empty cell as null. {@code users.csv} is not read: no recipe here uses user
 * metadata, and filters on Users are not supported.
 *
 * @param interactions the Interactions dataset
 * @param items        the Items dataset; empty when the directory has no items.csv
 */
public record PreparedData(Interactions interactions, ItemCatalog items) {

    /** Reads {@code dir/interactions.csv} and, if present, {@code dir/items.csv}. */
    public static PreparedData load(Path dir) throws IOException {
        Path items = dir.resolve(DatasetType.ITEMS.csvFileName());
        return new PreparedData(readInteractions(dir.resolve(DatasetType.INTERACTIONS.csvFileName())),
                Files.exists(items) ? readItems(items) : ItemCatalog.empty());
    }

    /** Reads an interactions CSV with at least USER_ID, ITEM_ID and TIMESTAMP columns. */
    public static Interactions readInteractions(Path csv) throws IOException {
        Interactions.Builder b = Interactions.builder();
        try (CsvRows rows = new CsvRows(Files.newBufferedReader(csv, StandardCharsets.UTF_8))) {
            Map<String, Integer> columns = header(csv, rows, List.of("USER_ID", "ITEM_ID", "TIMESTAMP"));
            int user = columns.get("USER_ID");
            int item = columns.get("ITEM_ID");
            int time = columns.get("TIMESTAMP");
            int type = columns.getOrDefault("EVENT_TYPE", -1);
            int value = columns.getOrDefault("EVENT_VALUE", -1);
            for (CsvRows.Row row = rows.next(); row != null; row = rows.next()) {
                List<String> f = fields(csv, row, columns.size());
                String v = value < 0 ? "" : f.get(value);
                b.add(f.get(user), f.get(item), number(csv, row, "TIMESTAMP", f.get(time)),
                        type < 0 ? "" : f.get(type),
                        v.isEmpty() ? Double.NaN : decimal(csv, row, v));
            }
        }
        return b.build();
    }

    /** Reads an items CSV whose header names fields of the items schema (ITEM_ID first among them). */
    public static ItemCatalog readItems(Path csv) throws IOException {
        ItemCatalog.Builder b = ItemCatalog.builder();
        try (CsvRows rows = new CsvRows(Files.newBufferedReader(csv, StandardCharsets.UTF_8))) {
            Map<String, Integer> columns = header(csv, rows, List.of(ItemCatalog.ITEM_ID));
            for (CsvRows.Row row = rows.next(); row != null; row = rows.next()) {
                List<String> f = fields(csv, row, columns.size());
                Map<String, String> values = new HashMap<>();
                columns.forEach((name, i) -> values.put(name, f.get(i)));
                try {
                    b.row(values);
                } catch (IllegalArgumentException e) {
                    throw new IOException(where(csv, row) + e.getMessage(), e);
                }
            }
        }
        return b.build();
    }

    private static Map<String, Integer> header(Path csv, CsvRows rows, List<String> required) throws IOException {
        CsvRows.Row header = rows.next();
        if (header == null || header.fields() == null) {
            throw new IOException(csv + " has no header row");
        }
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < header.fields().size(); i++) {
            columns.put(header.fields().get(i).strip(), i);
        }
        for (String name : required) {
            if (!columns.containsKey(name)) {
                throw new IOException(csv + " has no " + name + " column; its header is " + header.fields());
            }
        }
        return columns;
    }

    private static List<String> fields(Path csv, CsvRows.Row row, int expected) throws IOException {
        if (row.fields() == null) {
            throw new IOException(where(csv, row) + row.problem());
        }
        if (row.fields().size() != expected) {
            throw new IOException(where(csv, row) + "has " + row.fields().size() + " fields, the header " + expected);
        }
        return row.fields();
    }

    private static long number(Path csv, CsvRows.Row row, String column, String text) throws IOException {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new IOException(where(csv, row) + column + " '" + text + "' is not a whole number", e);
        }
    }

    private static double decimal(Path csv, CsvRows.Row row, String text) throws IOException {
        try {
            return Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            throw new IOException(where(csv, row) + "EVENT_VALUE '" + text + "' is not a number", e);
        }
    }

    private static String where(Path csv, CsvRows.Row row) {
        return csv.getFileName() + " line " + row.line() + ": ";
    }
}
