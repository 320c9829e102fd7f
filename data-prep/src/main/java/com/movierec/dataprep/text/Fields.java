package com.movierec.dataprep.text;

import java.nio.charset.StandardCharsets;

/**
 * The fields of one line as byte ranges of a buffer, split without allocating. Used on the interactions hot path;
 * small files use {@link RecordReader} instead.
 */
public final class Fields {
    /** More fields than any MovieLens file has; extra ones are counted but not stored. */
    private static final int MAX = 32;

    private final int[] starts = new int[MAX];
    private final int[] ends = new int[MAX];
    private byte[] buf;
    private int count;
    private byte[] scratch = new byte[256];
    private boolean sawQuote;

    /**
     * Splits {@code buf[s, e)} at every occurrence of {@code separator} (one or more bytes, e.g. {@code ::}).
     * Returns the number of fields, which may exceed what is stored when the line has too many.
     */
    public int split(byte[] buf, int s, int e, byte[] separator) {
        this.buf = buf;
        count = 0;
        int fieldStart = s;
        byte first = separator[0];
        int sepLen = separator.length;
        boolean quote = false;
        for (int i = s; i <= e - sepLen; i++) {
            byte c = buf[i];
            if (c == first && (sepLen == 1 || matches(buf, i, separator))) {
                add(fieldStart, i);
                fieldStart = i + sepLen;
                i += sepLen - 1;
            } else if (c == '"') {
                quote = true;
            }
        }
        for (int i = Math.max(s, e - sepLen + 1); i < e && !quote; i++) {
            quote = buf[i] == '"';
        }
        add(fieldStart, e);
        sawQuote = quote;
        return count;
    }

    /** Whether the line last split held a double quote, i.e. may need RFC 4180 parsing instead. */
    public boolean sawQuote() {
        return sawQuote;
    }

    /** Stores already-parsed string fields (the slow path for quoted CSV lines) as UTF-8 byte ranges. */
    public int set(java.util.List<String> values) {
        int needed = 0;
        for (String v : values) {
            needed += v.length() * 3;
        }
        if (scratch.length < needed) {
            scratch = new byte[needed];
        }
        buf = scratch;
        count = 0;
        int p = 0;
        for (String v : values) {
            byte[] b = v.getBytes(StandardCharsets.UTF_8);
            System.arraycopy(b, 0, scratch, p, b.length);
            add(p, p + b.length);
            p += b.length;
        }
        return count;
    }

    private static boolean matches(byte[] buf, int i, byte[] sep) {
        for (int k = 1; k < sep.length; k++) {
            if (buf[i + k] != sep[k]) {
                return false;
            }
        }
        return true;
    }

    private void add(int s, int e) {
        if (count < MAX) {
            starts[count] = s;
            ends[count] = e;
        }
        count++;
    }

    public int count() {
        return count;
    }

    public byte[] buffer() {
        return buf;
    }

    public int start(int i) {
        return starts[i];
    }

    public int end(int i) {
        return ends[i];
    }

    public int length(int i) {
        return ends[i] - starts[i];
    }

    public boolean isEmpty(int i) {
        return ends[i] == starts[i];
    }

    public String asString(int i, java.nio.charset.Charset charset) {
        return new String(buf, starts[i], ends[i] - starts[i], charset);
    }
}
