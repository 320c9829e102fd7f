package com.movierec.dataprep.text;

import com.movierec.dataprep.report.Rejection;
import com.movierec.schemas.CsvRecordParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Reads the small MovieLens files (movies, users) as records of decoded String fields. Lines are separated by a
 * fixed separator, or parsed as RFC 4180 CSV where quoted fields may hold separators, doubled quotes and newlines.
 * A line that is not valid UTF-8 in a UTF-8 file becomes a rejected record instead of mangled text.
 *
 * <p>A quote that is never closed (or whose closing is followed by text) on a later line rejects only the line it
 * opened on: the lines read while looking for the closing quote are read again as records of their own, so one
 * malformed title does not swallow the movies after it.
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

    /** A physical line: its number and text, or null text when it is not valid in the charset. */
    private record Line(long number, String text, boolean blank) {
    }

    private final LineScanner lines;
    private final Charset charset;
    private final String separator;
    private final boolean csv;
    /** Lines read ahead while looking for a closing quote that never came, to be read again. */
    private final Deque<Line> replay = new ArrayDeque<>();
    private final CsvRecordParser parser = new CsvRecordParser();

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
        for (Line l = nextLine(); l != null; l = nextLine()) {
            if (l.blank()) {
                continue;
            }
            if (l.text() == null) {
                return invalid(l.number(), l.number());
            }
            return csv ? parseCsv(l) : new Record(l.number(), splitPlain(l.text()), null, null);
        }
        return null;
    }

    private Line nextLine() throws IOException {
        if (!replay.isEmpty()) {
            return replay.pollFirst();
        }
        if (!lines.next()) {
            return null;
        }
        boolean blank = lines.end() == lines.start();
        return new Line(lines.lineNumber(), blank ? "" : decode(), blank);
    }

    private Record invalid(long recordLine, long badLine) {
        return new Record(recordLine, List.of(), Rejection.INVALID_ENCODING, "line " + badLine + " is not valid " + charset.name());
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

    private Record parseCsv(Line first) throws IOException {
        long line = first.number();
        List<Line> continuation = new ArrayList<>();
        parser.reset();
        CsvRecordParser.State state = parser.feed(first.text());
        while (state == CsvRecordParser.State.OPEN_QUOTE) {
            // A quoted field continues on the next physical line.
            Line more = continuation.size() + 1 == MAX_LINES_PER_RECORD ? null : nextLine();
            if (more == null) {
                return unclosed(line, continuation);
            }
            continuation.add(more);
            if (more.text() == null) {
                return invalid(line, more.number());
            }
            state = parser.feed(more.text());
        }
        if (state == CsvRecordParser.State.TEXT_AFTER_QUOTE) {
            if (!continuation.isEmpty()) {
                // The quote that "closed" here belongs to a later row: the first line's quote never closed.
                return unclosed(line, continuation);
            }
            return new Record(line, List.of(), Rejection.MALFORMED_QUOTES, "text follows a closing quote on line " + line);
        }
        return new Record(line, parser.fields(), null, null);
    }

    /** Rejects the line the quote opened on and puts the lines read after it back to be read as records again. */
    private Record unclosed(long line, List<Line> continuation) {
        for (int k = continuation.size() - 1; k >= 0; k--) {
            replay.addFirst(continuation.get(k));
        }
        return new Record(line, List.of(), Rejection.MALFORMED_QUOTES, "the quote opened on line " + line + " is never closed");
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
