package com.movierec.schemas;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 parsing of one record, fed a physical line at a time: double-quoted fields may hold commas, doubled
 * quotes and line breaks, so a record can span lines. The one CSV parser of the project; readers decide what to do
 * with a quote that never closes.
 */
public final class CsvRecordParser {
    /** Where the record stands after the last line fed. */
    public enum State {
        /** The record ended with the line: {@link #fields()} holds it. */
        COMPLETE,
        /** A quoted field is still open: feed the next line. */
        OPEN_QUOTE,
        /** Text follows a closing quote, which RFC 4180 does not allow. */
        TEXT_AFTER_QUOTE
    }

    private final List<String> fields = new ArrayList<>(8);
    private final StringBuilder field = new StringBuilder();
    private boolean quoted;
    private boolean closed;
    private boolean started;

    /** The fields of a single-line record, or null when its quoting is broken or left open. */
    public static List<String> parseLine(String line) {
        CsvRecordParser parser = new CsvRecordParser();
        return parser.feed(line) == State.COMPLETE ? parser.fields() : null;
    }

    /** Feeds the first line of a record, or the next line while {@link State#OPEN_QUOTE}. */
    public State feed(String line) {
        if (started) {
            field.append('\n'); // the line break inside the open quoted field
        }
        started = true;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c != '"') {
                    field.append(c);
                } else if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
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
                return State.TEXT_AFTER_QUOTE;
            } else if (c == '"' && field.isEmpty()) {
                quoted = true;
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            return State.OPEN_QUOTE;
        }
        fields.add(field.toString());
        return State.COMPLETE;
    }

    /** The record's fields once {@link State#COMPLETE}. */
    public List<String> fields() {
        return List.copyOf(fields);
    }

    /** Starts a new record. */
    public void reset() {
        fields.clear();
        field.setLength(0);
        quoted = false;
        closed = false;
        started = false;
    }
}
