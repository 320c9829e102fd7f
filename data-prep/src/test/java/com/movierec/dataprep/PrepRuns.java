package com.movierec.dataprep;

import static org.assertj.core.api.Assertions.assertThat;

import com.movierec.dataprep.MovieLensFixtures.Movie;
import com.movierec.dataprep.MovieLensFixtures.Rating;
import com.movierec.dataprep.MovieLensFixtures.User;
import com.movierec.dataprep.report.DatasetReport;
import com.movierec.dataprep.report.PrepReport;
import com.movierec.schemas.DatasetType;
import com.movierec.schemas.Domain;
import com.movierec.schemas.PersonalizeSchemas;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Running data-prep in tests and reading what it wrote. */
public final class PrepRuns {
    public static final String INTERACTIONS = DatasetType.INTERACTIONS.csvFileName();
    public static final String ITEMS = DatasetType.ITEMS.csvFileName();
    public static final String USERS = DatasetType.USERS.csvFileName();
    public static final String REPORT = DataPrep.REPORT_FILE;

    private PrepRuns() {
    }

    public static DataPrep.Outcome run(Path input, Path output) {
        return DataPrep.run(PrepOptions.defaults(input, output));
    }

    public static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<String> lines(Path file) {
        return read(file).lines().toList();
    }

    /** Every file in {@code dir} (hidden ones too) with its bytes; empty when the directory does not exist. */
    public static Map<String, byte[]> snapshot(Path dir) {
        Map<String, byte[]> files = new TreeMap<>();
        if (!Files.isDirectory(dir)) {
            return files;
        }
        try (Stream<Path> list = Files.list(dir)) {
            for (Path p : list.toList()) {
                files.put(p.getFileName().toString(), Files.readAllBytes(p));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    /** Names of the files in {@code dir}, sorted; empty when it does not exist. */
    public static List<String> fileNames(Path dir) {
        return List.copyOf(snapshot(dir).keySet());
    }

    /** The CSV header a dataset must have: the schema's columns joined by commas. */
    public static String header(DatasetType type, Domain domain) {
        return String.join(",", PersonalizeSchemas.load(type, domain).columns());
    }

    /** Asserts rowsRead = rowsWritten + duplicates + filteredOut + rejected for every dataset of the report. */
    public static void assertCountsReconcile(PrepReport report) {
        for (DatasetReport d : report.datasets().values()) {
            assertThat(d.rowsRead())
                    .as("rows read of %s", d.source())
                    .isEqualTo(d.rowsWritten() + d.duplicatesDropped() + d.filteredOut() + d.rejected());
            long rejectedByReason = d.rejections().values().stream().mapToLong(DatasetReport.RejectionSummary::count).sum();
            assertThat(d.rejected()).as("rejections by reason of %s", d.source()).isEqualTo(rejectedByReason);
        }
    }

    // ---- expected CSVs, computed independently of data-prep from the fixture's model ----------------------------

    public static String expectedInteractions(List<Rating> ratings, String eventType) {
        StringBuilder sb = new StringBuilder("USER_ID,ITEM_ID,TIMESTAMP,EVENT_TYPE,EVENT_VALUE\n");
        for (Rating r : ratings) {
            sb.append(r.userId()).append(',').append(r.movieId()).append(',').append(r.timestamp()).append(',')
                    .append(eventType).append(',').append(r.rating()).append('\n');
        }
        return sb.toString();
    }

    /** items.csv for movies whose CREATION_TIMESTAMP comes from the year in the title (ml-1m, ml-latest). */
    public static String expectedItemsFromTitles(List<Movie> movies) {
        StringBuilder sb = new StringBuilder("ITEM_ID,TITLE,GENRES,CREATION_TIMESTAMP\n");
        for (Movie m : movies) {
            Long year = yearOf(m.title());
            sb.append(m.id()).append(',').append(MovieLensFixtures.Fixture.csv(m.title())).append(',')
                    .append(m.genres().isEmpty() ? "unknown" : String.join("|", m.genres())).append(',')
                    .append(year == null ? "" : String.valueOf(jan1(year.intValue()))).append('\n');
        }
        return sb.toString();
    }

    public static String expectedUsers(List<User> users) {
        StringBuilder sb = new StringBuilder("USER_ID,AGE,GENDER,OCCUPATION\n");
        for (User u : users) {
            sb.append(u.id()).append(',').append(u.age()).append(',').append(u.gender()).append(',')
                    .append(MovieLensFixtures.Fixture.csv(u.occupation())).append('\n');
        }
        return sb.toString();
    }

    public static long jan1(int year) {
        return LocalDate.of(year, 1, 1).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
    }

    private static Long yearOf(String title) {
        Matcher m = Pattern.compile("\\((\\d{4})(-\\d{4})?\\)$").matcher(title);
        return m.find() ? Long.valueOf(m.group(1)) : null;
    }
}
