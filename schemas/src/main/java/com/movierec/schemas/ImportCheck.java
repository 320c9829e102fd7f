package com.movierec.schemas;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a CSV file against a Personalize schema the way a dataset import job does: UTF-8, a header naming the
 * schema's fields in order, one value per field that converts to the field's Avro type, nulls only where allowed,
 * ids within 256 characters and categorical values within 1000. Used to prove data-prep's output imports, and by
 * local mode's import jobs.
 */
public final class ImportCheck {
    public static final int MAX_ID_LENGTH = 256;
    public static final int MAX_CATEGORY_LENGTH = 1000;
    private static final int PROBLEMS_KEPT = 10;

    /** A row that would fail the import, and why. */
    public record Problem(long line, String message) {
    }

    /** What the check found: data rows, and the problems (the first few in full, all of them counted). */
    public record Result(long rows, long problemCount, List<Problem> firstProblems) {
        public boolean ok() {
            return problemCount == 0;
        }

        /** One sentence for a failureReason: the count and the first problem. */
        public String summary() {
            if (ok()) {
                return rows + " rows match the schema";
            }
            Problem p = firstProblems.get(0);
            return problemCount + " of " + rows + " rows do not match the schema; first at line " + p.line() + ": " + p.message();
        }
    }

    private final PersonalizeSchema schema;
    private final List<Problem> problems = new ArrayList<>();
    private long problemCount;

    private ImportCheck(PersonalizeSchema schema) {
        this.schema = schema;
    }

    /** Checks the CSV in {@code csv} (closed afterwards). */
    public static Result check(PersonalizeSchema schema, InputStream csv) throws IOException {
        return new ImportCheck(schema).run(csv);
    }

    private Result run(InputStream csv) throws IOException {
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        long rows = 0;
        try (CsvRows reader = new CsvRows(new BufferedReader(new InputStreamReader(csv, decoder), 1 << 16))) {
            CsvRows.Row header = reader.next();
            if (header == null) {
                problem(1, "the file is empty; it needs a header row naming " + String.join(",", schema.columns()));
                return new Result(0, problemCount, problems);
            }
            List<String> expected = schema.columns();
            List<String> headerFields = header.fields() == null ? List.of() : header.fields().stream()
                    .map(h -> h.startsWith("\uFEFF") ? h.substring(1) : h).toList();
            if (!headerFields.equals(expected)) {
                problem(1, "the header is " + String.join(",", headerFields) + " but the " + schema.datasetType().personalizeName()
                        + " schema's fields in order are " + String.join(",", expected));
                return new Result(0, problemCount, problems);
            }
            for (CsvRows.Row row = reader.next(); row != null; row = reader.next()) {
                rows++;
                checkRow(row);
            }
        } catch (CharacterCodingException e) {
            problem(rows + 2, "the file is not valid UTF-8 from here on");
        }
        return new Result(rows, problemCount, problems);
    }

    private void checkRow(CsvRows.Row row) {
        if (row.fields() == null) {
            problem(row.line(), row.problem());
            return;
        }
        List<SchemaField> fields = schema.fields();
        if (row.fields().size() != fields.size()) {
            problem(row.line(), "it has " + row.fields().size() + " values but the schema has " + fields.size() + " fields");
            return;
        }
        for (int i = 0; i < fields.size(); i++) {
            String message = checkValue(fields.get(i), row.fields().get(i));
            if (message != null) {
                problem(row.line(), message);
                return;
            }
        }
    }

    private static String checkValue(SchemaField field, String value) {
        if (value.isEmpty()) {
            return field.nullable() ? null : field.name() + " is empty but the schema does not allow null";
        }
        boolean id = field.name().equals("USER_ID") || field.name().equals("ITEM_ID");
        if (id && value.codePointCount(0, value.length()) > MAX_ID_LENGTH) {
            return field.name() + " is longer than " + MAX_ID_LENGTH + " characters";
        }
        try {
            switch (field.valueType()) {
                case "int" -> Integer.parseInt(value);
                case "long" -> Long.parseLong(value);
                case "float", "double" -> {
                    double d = Double.parseDouble(value);
                    if (Double.isNaN(d) || Double.isInfinite(d)) {
                        return field.name() + " '" + value + "' is not a finite number";
                    }
                }
                case "boolean" -> {
                    if (!value.equals("true") && !value.equals("false")) {
                        return field.name() + " '" + value + "' is not true or false";
                    }
                }
                default -> {
                    // string: any text; categorical values are limited one by one
                }
            }
        } catch (NumberFormatException e) {
            return field.name() + " '" + abbreviate(value) + "' is not a valid " + field.valueType();
        }
        if (field.categorical()) {
            for (String category : value.split("\\|", -1)) {
                if (category.codePointCount(0, category.length()) > MAX_CATEGORY_LENGTH) {
                    return field.name() + " has a category longer than " + MAX_CATEGORY_LENGTH + " characters";
                }
            }
        }
        return null;
    }

    private void problem(long line, String message) {
        problemCount++;
        if (problems.size() < PROBLEMS_KEPT) {
            problems.add(new Problem(line, message));
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }
}
