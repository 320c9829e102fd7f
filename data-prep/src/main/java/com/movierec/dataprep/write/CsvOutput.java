package com.movierec.dataprep.write;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes UTF-8 CSV the way Personalize reads it: a plain header, comma separators, '\n' line ends, and RFC 4180
 * quoting only for values holding a comma, a quote or a line break. Buffers itself so the hot path makes no calls
 * into the stream per field.
 */
public final class CsvOutput implements AutoCloseable {
    private final OutputStream out;
    private final byte[] buf = new byte[1 << 20];
    private int pos;
    private boolean rowStarted;
    private long rows;
    private long bytesWritten;

    public CsvOutput(OutputStream out) {
        this.out = out;
    }

    public void header(List<String> columns) throws IOException {
        for (String c : columns) {
            field(c);
        }
        endRow();
        rows = 0;
    }

    /** A value that is already UTF-8. */
    public void field(byte[] b, int s, int e) throws IOException {
        separator();
        if (needsQuotes(b, s, e)) {
            quoted(b, s, e);
        } else {
            raw(b, s, e);
        }
    }

    /** A value the caller knows needs no quoting, such as a number. */
    public void fieldUnquoted(byte[] b, int s, int e) throws IOException {
        separator();
        raw(b, s, e);
    }

    /** A value in ISO-8859-1, transcoded to UTF-8. */
    public void fieldLatin1(byte[] b, int s, int e) throws IOException {
        String text = new String(b, s, e - s, StandardCharsets.ISO_8859_1);
        field(text);
    }

    public void field(String value) throws IOException {
        byte[] b = value.getBytes(StandardCharsets.UTF_8);
        field(b, 0, b.length);
    }

    public void field(long value) throws IOException {
        separator();
        ensure(20);
        if (value < 0) {
            buf[pos++] = '-';
            value = -value;
        }
        int startPos = pos;
        do {
            buf[pos++] = (byte) ('0' + value % 10);
            value /= 10;
        } while (value != 0);
        for (int i = startPos, j = pos - 1; i < j; i++, j--) {
            byte t = buf[i];
            buf[i] = buf[j];
            buf[j] = t;
        }
    }

    /** An empty value: null for a nullable field. */
    public void empty() throws IOException {
        separator();
    }

    public void endRow() throws IOException {
        ensure(1);
        buf[pos++] = '\n';
        rowStarted = false;
        rows++;
    }

    /** Data rows written, not counting the header. */
    public long rows() {
        return rows;
    }

    public long bytesWritten() {
        return bytesWritten + pos;
    }

    private void separator() throws IOException {
        if (rowStarted) {
            ensure(1);
            buf[pos++] = ',';
        }
        rowStarted = true;
    }

    private static boolean needsQuotes(byte[] b, int s, int e) {
        for (int i = s; i < e; i++) {
            byte c = b[i];
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                return true;
            }
        }
        return false;
    }

    private void quoted(byte[] b, int s, int e) throws IOException {
        ensure(1);
        buf[pos++] = '"';
        for (int i = s; i < e; i++) {
            ensure(2);
            if (b[i] == '"') {
                buf[pos++] = '"';
            }
            buf[pos++] = b[i];
        }
        ensure(1);
        buf[pos++] = '"';
    }

    private void raw(byte[] b, int s, int e) throws IOException {
        int len = e - s;
        if (len > buf.length - pos) {
            flush();
            if (len > buf.length) {
                out.write(b, s, len);
                bytesWritten += len;
                return;
            }
        }
        System.arraycopy(b, s, buf, pos, len);
        pos += len;
    }

    private void ensure(int n) throws IOException {
        if (buf.length - pos < n) {
            flush();
        }
    }

    private void flush() throws IOException {
        out.write(buf, 0, pos);
        bytesWritten += pos;
        pos = 0;
    }

    @Override
    public void close() throws IOException {
        try {
            flush();
        } finally {
            out.close();
        }
    }
}
