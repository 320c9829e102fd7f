package com.movierec.api.personalize;

import com.movierec.api.catalog.Movie;

/** A movie Personalize recommended, with its score (null when the recipe gives none). */
public record RecommendedMovie(Movie movie, Double score) {
}
