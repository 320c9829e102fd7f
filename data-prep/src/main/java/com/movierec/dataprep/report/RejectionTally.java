package com.movierec.dataprep.report;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Counts rejected rows by reason and keeps the first line numbers and one example detail of each. */
public final class RejectionTally {
    static final int FIRST_LINES_KEPT = 5;

    private final Map<Rejection, Entry> entries = new EnumMap<>(Rejection.class);
    private long total;

    public void reject(Rejection reason, long line, String detail) {
        reject(reason, line, detail, 0);
    }

    /** @param measured a size that broke a limit (e.g. an id's length), so the report can say by how much */
    public void reject(Rejection reason, long line, String detail, long measured) {
        Entry e = entries.computeIfAbsent(reason, r -> new Entry());
        e.count++;
        e.largest = Math.max(e.largest, measured);
        if (e.firstLines.size() < FIRST_LINES_KEPT) {
            e.firstLines.add(line);
        }
        if (e.firstDetail == null) {
            e.firstDetail = detail;
        }
        total++;
    }

    public long total() {
        return total;
    }

    public long count(Rejection reason) {
        Entry e = entries.get(reason);
        return e == null ? 0 : e.count;
    }

    public Map<Rejection, Entry> entries() {
        return entries;
    }

    /** Tally of one reason: how many rows, the first line numbers, and what the first one looked like. */
    public static final class Entry {
        private long count;
        private final List<Long> firstLines = new ArrayList<>(FIRST_LINES_KEPT);
        private String firstDetail;
        private long largest;

        public long count() {
            return count;
        }

        public List<Long> firstLines() {
            return firstLines;
        }

        public String firstDetail() {
            return firstDetail;
        }

        /** The largest measured value among the rejected rows (0 when the reason measures nothing). */
        public long largest() {
            return largest;
        }
    }
}
