package com.movierec.api.catalog;

import java.util.List;

/**
 * One movie as the API shows it: the title without its trailing "(1995)", the release year (null when neither the
 * release timestamp nor the title gives one) and the genres in catalog order.
 */
public record Movie(String movieId, String title, Integer year, List<String> genres) {
    public Movie {
        genres = List.copyOf(genres);
    }
}
