package com.movierec.schemas;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.List;

/**
 * Reads RFC 4180 CSV the way Personalize's import does, record by record (a quoted field may span lines). Strict: it
 * reports, rather than repairs, a broken quote.
 */
public final class CsvRows implements AutoCloseable {
    /** One record: its fields, or null fields and a problem when its quoting is broken. */
    public record Row(long line, List<String> fields, String problem) {
    }

    private final BufferedReader in;
    private final CsvRecordParser parser = new CsvRecordParser();
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
        parser.reset();
        while (true) {
            switch (parser.feed(line)) {
                case COMPLETE -> {
                    return new Row(start, parser.fields(), null);
                }
                case TEXT_AFTER_QUOTE -> {
                    return new Row(start, null, "text follows a closing quote on line " + lineNumber);
                }
                case OPEN_QUOTE -> {
                    line = in.readLine();
                    if (line == null) {
                        return new Row(start, null, "a quoted field opened on line " + start + " is never closed");
                    }
                    lineNumber++;
                }
            }
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
