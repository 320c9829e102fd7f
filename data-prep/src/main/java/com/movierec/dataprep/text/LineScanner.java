package com.movierec.dataprep.text;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads lines as byte ranges from a stream without decoding them: the hot path of data-prep never builds a String
 * per row. Handles a UTF-8 byte order mark, CRLF and a missing final newline; a line never spans two calls to
 * {@link #next()}, however long it is.
 */
public final class LineScanner implements AutoCloseable {
    private static final int INITIAL_BUFFER = 1 << 20;

    private final InputStream in;
    private byte[] buf = new byte[INITIAL_BUFFER];
    private int pos;
    private int limit;
    private boolean eof;
    private long lineNumber;
    private long bytesConsumed;
    private int start;
    private int end;
    private boolean bom;
    private long crlfLines;
    private boolean first = true;

    public LineScanner(InputStream in) {
        this.in = in;
    }

    /** Advances to the next line; false at end of input. An empty final segment after the last newline is no line. */
    public boolean next() throws IOException {
        while (true) {
            int nl = indexOf((byte) '\n', pos, limit);
            if (nl >= 0) {
                set(pos, nl);
                bytesConsumed += nl + 1 - pos;
                pos = nl + 1;
                return true;
            }
            if (eof) {
                if (pos < limit) {
                    set(pos, limit);
                    bytesConsumed += limit - pos;
                    pos = limit;
                    return true;
                }
                return false;
            }
            fill();
        }
    }

    private void set(int s, int e) {
        if (first) {
            first = false;
            if (e - s >= 3 && buf[s] == (byte) 0xEF && buf[s + 1] == (byte) 0xBB && buf[s + 2] == (byte) 0xBF) {
                bom = true;
                s += 3;
            }
        }
        if (e > s && buf[e - 1] == '\r') {
            e--;
            crlfLines++;
        }
        start = s;
        end = e;
        lineNumber++;
    }

    private void fill() throws IOException {
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, limit - pos);
            limit -= pos;
            pos = 0;
        }
        if (limit == buf.length) {
            buf = Arrays.copyOf(buf, buf.length * 2);
        }
        int n = in.read(buf, limit, buf.length - limit);
        if (n < 0) {
            eof = true;
        } else {
            limit += n;
        }
    }

    private int indexOf(byte b, int from, int to) {
        byte[] a = buf;
        for (int i = from; i < to; i++) {
            if (a[i] == b) {
                return i;
            }
        }
        return -1;
    }

    /** The buffer holding the current line; valid until the next call to {@link #next()}. */
    public byte[] buffer() {
        return buf;
    }

    public int start() {
        return start;
    }

    public int end() {
        return end;
    }

    /** 1-based number of the current line in the file (the header is line 1). */
    public long lineNumber() {
        return lineNumber;
    }

    public long bytesConsumed() {
        return bytesConsumed;
    }

    public boolean hadByteOrderMark() {
        return bom;
    }

    public long crlfLines() {
        return crlfLines;
    }

    /** The current line decoded, for error messages and small files. */
    public String lineAsString(java.nio.charset.Charset charset) {
        return new String(buf, start, end - start, charset);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
