package com.movierec.e2e.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the API should show for each movie, read straight from ml-100k's u.item and u.genre (not from data-prep's
 * output, so data-prep and the API's catalogue are checked together): the title without its trailing "(1995)", the
 * release date's year (else the title's) and the genres whose flags are set, in u.genre's order.
 */
public final class MovieLensCatalogue {
    private static final Pattern TITLE_YEAR = Pattern.compile("^(.*?)\\s*\\((\\d{4})\\)$");

    /** One movie as the API's items show it. */
    public record ExpectedMovie(String movieId, String title, Integer year, List<String> genres) {
    }

    private final Map<String, ExpectedMovie> movies;

    private MovieLensCatalogue(Map<String, ExpectedMovie> movies) {
        this.movies = movies;
    }

    public static MovieLensCatalogue read(Path movieLensDir) {
        try {
            List<String> genreNames = new ArrayList<>();
            for (String line : Files.readAllLines(movieLensDir.resolve("u.genre"), StandardCharsets.ISO_8859_1)) {
                if (!line.isBlank()) {
                    genreNames.add(line.substring(0, line.lastIndexOf('|')));
                }
            }
            Map<String, ExpectedMovie> movies = new HashMap<>();
            for (String line : Files.readAllLines(movieLensDir.resolve("u.item"), StandardCharsets.ISO_8859_1)) {
                String[] f = line.split("\\|", -1);
                if (f.length < 5 + genreNames.size()) {
                    continue;
                }
                List<String> genres = new ArrayList<>();
                for (int g = 0; g < genreNames.size(); g++) {
                    if (f[5 + g].equals("1")) {
                        genres.add(genreNames.get(g));
                    }
                }
                String title = f[1].strip();
                Integer titleYear = null;
                Matcher m = TITLE_YEAR.matcher(title);
                if (m.matches()) {
                    title = m.group(1).strip();
                    titleYear = Integer.parseInt(m.group(2));
                }
                Integer year = releaseYear(f[2]).orElse(titleYear);
                movies.put(f[0], new ExpectedMovie(f[0], title, year, genres.isEmpty() ? List.of("unknown") : genres));
            }
            return new MovieLensCatalogue(movies);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ExpectedMovie movie(String movieId) {
        ExpectedMovie movie = movies.get(movieId);
        if (movie == null) {
            throw new AssertionError("u.item has no movie " + movieId);
        }
        return movie;
    }

    /** {@code 01-Jan-1995} is 1995. */
    private static Optional<Integer> releaseYear(String date) {
        String d = date.strip();
        return d.matches("\\d{1,2}-[A-Za-z]{3}-\\d{4}") ? Optional.of(Integer.parseInt(d.substring(d.length() - 4)))
                : Optional.empty();
    }
}
