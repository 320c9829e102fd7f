package com.movierec.dataprep.input;

import com.movierec.dataprep.PrepException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** The three file layouts GroupLens has published MovieLens in. */
public enum MovieLensFormat {
    /** ml-100k: tab-separated u.data, pipe-separated u.item and u.user, ISO-8859-1. */
    ML_100K("ml-100k", "u.data", "u.item", "u.user", "\t", "|", StandardCharsets.ISO_8859_1),
    /** ml-1m (and ml-10m): '::'-separated ratings.dat, movies.dat, users.dat, ISO-8859-1. */
    ML_1M("ml-1m", "ratings.dat", "movies.dat", "users.dat", "::", "::", StandardCharsets.ISO_8859_1),
    /** ml-latest, ml-latest-small, ml-25m, ml-32m: RFC 4180 ratings.csv and movies.csv with headers, UTF-8, no users. */
    ML_LATEST("ml-latest", "ratings.csv", "movies.csv", null, ",", ",", StandardCharsets.UTF_8);

    private final String id;
    private final String ratingsFile;
    private final String moviesFile;
    private final String usersFile;
    private final String separator;
    private final String metadataSeparator;
    private final Charset charset;

    MovieLensFormat(String id, String ratingsFile, String moviesFile, String usersFile, String separator,
                    String metadataSeparator, Charset charset) {
        this.id = id;
        this.ratingsFile = ratingsFile;
        this.moviesFile = moviesFile;
        this.usersFile = usersFile;
        this.separator = separator;
        this.metadataSeparator = metadataSeparator;
        this.charset = charset;
    }

    public String id() {
        return id;
    }

    public String ratingsFile() {
        return ratingsFile;
    }

    public String moviesFile() {
        return moviesFile;
    }

    /** The users file, or null for formats without demographics. */
    public String usersFile() {
        return usersFile;
    }

    /** Between the fields of the ratings file. */
    public String separator() {
        return separator;
    }

    /** Between the fields of the movies and users files (ml-100k uses '|' there but tabs in u.data). */
    public String metadataSeparator() {
        return metadataSeparator;
    }

    /** The encoding GroupLens used for this format. */
    public Charset charset() {
        return charset;
    }

    public boolean hasHeader() {
        return this == ML_LATEST;
    }

    /** Parses a --format value; the names of the releases that share a layout are accepted too. */
    public static MovieLensFormat fromId(String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        return switch (v) {
            case "ml-100k" -> ML_100K;
            case "ml-1m", "ml-10m" -> ML_1M;
            case "ml-latest", "ml-latest-small", "ml-20m", "ml-25m", "ml-32m" -> ML_LATEST;
            default -> throw new PrepException("Unknown --format '" + value
                    + "'; use ml-100k, ml-1m or ml-latest (which also covers ml-latest-small, ml-25m and ml-32m), or leave it out to detect the format.");
        };
    }

    /** The format whose ratings file the source holds. */
    public static MovieLensFormat detect(InputSource source) {
        for (MovieLensFormat f : values()) {
            if (source.has(f.ratingsFile)) {
                return f;
            }
        }
        throw new PrepException(source.location("") + " is not a MovieLens release: it has none of u.data (ml-100k), ratings.dat (ml-1m) or ratings.csv (ml-latest, ml-25m, ml-32m); point --input at the unzipped release or its .zip, or use --download.");
    }
}
