package com.movierec.e2e.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** ml-100k's u.data (user, movie, rating, time; tab-separated) as the expectations need it: who rated what. */
public final class Ratings {
    private record Rating(String movieId, long timestamp) {
    }

    private final Map<String, Set<String>> moviesByUser;
    private final Map<String, Integer> ratersByMovie;
    private final Map<String, List<Rating>> ratingsByUser;

    private Ratings(Map<String, Set<String>> moviesByUser, Map<String, Integer> ratersByMovie,
                    Map<String, List<Rating>> ratingsByUser) {
        this.moviesByUser = moviesByUser;
        this.ratersByMovie = ratersByMovie;
        this.ratingsByUser = ratingsByUser;
    }

    public static Ratings read(Path movieLensDir) {
        Map<String, Set<String>> byUser = new HashMap<>();
        Map<String, List<Rating>> ratings = new HashMap<>();
        try {
            for (String line : Files.readAllLines(movieLensDir.resolve("u.data"), StandardCharsets.ISO_8859_1)) {
                String[] fields = line.split("\t");
                if (fields.length >= 4) {
                    byUser.computeIfAbsent(fields[0], u -> new HashSet<>()).add(fields[1]);
                    ratings.computeIfAbsent(fields[0], u -> new ArrayList<>())
                            .add(new Rating(fields[1], Long.parseLong(fields[3].trim())));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // Distinct users per movie: aws-popularity-count's measure.
        Map<String, Integer> raters = new HashMap<>();
        byUser.values().forEach(movies -> movies.forEach(movie -> raters.merge(movie, 1, Integer::sum)));
        return new Ratings(byUser, raters, ratings);
    }

    /** The movies {@code userId} rated; empty for a user u.data does not have. */
    public Set<String> ratedBy(String userId) {
        return Set.copyOf(moviesByUser.getOrDefault(userId, Set.of()));
    }

    /**
     * The movies surely among the user's {@code newest} most recent ratings: rated later than the {@code newest}-th
     * most recent rating (ratings at that very second may fall either side of the cut, so they are left out).
     */
    public Set<String> ratedAmongNewest(String userId, int newest) {
        List<Rating> byTime = new ArrayList<>(ratingsByUser.getOrDefault(userId, List.of()));
        byTime.sort(Comparator.comparingLong(Rating::timestamp).reversed());
        if (byTime.size() <= newest) {
            return ratedBy(userId);
        }
        long cut = byTime.get(newest - 1).timestamp();
        Set<String> movies = new HashSet<>();
        byTime.stream().filter(r -> r.timestamp() > cut).forEach(r -> movies.add(r.movieId()));
        return movies;
    }

    /** How many distinct users rated the movie. */
    public int raters(String movieId) {
        return ratersByMovie.getOrDefault(movieId, 0);
    }

    /**
     * The {@code count} other movies whose raters overlap most with {@code movieId}'s, by the cosine of their rater
     * sets ({@code |A and B| / sqrt(|A| |B|)}, item-item collaborative filtering's similarity), most similar first.
     */
    public List<String> mostCoRatedWith(String movieId, int count) {
        Set<String> raters = new HashSet<>();
        moviesByUser.forEach((user, movies) -> {
            if (movies.contains(movieId)) {
                raters.add(user);
            }
        });
        Map<String, Integer> together = new HashMap<>();
        raters.forEach(user -> moviesByUser.get(user).forEach(movie -> together.merge(movie, 1, Integer::sum)));
        together.remove(movieId);
        Map<String, Double> cosine = new HashMap<>();
        together.forEach((movie, both) -> cosine.put(movie,
                both / Math.sqrt((double) raters.size() * ratersByMovie.get(movie))));
        return cosine.keySet().stream()
                .sorted(Comparator.comparing((String movie) -> -cosine.get(movie)).thenComparingInt(Integer::parseInt))
                .limit(count).toList();
    }

    /** The {@code count} movies rated by the most users, most first, ties by numeric id. */
    public List<String> mostRated(int count) {
        return ratersByMovie.keySet().stream()
                .sorted(Comparator.comparing((String movie) -> -ratersByMovie.get(movie))
                        .thenComparingInt(Integer::parseInt))
                .limit(count).toList();
    }
}
