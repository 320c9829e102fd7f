package com.movierec.dataprep.convert;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A movie's release as epoch seconds (UTC midnight), from ml-100k's release date or the year in a title. */
final class ReleaseTime {
    private static final DateTimeFormatter ML100K_DATE = DateTimeFormatter.ofPattern("d-MMM-uuuu", Locale.ENGLISH);
    // "Toy Story (1995)", "Hamlet (1996) ", series "Fawlty Towers (1975-1979)": the year in the last parentheses.
    private static final Pattern TITLE_YEAR = Pattern.compile("\\((\\d{4})(?:[-\u2013]\\d{0,4})?\\)\\s*$");

    private ReleaseTime() {
    }

    /** Epoch seconds of a date like {@code 01-Jan-1995}; throws DateTimeParseException for anything else. */
    static long fromMl100kDate(String date) {
        return LocalDate.parse(date.trim(), ML100K_DATE).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
    }

    static boolean isDate(String date) {
        try {
            fromMl100kDate(date);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** Epoch seconds of 1 January of the year a title ends with, or null when it has none. */
    static Long fromTitle(String title) {
        Matcher m = TITLE_YEAR.matcher(title);
        if (!m.find()) {
            return null;
        }
        int year = Integer.parseInt(m.group(1));
        if (year < 1870 || year > 2100) {
            return null;
        }
        return LocalDate.of(year, 1, 1).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
    }
}
