package com.movierec.local.personalize.filter;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads one filterValues entry of a recommendation request. Personalize passes each parameter's values as one
 * string of comma-separated values, strings in escaped double quotes and numbers bare:
 * {@code {"GENRE": "\"Comedy\",\"Drama\"", "DATE": "788918400"}}.
 */
final class FilterValues {
    private FilterValues() {
    }

    /** The values of parameter {@code name} in {@code raw}. */
    static List<String> parse(String name, String raw) {
        List<String> values = new ArrayList<>();
        int i = 0;
        while (true) {
            while (i < raw.length() && Character.isWhitespace(raw.charAt(i))) {
                i++;
            }
            StringBuilder value = new StringBuilder();
            if (i < raw.length() && raw.charAt(i) == '"') {
                i++;
                while (i < raw.length() && raw.charAt(i) != '"') {
                    if (raw.charAt(i) == '\\' && i + 1 < raw.length()) {
                        i++;
                    }
                    value.append(raw.charAt(i++));
                }
                if (i == raw.length()) {
                    throw malformed(name, raw, "a quoted value has no closing quote");
                }
                i++;
                values.add(value.toString());
            } else {
                while (i < raw.length() && raw.charAt(i) != ',') {
                    value.append(raw.charAt(i++));
                }
                String bare = value.toString().strip();
                if (!isNumber(bare)) {
                    throw malformed(name, raw, "'" + bare + "' is neither a quoted string nor a number");
                }
                values.add(bare);
            }
            while (i < raw.length() && Character.isWhitespace(raw.charAt(i))) {
                i++;
            }
            if (i == raw.length()) {
                return values;
            }
            if (raw.charAt(i++) != ',') {
                throw malformed(name, raw, "values must be separated by commas");
            }
        }
    }

    private static boolean isNumber(String s) {
        try {
            Double.parseDouble(s);
            return !s.isEmpty();
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static FilterValuesException malformed(String name, String raw, String why) {
        return new FilterValuesException("filter value for $" + name + " is malformed (" + why + "): " + raw);
    }
}
