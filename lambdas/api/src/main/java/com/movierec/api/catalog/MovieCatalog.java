package com.movierec.api.catalog;

import com.movierec.api.log.JsonLog;
import com.movierec.schemas.CsvRows;
import com.movierec.schemas.contract.ApiEnvironment;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * The movies of data-prep's {@code items.csv} ({@code ITEM_ID,TITLE,GENRES,CREATION_TIMESTAMP}), read once at start-up
 * so that metadata costs a map lookup per recommended item.
 */
public final class MovieCatalog {
    /** The items dataset's columns, as {@code schemas/avro/custom/items.avsc} names them. */
    static final String ITEM_ID = "ITEM_ID";
    static final String TITLE = "TITLE";
    static final String GENRES = "GENRES";
    static final String CREATION_TIMESTAMP = "CREATION_TIMESTAMP";

    private static final long SECONDS_PER_DAY = 86_400;

    private final Map<String, Movie> movies;
    private final Map<String, String> genresByLowerCase;

    private MovieCatalog(Map<String, Movie> movies) {
        this.movies = movies;
        Map<String, String> genres = new HashMap<>();
        for (Movie movie : movies.values()) {
            for (String genre : movie.genres()) {
                genres.putIfAbsent(genre.toLowerCase(Locale.ROOT), genre);
            }
        }
        this.genresByLowerCase = genres;
    }

    /** Reads the items file; a missing, empty or headerless file stops start-up with a sentence saying which. */
    public static MovieCatalog load(Path itemsFile) {
        try (BufferedReader in = Files.newBufferedReader(itemsFile, StandardCharsets.UTF_8)) {
            return read(in, itemsFile.toString());
        } catch (NoSuchFileException e) {
            throw new IllegalStateException("the items file " + itemsFile + " does not exist: set "
                    + ApiEnvironment.ITEMS_FILE + " to data-prep's items.csv (the Lambda layer puts it at "
                    + ApiEnvironment.DEFAULT_ITEMS_FILE + ")", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the items file " + itemsFile, e);
        }
    }

    /** Reads items CSV text; {@code source} names it in errors. */
    public static MovieCatalog read(BufferedReader in, String source) throws IOException {
        CsvRows rows = new CsvRows(in);
        CsvRows.Row header = rows.next();
        if (header == null || header.fields() == null) {
            throw new IllegalStateException("the items file " + source + " is empty or its header is not CSV");
        }
        List<String> columns = header.fields();
        if (!columns.isEmpty() && columns.get(0).startsWith("\uFEFF")) {
            columns = new ArrayList<>(columns);
            columns.set(0, columns.get(0).substring(1));
        }
        int idColumn = columns.indexOf(ITEM_ID);
        int titleColumn = columns.indexOf(TITLE);
        int genresColumn = columns.indexOf(GENRES);
        int timestampColumn = columns.indexOf(CREATION_TIMESTAMP);
        if (idColumn < 0 || titleColumn < 0 || genresColumn < 0) {
            throw new IllegalStateException("the items file " + source + " has the header " + columns
                    + " but needs the columns ITEM_ID, TITLE and GENRES (data-prep's items.csv)");
        }
        int needed = Math.max(Math.max(idColumn, titleColumn), Math.max(genresColumn, timestampColumn)) + 1;

        Map<String, Movie> movies = new HashMap<>();
        Map<String, List<String>> sharedGenreLists = new HashMap<>();
        long skipped = 0;
        long firstSkippedLine = 0;
        for (CsvRows.Row row = rows.next(); row != null; row = rows.next()) {
            List<String> fields = row.fields();
            boolean usable = fields != null && fields.size() >= needed && !fields.get(idColumn).isEmpty();
            if (!usable || movies.containsKey(fields.get(idColumn))) {
                if (fields != null && fields.size() == 1 && fields.get(0).isEmpty()) {
                    continue; // a blank line, e.g. at the end of a hand-edited file
                }
                skipped++;
                firstSkippedLine = firstSkippedLine == 0 ? row.line() : firstSkippedLine;
                continue;
            }
            String id = fields.get(idColumn);
            String rawTitle = fields.get(titleColumn);
            Integer releaseYear = timestampColumn < 0 ? null : yearOfEpochSeconds(fields.get(timestampColumn));
            Integer titleYear = trailingYear(rawTitle);
            List<String> genres = sharedGenreLists.computeIfAbsent(fields.get(genresColumn), MovieCatalog::splitGenres);
            String title = titleYear == null ? rawTitle.strip() : withoutTrailingYear(rawTitle);
            movies.put(id, new Movie(id, title, releaseYear != null ? releaseYear : titleYear, genres));
        }
        if (movies.isEmpty()) {
            throw new IllegalStateException("the items file " + source + " holds no usable movie rows");
        }
        if (skipped > 0) {
            JsonLog.warn("Skipped " + skipped + " rows of " + source + " (broken quoting, missing fields, empty or "
                    + "repeated ITEM_ID), the first on line " + firstSkippedLine, "skippedRows", skipped,
                    "firstSkippedLine", firstSkippedLine);
        }
        return new MovieCatalog(movies);
    }

    /** The movie, or null when the catalog does not have it. */
    public Movie find(String movieId) {
        return movies.get(movieId);
    }

    public int size() {
        return movies.size();
    }

    public Collection<Movie> movies() {
        return Collections.unmodifiableCollection(movies.values());
    }

    /** The catalog's spelling of a genre given in any letter case, or null when no movie has it. */
    public String canonicalGenre(String genre) {
        return genresByLowerCase.get(genre.toLowerCase(Locale.ROOT));
    }

    /** Every genre of the catalog, sorted, for error messages. */
    public List<String> genres() {
        return List.copyOf(new TreeSet<>(genresByLowerCase.values()));
    }

    private static List<String> splitGenres(String joined) {
        List<String> genres = new ArrayList<>();
        for (String genre : joined.split("\\|")) {
            String trimmed = genre.strip();
            if (!trimmed.isEmpty()) {
                genres.add(trimmed);
            }
        }
        return List.copyOf(genres);
    }

    private static Integer yearOfEpochSeconds(String value) {
        if (value.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.ofEpochDay(Math.floorDiv(Long.parseLong(value.strip()), SECONDS_PER_DAY)).getYear();
        } catch (RuntimeException e) { // not a number, or outside LocalDate's range: the title may still say
            return null;
        }
    }

    /** 1995 for "Toy Story (1995)", null when the title does not end with a four-digit year in parentheses. */
    static Integer trailingYear(String title) {
        String t = title.stripTrailing();
        int n = t.length();
        if (n < 6 || t.charAt(n - 1) != ')' || t.charAt(n - 6) != '(') {
            return null;
        }
        int year = 0;
        for (int i = n - 5; i < n - 1; i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
            year = year * 10 + (c - '0');
        }
        return year;
    }

    private static String withoutTrailingYear(String title) {
        String t = title.stripTrailing();
        String stripped = t.substring(0, t.length() - 6).strip();
        return stripped.isEmpty() ? t : stripped;
    }
}
