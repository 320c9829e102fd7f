package com.movierec.api;

import com.movierec.api.catalog.Movie;
import com.movierec.api.json.Json;
import com.movierec.api.json.JsonWriter;
import com.movierec.api.personalize.RecommendationList;
import com.movierec.api.personalize.RecommendedMovie;

/** The success bodies, in the shapes openapi.yaml documents. */
final class ResponseBodies {
    private ResponseBodies() {
    }

    /**
     * {@code {"userId": "42", "recommendationId": "...", "fallback": false, "items": [...]}}; {@code subjectField} is
     * userId or movieId (null for the popular list), {@code recommendationId} is left out when Personalize gave none.
     */
    static String recommendations(String subjectField, String subject, RecommendationList list) {
        return Json.write(g -> {
            g.writeStartObject();
            if (subjectField != null) {
                g.writeStringField(subjectField, subject);
            }
            if (list.recommendationId() != null) {
                g.writeStringField("recommendationId", list.recommendationId());
            }
            g.writeBooleanField("fallback", list.fallback());
            g.writeArrayFieldStart("items");
            for (RecommendedMovie item : list.items()) {
                g.writeStartObject();
                movieFields(g, item.movie());
                if (item.score() == null) {
                    g.writeNullField("score");
                } else {
                    g.writeNumberField("score", item.score());
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    /** {@code {"movieId": "50", "title": "Star Wars", "year": 1977, "genres": ["Action", ...]}} */
    static String movie(Movie movie) {
        return Json.write(g -> {
            g.writeStartObject();
            movieFields(g, movie);
            g.writeEndObject();
        });
    }

    /** {@code {"accepted": 1}}: how many events Personalize took. */
    static String accepted(int events) {
        return Json.write(g -> {
            g.writeStartObject();
            g.writeNumberField("accepted", events);
            g.writeEndObject();
        });
    }

    private static void movieFields(JsonWriter g, Movie movie) {
        g.writeStringField("movieId", movie.movieId());
        g.writeStringField("title", movie.title());
        if (movie.year() == null) {
            g.writeNullField("year");
        } else {
            g.writeNumberField("year", movie.year());
        }
        g.writeArrayFieldStart("genres");
        for (String genre : movie.genres()) {
            g.writeString(genre);
        }
        g.writeEndArray();
    }
}
