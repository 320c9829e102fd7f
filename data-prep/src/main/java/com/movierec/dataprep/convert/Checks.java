package com.movierec.dataprep.convert;

import com.movierec.dataprep.PrepException;
import com.movierec.dataprep.report.Rejection;
import com.movierec.dataprep.report.RejectionTally;

/** Row checks shared by the small-file passes, and the guard that tells garbage from a few bad rows. */
final class Checks {
    static final int MAX_ID_LENGTH = 256;
    static final int MAX_CATEGORY_LENGTH = 1000;
    /** If this many rows in a row fail from the start of a file, it is not the format we think it is. */
    static final int GARBAGE_ROWS = 1000;

    private Checks() {
    }

    /** Tallies and returns false when an id is empty or too long for Personalize. */
    static boolean id(String id, String what, long line, RejectionTally tally) {
        if (id.isEmpty()) {
            tally.reject(Rejection.EMPTY_ID, line, what + " is empty on line " + line);
            return false;
        }
        int length = id.codePointCount(0, id.length());
        if (length > MAX_ID_LENGTH) {
            tally.reject(Rejection.ID_TOO_LONG, line, what + " on line " + line + " has " + length + " characters", length);
            return false;
        }
        return true;
    }

    /** Tallies and returns false when a categorical value is longer than Personalize allows. */
    static boolean categoryLength(String value, String what, long line, RejectionTally tally) {
        int length = value.codePointCount(0, value.length());
        if (length > MAX_CATEGORY_LENGTH) {
            tally.reject(Rejection.CATEGORY_TOO_LONG, line, what + " on line " + line + " has " + length + " characters", length);
            return false;
        }
        return true;
    }

    /** Tallies and returns false when a categorical value is empty, too long, or holds Personalize's '|' separator. */
    static boolean category(String value, String what, long line, RejectionTally tally, Rejection ifBad) {
        if (!categoryLength(value, what, line, tally)) {
            return false;
        }
        if (value.isBlank() || value.indexOf('|') >= 0) {
            tally.reject(ifBad, line, what + " '" + value + "' on line " + line);
            return false;
        }
        return true;
    }

    /**
     * Fails the run when nothing could be read from the start of a file: wrong format or not MovieLens at all,
     * rather than a few bad rows worth reporting.
     */
    static void notGarbage(String location, String formatId, long rowsRead, long rowsOk, RejectionTally tally, boolean endOfFile) {
        if (rowsOk > 0 || rowsRead == 0 || (!endOfFile && rowsRead < GARBAGE_ROWS)) {
            return;
        }
        String example = tally.entries().values().stream().findFirst().map(e -> e.firstDetail()).orElse("");
        throw new PrepException(location + " does not look like " + formatId + " data: none of its first " + rowsRead
                + " rows could be read (" + example + "); check that --input is a MovieLens release and --format matches it.");
    }
}
