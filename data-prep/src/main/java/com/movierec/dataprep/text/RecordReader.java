package com.movierec.dataprep.text;

import com.movierec.dataprep.report.Rejection;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the small MovieLens files (movies, users) as records of decoded String fields. Lines are separated by a
 * fixed separator, or parsed as RFC 4180 CSV where quoted fields may hold separators, doubled quotes and newlines.
 * A line that is not valid UTF-8 in a UTF-8 file becomes a rejected record instead of mangled text.
 */
public final class RecordReader implements AutoCloseable {
    /** A quoted field left open for more lines than this is malformed, not a long title. */
    private static final int MAX_LINES_PER_RECORD = 50;

    /** A row that was read, or the reason it could not be. */
    public record Record(long line, List<String> fields, Rejection rejection, String detail) {
        public boolean ok() {
            return rejection == null;
        }
    }

    private final LineScanner lines;
    private final Charset charset;
    private final String separator;
    private final boolean csv;
    private boolean pendingLine;

    private RecordReader(InputStream in, Charset charset, String separator, boolean csv) {
        this.lines = new LineScanner(in);
        this.charset = charset;
        this.separator = separator;
        this.csv = csv;
    }

    /** Fields separated by {@code separator} exactly, no quoting (MovieLens' pipe, tab and :: files). */
    public static RecordReader separated(InputStream in, Charset charset, String separator) {
        return new RecordReader(in, charset, separator, false);
    }

    /** RFC 4180 CSV with a comma separator (ml-latest, ml-25m, ml-32m). */
    public static RecordReader csv(InputStream in, Charset charset) {
        return new RecordReader(in, charset, ",", true);
    }

    /** The next record, or null at the end of the file. Blank lines are skipped. */
    public Record next() throws IOException {
        while (pendingLine || lines.next()) {
            pendingLine = false;
            if (lines.end() == lines.start()) {
                continue;
            }
            long line = lines.lineNumber();
            String text = decode();
            if (text == null) {
                return new Record(line, List.of(), Rejection.INVALID_ENCODING, "line " + line + " is not valid " + charset.name());
            }
            return csv ? parseCsv(line, text) : new Record(line, splitPlain(text), null, null);
        }
        return null;
    }

    private String decode() {
        byte[] b = lines.buffer();
        if (charset.equals(StandardCharsets.UTF_8) && !Bytes.isAscii(b, lines.start(), lines.end())
                && !Bytes.isValidUtf8(b, lines.start(), lines.end())) {
            return null;
        }
        return lines.lineAsString(charset);
    }

    private List<String> splitPlain(String text) {
        List<String> out = new ArrayList<>(8);
        int from = 0;
        int at;
        while ((at = text.indexOf(separator, from)) >= 0) {
            out.add(text.substring(from, at));
            from = at + separator.length();
        }
        out.add(text.substring(from));
        return out;
    }

    private Record parseCsv(long line, String first) throws IOException {
        List<String> out = new ArrayList<>(8);
        StringBuilder field = new StringBuilder();
        String text = first;
        int i = 0;
        int linesUsed = 1;
        boolean quoted = false;
        boolean afterQuote = false;
        while (true) {
            if (i == text.length()) {
                if (!quoted) {
                    out.add(field.toString());
                    return new Record(line, out, null, null);
                }
                // A quoted field continues on the next physical line.
                if (linesUsed == MAX_LINES_PER_RECORD || !lines.next()) {
                    return new Record(line, List.of(), Rejection.MALFORMED_QUOTES, "the quote opened on line " + line + " is never closed");
                }
                String more = decode();
                if (more == null) {
                    return new Record(line, List.of(), Rejection.INVALID_ENCODING, "line " + lines.lineNumber() + " is not valid " + charset.name());
                }
                field.append('\n');
                text = more;
                i = 0;
                linesUsed++;
                continue;
            }
            char c = text.charAt(i++);
            if (quoted) {
                if (c == '"') {
                    if (i < text.length() && text.charAt(i) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                        afterQuote = true;
                    }
                } else {
                    field.append(c);
                }
            } else if (c == ',') {
                out.add(field.toString());
                field.setLength(0);
                afterQuote = false;
            } else if (afterQuote) {
                return new Record(line, List.of(), Rejection.MALFORMED_QUOTES, "text follows a closing quote on line " + line);
            } else if (c == '"' && field.isEmpty()) {
                quoted = true;
            } else {
                field.append(c);
            }
        }
    }

    public boolean hadByteOrderMark() {
        return lines.hadByteOrderMark();
    }

    public long crlfLines() {
        return lines.crlfLines();
    }

    /** Total physical lines read so far, including the header and blank lines. */
    public long linesRead() {
        return lines.lineNumber();
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }
}
