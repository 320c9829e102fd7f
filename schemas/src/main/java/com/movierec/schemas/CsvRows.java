package com.movierec.schemas;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads RFC 4180 CSV the way Personalize's import does: comma separated, double-quoted fields that may hold commas,
 * doubled quotes and line breaks. Small and strict; it reports, rather than repairs, a broken quote.
 */
public final class CsvRows implements AutoCloseable {
    /** One record: its fields, or null fields and a problem when its quoting is broken. */
    public record Row(long line, List<String> fields, String problem) {
    }

    private final BufferedReader in;
    private long lineNumber;

    public CsvRows(BufferedReader in) {
        this.in = in;
    }

    /** The next record, or null at the end. A blank line is a record with one empty field, as in CSV. */
    public Row next() throws IOException {
        String line = in.readLine();
        if (line == null) {
            return null;
        }
        long start = ++lineNumber;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean closed = false;
        int i = 0;
        while (true) {
            if (i == line.length()) {
                if (!quoted) {
                    fields.add(field.toString());
                    return new Row(start, fields, null);
                }
                line = in.readLine();
                if (line == null) {
                    return new Row(start, null, "a quoted field opened on line " + start + " is never closed");
                }
                lineNumber++;
                field.append('\n');
                i = 0;
                continue;
            }
            char c = line.charAt(i++);
            if (quoted) {
                if (c != '"') {
                    field.append(c);
                } else if (i < line.length() && line.charAt(i) == '"') {
                    field.append('"');
                    i++;
                } else {
                    quoted = false;
                    closed = true;
                }
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                closed = false;
            } else if (closed) {
                return new Row(start, null, "text follows a closing quote on line " + lineNumber);
            } else if (c == '"' && field.isEmpty()) {
                quoted = true;
            } else {
                field.append(c);
            }
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
