package com.movierec.dataprep.text;

import java.util.ArrayList;
import java.util.List;

/** RFC 4180 parsing of one CSV line, for the rare quoted line in a ratings file. */
public final class CsvLine {
    private CsvLine() {
    }

    /** The fields of {@code line}, or null when a quote is left open or text follows a closing quote. */
    public static List<String> parse(String line) {
        List<String> out = new ArrayList<>(8);
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean afterQuote = false;
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
                    afterQuote = true;
                }
            } else if (c == ',') {
                out.add(field.toString());
                field.setLength(0);
                afterQuote = false;
            } else if (afterQuote) {
                return null;
            } else if (c == '"' && field.isEmpty()) {
                quoted = true;
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            return null;
        }
        out.add(field.toString());
        return out;
    }
}
