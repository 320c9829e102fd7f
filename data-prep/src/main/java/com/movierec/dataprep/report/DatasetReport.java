package com.movierec.dataprep.report;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What happened to one input file. The counts always reconcile:
 * {@code rowsRead = rowsWritten + duplicatesDropped + filteredOut + rejected}.
 *
 * @param file          the output file, e.g. interactions.csv
 * @param source        the MovieLens file it came from, e.g. u.data
 * @param encoding      the encoding the source was read in
 * @param byteOrderMark whether the source started with a UTF-8 byte order mark (dropped)
 * @param crlfLines     lines that ended in CRLF (read as LF)
 * @param filteredOut   rows left out on purpose by --min-rating
 */
public record DatasetReport(
        String file,
        String source,
        String encoding,
        boolean byteOrderMark,
        long crlfLines,
        long rowsRead,
        long rowsWritten,
        long duplicatesDropped,
        long filteredOut,
        long rejected,
        Map<String, RejectionSummary> rejections) {

    /**
     * One reason's share of the rejected rows.
     *
     * @param largest for limits (id length, category length): the largest value seen, else null
     */
    public record RejectionSummary(long count, String description, java.util.List<Long> firstLines, String example, Long largest) {
    }

    public static DatasetReport of(String file, String source, String encoding, boolean bom, long crlfLines,
                                   long rowsRead, long rowsWritten, long duplicates, long filtered, RejectionTally tally) {
        Map<String, RejectionSummary> rejections = new LinkedHashMap<>();
        tally.entries().forEach((reason, e) -> rejections.put(reason.name(),
                new RejectionSummary(e.count(), reason.description(), java.util.List.copyOf(e.firstLines()), e.firstDetail(),
                        e.largest() == 0 ? null : e.largest())));
        DatasetReport r = new DatasetReport(file, source, encoding, bom, crlfLines, rowsRead, rowsWritten, duplicates,
                filtered, tally.total(), rejections);
        if (rowsRead != rowsWritten + duplicates + filtered + tally.total()) {
            throw new IllegalStateException("counts of " + source + " do not reconcile: " + r);
        }
        return r;
    }
}
