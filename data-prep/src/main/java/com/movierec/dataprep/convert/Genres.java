package com.movierec.dataprep.convert;

import java.util.ArrayList;
import java.util.List;

/** Genre lists as Personalize's categorical GENRES value: names joined with '|'. */
final class Genres {
    /** What a movie without genres gets: ml-100k's own label, also used for ml-latest's "(no genres listed)". */
    static final String NONE = "unknown";

    /** ml-100k's 19 genre columns in order, as u.genre lists them; u.genre itself is preferred when present. */
    static final List<String> ML100K = List.of("unknown", "Action", "Adventure", "Animation", "Children's", "Comedy",
            "Crime", "Documentary", "Drama", "Fantasy", "Film-Noir", "Horror", "Musical", "Mystery", "Romance",
            "Sci-Fi", "Thriller", "War", "Western");

    private Genres() {
    }

    /** Splits a '|'-joined list, trimming names and dropping empty ones and "(no genres listed)". */
    static List<String> split(String joined) {
        List<String> out = new ArrayList<>();
        for (String g : joined.split("\\|", -1)) {
            String name = g.trim();
            if (!name.isEmpty() && !name.equals("(no genres listed)")) {
                out.add(name);
            }
        }
        return out;
    }

    static String join(List<String> genres) {
        return genres.isEmpty() ? NONE : String.join("|", genres);
    }
}
