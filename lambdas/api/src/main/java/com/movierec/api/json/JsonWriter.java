package com.movierec.api.json;

/**
 * Writes the API's response bodies: the subset of Jackson's {@code JsonGenerator} they use, with the same output byte
 * for byte as Jackson's defaults (short escapes for {@code " \ \b \t \n \f \r}, {@code \\u00XX} for other control
 * characters, everything else as is; doubles as {@link Double#toString(double)}, NaN and infinities as strings), so
 * answering a GET loads no JSON library at all. Reading request bodies stays with Jackson ({@link JsonFields}).
 * Not thread-safe; one per body.
 */
public final class JsonWriter {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private final StringBuilder out;
    /** Per open object or array: whether it has no member yet. Index 0 is the top level. */
    private boolean[] empty = new boolean[8];
    private int depth;
    private boolean afterName;

    JsonWriter(StringBuilder out) {
        this.out = out;
        empty[0] = true;
    }

    public void writeStartObject() {
        beforeValue();
        out.append('{');
        open();
    }

    public void writeEndObject() {
        close();
        out.append('}');
    }

    public void writeStartArray() {
        beforeValue();
        out.append('[');
        open();
    }

    public void writeEndArray() {
        close();
        out.append(']');
    }

    public void writeFieldName(String name) {
        if (!empty[depth]) {
            out.append(',');
        }
        empty[depth] = false;
        quoted(name);
        out.append(':');
        afterName = true;
    }

    public void writeString(String text) {
        beforeValue();
        if (text == null) {
            out.append("null");
        } else {
            quoted(text);
        }
    }

    public void writeNumber(int value) {
        beforeValue();
        out.append(value);
    }

    public void writeNumber(long value) {
        beforeValue();
        out.append(value);
    }

    public void writeNumber(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            writeString(Double.toString(value));
        } else {
            beforeValue();
            out.append(Double.toString(value));
        }
    }

    public void writeBoolean(boolean value) {
        beforeValue();
        out.append(value);
    }

    public void writeNull() {
        beforeValue();
        out.append("null");
    }

    public void writeStringField(String name, String value) {
        writeFieldName(name);
        writeString(value);
    }

    public void writeNumberField(String name, int value) {
        writeFieldName(name);
        writeNumber(value);
    }

    public void writeNumberField(String name, long value) {
        writeFieldName(name);
        writeNumber(value);
    }

    public void writeNumberField(String name, double value) {
        writeFieldName(name);
        writeNumber(value);
    }

    public void writeBooleanField(String name, boolean value) {
        writeFieldName(name);
        writeBoolean(value);
    }

    public void writeNullField(String name) {
        writeFieldName(name);
        writeNull();
    }

    public void writeArrayFieldStart(String name) {
        writeFieldName(name);
        writeStartArray();
    }

    private void beforeValue() {
        if (afterName) {
            afterName = false;
            return;
        }
        if (depth > 0) {
            if (!empty[depth]) {
                out.append(',');
            }
            empty[depth] = false;
        }
    }

    private void open() {
        depth++;
        if (depth == empty.length) {
            empty = java.util.Arrays.copyOf(empty, depth * 2);
        }
        empty[depth] = true;
    }

    private void close() {
        if (depth == 0) {
            throw new IllegalStateException("no open object or array");
        }
        depth--;
    }

    private void quoted(String text) {
        out.append('"');
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\') {
                continue;
            }
            out.append(text, start, i);
            start = i + 1;
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\t' -> out.append("\\t");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        out.append(text, start, text.length()).append('"');
    }
}
