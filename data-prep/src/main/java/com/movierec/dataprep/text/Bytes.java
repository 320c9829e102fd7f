package com.movierec.dataprep.text;

/** Byte-level checks and number parsing for the hot path, where building Strings per row would dominate. */
public final class Bytes {
    /** Returned by the parsers when the text is not a number of the expected form. */
    public static final long INVALID = Long.MIN_VALUE;

    private Bytes() {
    }

    public static boolean isAscii(byte[] b, int s, int e) {
        for (int i = s; i < e; i++) {
            if (b[i] < 0) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code b[s, e)} holds only the digits 0-9 (and at least one): such an id needs no other check. */
    public static boolean isDigits(byte[] b, int s, int e) {
        if (s == e) {
            return false;
        }
        for (int i = s; i < e; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                return false;
            }
        }
        return true;
    }

    /** {@code a[0, len)} equals {@code b[s, s + len)}; a plain loop, faster than Arrays.equals for a few bytes. */
    public static boolean equalRange(byte[] a, byte[] b, int s, int len) {
        for (int i = 0; i < len; i++) {
            if (a[i] != b[s + i]) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code b[s, e)} is well-formed UTF-8 (no overlongs, surrogates or code points past U+10FFFF). */
    public static boolean isValidUtf8(byte[] b, int s, int e) {
        int i = s;
        while (i < e) {
            int c = b[i] & 0xFF;
            if (c < 0x80) {
                i++;
                continue;
            }
            int n;
            int min;
            if (c >= 0xC2 && c <= 0xDF) {
                n = 1;
                min = 0x80;
            } else if (c >= 0xE0 && c <= 0xEF) {
                n = 2;
                min = 0x800;
            } else if (c >= 0xF0 && c <= 0xF4) {
                n = 3;
                min = 0x10000;
            } else {
                return false;
            }
            if (i + n >= e) {
                return false;
            }
            int cp = c & (0x3F >> n);
            for (int k = 1; k <= n; k++) {
                int cc = b[i + k] & 0xFF;
                if ((cc & 0xC0) != 0x80) {
                    return false;
                }
                cp = (cp << 6) | (cc & 0x3F);
            }
            if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
                return false;
            }
            i += n + 1;
        }
        return true;
    }

    /** Number of characters (code points) in valid UTF-8 text: bytes that do not continue a sequence. */
    public static int utf8Length(byte[] b, int s, int e) {
        int n = 0;
        for (int i = s; i < e; i++) {
            if ((b[i] & 0xC0) != 0x80) {
                n++;
            }
        }
        return n;
    }

    /** Parses an unsigned decimal integer of at most 18 digits; {@link #INVALID} otherwise. A leading '-' is allowed. */
    public static long parseLong(byte[] b, int s, int e) {
        boolean negative = s < e && b[s] == '-';
        int i = negative ? s + 1 : s;
        if (i == e || e - i > 18) {
            return INVALID;
        }
        long v = 0;
        for (; i < e; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                return INVALID;
            }
            v = v * 10 + d;
        }
        return negative ? -v : v;
    }

    /**
     * Parses a plain decimal such as {@code 4}, {@code 3.5} or {@code 4.25} (no sign, no exponent) and returns it in
     * thousandths, e.g. 3500 for 3.5; {@link #INVALID} for anything else or more than three decimals.
     */
    public static long parseMillis(byte[] b, int s, int e) {
        if (s == e || e - s > 15) {
            return INVALID;
        }
        long whole = 0;
        int i = s;
        int digits = 0;
        for (; i < e && b[i] != '.'; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                return INVALID;
            }
            whole = whole * 10 + d;
            digits++;
        }
        long frac = 0;
        int scale = 1000;
        if (i < e) { // at '.'
            i++;
            if (i == e && digits == 0) {
                return INVALID;
            }
            for (; i < e; i++) {
                int d = b[i] - '0';
                if (d < 0 || d > 9) {
                    return INVALID;
                }
                scale /= 10;
                if (scale == 0 && d != 0) {
                    return INVALID;
                }
                frac += (long) d * scale;
            }
        } else if (digits == 0) {
            return INVALID;
        }
        return whole * 1000 + frac;
    }
}
