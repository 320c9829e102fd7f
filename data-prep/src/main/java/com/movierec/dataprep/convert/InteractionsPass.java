package com.movierec.dataprep.convert;

import com.movierec.dataprep.PrepException;
import com.movierec.dataprep.index.ByteKeyIndex;
import com.movierec.dataprep.index.LongPairSet;
import com.movierec.dataprep.input.InputSource;
import com.movierec.dataprep.input.MovieLensFormat;
import com.movierec.dataprep.report.DatasetReport;
import com.movierec.dataprep.report.Rejection;
import com.movierec.dataprep.report.RejectionTally;
import com.movierec.dataprep.text.Bytes;
import com.movierec.schemas.CsvRecordParser;
import com.movierec.dataprep.text.Fields;
import com.movierec.dataprep.text.LineScanner;
import com.movierec.dataprep.write.CsvOutput;
import com.movierec.schemas.DatasetType;
import com.movierec.schemas.Domain;
import com.movierec.schemas.PersonalizeSchemas;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * Streams the ratings file into interactions.csv. This is the hot path (32 million rows for ml-32m): lines stay
 * bytes, ids are interned into {@link ByteKeyIndex}es, and memory grows with distinct users and movies, not rows.
 *
 * <p>Duplicates (same user, movie and timestamp) are found per user while the file is grouped by user, as every
 * MovieLens ratings file but ml-100k's is. When a user reappears later, the pass starts over remembering every
 * (user, movie, timestamp), which costs memory per row but is only needed for such small, unsorted files.
 */
public final class InteractionsPass {
    private static final List<String> COLUMNS = List.of("USER_ID", "ITEM_ID", "TIMESTAMP", "EVENT_TYPE", "EVENT_VALUE");
    private static final List<String> ML_LATEST_HEADER = List.of("userId", "movieId", "rating", "timestamp");
    private static final long MIN_RATING_MILLIS = 500;
    private static final long MAX_RATING_MILLIS = 5000;
    /** 2100-01-01T00:00:00Z: later "seconds" are almost certainly milliseconds or garbage. */
    private static final long MAX_TIMESTAMP = 4_102_444_800L;
    private static final int PROGRESS_EVERY_ROWS = 1 << 16;

    /** What the interactions say about the data as a whole, for the report and Personalize's rules. */
    public record Stats(long users, long items, long interactions, long usersWithAtLeastTwo,
                        long withoutItemMetadata, long catalogItemsWithoutInteractions, long firstTimestamp, long lastTimestamp) {
    }

    public record Result(DatasetReport report, Stats stats) {
    }

    private static final class Ungrouped extends RuntimeException {
        Ungrouped() {
            super(null, null, false, false);
        }
    }

    private final MovieLensFormat format;
    private final Charset charset;
    private final byte[] eventType;
    private final long minRatingMillis;
    private final ByteKeyIndex items;
    private final int catalogSize;

    /**
     * @param catalog the movies written to items.csv; ratings of other movies are kept and counted
     */
    public InteractionsPass(MovieLensFormat format, Domain domain, Charset forcedCharset, String eventType,
                            Double minRating, ByteKeyIndex catalog) {
        List<String> schemaColumns = PersonalizeSchemas.load(DatasetType.INTERACTIONS, domain).columns();
        if (!schemaColumns.equals(COLUMNS)) {
            throw new IllegalStateException("the Interactions schema's columns " + schemaColumns
                    + " no longer match what data-prep writes " + COLUMNS);
        }
        this.format = format;
        this.charset = forcedCharset != null ? forcedCharset : format.charset();
        this.eventType = eventType.getBytes(StandardCharsets.UTF_8);
        this.minRatingMillis = minRating == null ? 0 : Math.round(minRating * 1000);
        this.items = catalog;
        this.catalogSize = catalog.size();
    }

    public Result run(InputSource source, Path target, LongConsumer bytesRead) throws IOException {
        try {
            return new Run(true).execute(source, target, bytesRead);
        } catch (Ungrouped e) {
            return new Run(false).execute(source, target, bytesRead);
        }
    }

    /** One pass over the file; a new Run starts from scratch. */
    private final class Run {
        private final boolean grouped;
        private final RejectionTally tally = new RejectionTally();
        private final Fields fields = new Fields();
        private final ByteKeyIndex users = new ByteKeyIndex();
        private final LongPairSet seen = new LongPairSet();
        private final BitSet closedUsers = new BitSet();
        private final BitSet itemsRated = new BitSet();
        private int[] userCounts = new int[1 << 12];
        private byte[] previousUser = new byte[64];
        private int previousUserLength = -1;
        private int previousUserId = -1;
        private long read;
        private long duplicates;
        private long filtered;
        private long withoutMetadata;
        private long first = Long.MAX_VALUE;
        private long last = Long.MIN_VALUE;

        Run(boolean grouped) {
            this.grouped = grouped;
        }

        Result execute(InputSource source, Path target, LongConsumer progress) throws IOException {
            String file = format.ratingsFile();
            String location = source.location(file);
            byte[] separator = format.separator().getBytes(StandardCharsets.US_ASCII);
            boolean utf8 = charset.equals(StandardCharsets.UTF_8);
            try (InputStream in = SourceFile.open(source, file, format.id());
                 LineScanner lines = new LineScanner(in);
                 CsvOutput out = new CsvOutput(Files.newOutputStream(target))) {
                out.header(COLUMNS);
                boolean headerPending = format.hasHeader();
                while (lines.next()) {
                    byte[] b = lines.buffer();
                    int s = lines.start();
                    int e = lines.end();
                    if (s == e) {
                        continue;
                    }
                    if (headerPending) {
                        headerPending = false;
                        expectHeader(lines, location);
                        continue;
                    }
                    read++;
                    row(b, s, e, lines.lineNumber(), separator, utf8, out);
                    if ((read & (PROGRESS_EVERY_ROWS - 1)) == 0) {
                        progress.accept(lines.bytesConsumed());
                        Checks.notGarbage(location, format.id(), read, out.rows() + duplicates + filtered, tally, false);
                    }
                }
                progress.accept(lines.bytesConsumed());
                Checks.notGarbage(location, format.id(), read, out.rows() + duplicates + filtered, tally, true);
                DatasetReport report = DatasetReport.of(DatasetType.INTERACTIONS.csvFileName(), file, charset.name(),
                        lines.hadByteOrderMark(), lines.crlfLines(), read, out.rows(), duplicates, filtered, tally);
                return new Result(report, stats(out.rows()));
            }
        }

        private void expectHeader(LineScanner lines, String location) {
            List<String> header = CsvRecordParser.parseLine(lines.lineAsString(StandardCharsets.UTF_8));
            if (!ML_LATEST_HEADER.equals(header)) {
                throw new PrepException(location + " starts with '" + abbreviate(lines.lineAsString(StandardCharsets.UTF_8))
                        + "', but an ml-latest ratings file starts with the header userId,movieId,rating,timestamp; check --format and the file.");
            }
        }

        private void row(byte[] b, int s, int e, long line, byte[] separator, boolean utf8, CsvOutput out) throws IOException {
            int n = fields.split(b, s, e, separator);
            if (format == MovieLensFormat.ML_LATEST && fields.sawQuote()) {
                // A quoted CSV line (rare in ratings files): RFC 4180 rules, after checking it is real UTF-8.
                if (!Bytes.isValidUtf8(b, s, e)) {
                    tally.reject(Rejection.INVALID_ENCODING, line, "line " + line + " is not valid UTF-8");
                    return;
                }
                List<String> parsed = CsvRecordParser.parseLine(new String(b, s, e - s, StandardCharsets.UTF_8));
                if (parsed == null) {
                    tally.reject(Rejection.MALFORMED_QUOTES, line, "line " + line + " has an unbalanced quote");
                    return;
                }
                n = fields.set(parsed);
            }
            if (n != 4) {
                tally.reject(Rejection.WRONG_FIELD_COUNT, line, "line " + line + " has " + n + " fields, expected 4 separated by '"
                        + format.separator().replace("\t", "\\t") + "'");
                return;
            }
            byte[] fb = fields.buffer();
            // Numeric ids (all of MovieLens') are ASCII, short and need no quoting: skip those checks.
            boolean numericIds = Bytes.isDigits(fb, fields.start(0), fields.end(0)) && Bytes.isDigits(fb, fields.start(1), fields.end(1))
                    && fields.length(0) <= Checks.MAX_ID_LENGTH && fields.length(1) <= Checks.MAX_ID_LENGTH;
            if (!numericIds) {
                if (utf8 && !Bytes.isAscii(fb, fields.start(0), fields.end(1)) && !Bytes.isValidUtf8(fb, fields.start(0), fields.end(1))) {
                    tally.reject(Rejection.INVALID_ENCODING, line, "line " + line + " is not valid UTF-8");
                    return;
                }
                if (!validId(fb, 0, "user id", line, utf8) || !validId(fb, 1, "movie id", line, utf8)) {
                    return;
                }
            }
            long rating = Bytes.parseMillis(fb, fields.start(2), fields.end(2));
            if (rating == Bytes.INVALID) {
                tally.reject(Rejection.BAD_RATING, line, "rating '" + text(2) + "' on line " + line);
                return;
            }
            if (rating < MIN_RATING_MILLIS || rating > MAX_RATING_MILLIS) {
                tally.reject(Rejection.RATING_OUT_OF_RANGE, line, "rating " + text(2) + " on line " + line);
                return;
            }
            long ts = Bytes.parseLong(fb, fields.start(3), fields.end(3));
            if (ts == Bytes.INVALID || ts < 0) {
                tally.reject(Rejection.BAD_TIMESTAMP, line, "timestamp '" + text(3) + "' on line " + line);
                return;
            }
            if (ts > MAX_TIMESTAMP) {
                tally.reject(ts >= 100_000_000_000L ? Rejection.TIMESTAMP_IN_MILLISECONDS : Rejection.BAD_TIMESTAMP, line,
                        "timestamp " + ts + " on line " + line);
                return;
            }
            if (rating < minRatingMillis) {
                filtered++;
                return;
            }
            int user = userId(fb, fields.start(0), fields.end(0));
            int item = items.getOrAdd(fb, fields.start(1), fields.end(1));
            boolean fresh = grouped ? seen.add(item, ts) : seen.add(((long) user << 32) | item, ts);
            if (!fresh) {
                duplicates++;
                return;
            }
            write(out, fb, utf8, numericIds, ts);
            count(user, item, ts);
        }

        private boolean validId(byte[] b, int field, String what, long line, boolean utf8) {
            int s = fields.start(field);
            int e = fields.end(field);
            if (s == e) {
                tally.reject(Rejection.EMPTY_ID, line, what + " is empty on line " + line);
                return false;
            }
            int length = e - s;
            if (length > Checks.MAX_ID_LENGTH && utf8) {
                length = Bytes.utf8Length(b, s, e);
            }
            if (length > Checks.MAX_ID_LENGTH) {
                tally.reject(Rejection.ID_TOO_LONG, line, what + " on line " + line + " has " + length + " characters", length);
                return false;
            }
            return true;
        }

        /** Interns the user; while the file is grouped by user, a user seen before the previous one means it is not. */
        private int userId(byte[] b, int s, int e) {
            int length = e - s;
            if (length == previousUserLength && Bytes.equalRange(previousUser, b, s, length)) {
                return previousUserId;
            }
            int id = users.getOrAdd(b, s, e);
            if (grouped) {
                if (previousUserId >= 0) {
                    closedUsers.set(previousUserId);
                }
                if (closedUsers.get(id)) {
                    throw new Ungrouped();
                }
                seen.clear();
            }
            if (previousUser.length < length) {
                previousUser = new byte[Math.max(length, previousUser.length * 2)];
            }
            System.arraycopy(b, s, previousUser, 0, length);
            previousUserLength = length;
            previousUserId = id;
            return id;
        }

        private void write(CsvOutput out, byte[] b, boolean utf8, boolean numericIds, long ts) throws IOException {
            for (int f = 0; f < 2; f++) {
                if (numericIds) {
                    out.fieldUnquoted(b, fields.start(f), fields.end(f));
                } else if (utf8 || Bytes.isAscii(b, fields.start(f), fields.end(f))) {
                    out.field(b, fields.start(f), fields.end(f));
                } else {
                    out.fieldLatin1(b, fields.start(f), fields.end(f));
                }
            }
            out.field(ts);
            out.field(eventType, 0, eventType.length); // validated by PrepOptions: never needs quotes, but cheap
            out.fieldUnquoted(b, fields.start(2), fields.end(2)); // validated as a plain decimal
            out.endRow();
        }

        private void count(int user, int item, long ts) {
            if (user >= userCounts.length) {
                userCounts = Arrays.copyOf(userCounts, Math.max(user + 1, userCounts.length * 2));
            }
            if (userCounts[user] < Integer.MAX_VALUE) {
                userCounts[user]++;
            }
            itemsRated.set(item);
            if (item >= catalogSize) {
                withoutMetadata++;
            }
            first = Math.min(first, ts);
            last = Math.max(last, ts);
        }

        private Stats stats(long written) {
            long activeUsers = 0;
            long usersWithTwo = 0;
            for (int i = 0; i < users.size(); i++) {
                if (userCounts.length > i && userCounts[i] > 0) {
                    activeUsers++;
                    if (userCounts[i] >= 2) {
                        usersWithTwo++;
                    }
                }
            }
            long coldCatalogItems = catalogSize - itemsRated.get(0, catalogSize).cardinality();
            return new Stats(activeUsers, itemsRated.cardinality(), written, usersWithTwo, withoutMetadata,
                    coldCatalogItems, written == 0 ? 0 : first, written == 0 ? 0 : last);
        }

        private String text(int field) {
            return abbreviate(fields.asString(field, charset));
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
