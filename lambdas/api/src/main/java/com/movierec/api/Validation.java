package com.movierec.api;

import com.movierec.api.catalog.MovieCatalog;
import com.movierec.api.http.ApiException;
import java.util.List;

/**
 * The API's input rules, checked before any AWS call. openapi.yaml states the same limits and a test keeps the two
 * equal. Error messages never repeat a rejected value: it may be hostile, and the client knows what it sent.
 */
public final class Validation {
    public static final int MAX_ID_LENGTH = 256;
    /** Personalize ids are up to 256 characters; these characters keep them safe in paths, logs and filters. */
    public static final String ID_CHARACTERS = "A-Za-z0-9_.:@-";
    /** The same rule as a regular expression, for openapi.yaml: not only dots, so "." and ".." are never ids. */
    public static final String ID_PATTERN = "^(?!\\.+$)[" + ID_CHARACTERS + "]{1," + MAX_ID_LENGTH + "}$";
    public static final int MIN_COUNT = 1;
    public static final int MAX_COUNT = 100;
    public static final int DEFAULT_COUNT = 25;
    public static final int MAX_RANKING_IDS = 500;
    public static final int MAX_GENRE_LENGTH = 100;
    /** The largest rankings body: 500 ids of 256 characters with quotes, commas and some whitespace. */
    public static final int MAX_RANKING_BODY_BYTES = 192 * 1024;
    public static final int MAX_EVENT_BODY_BYTES = 4 * 1024;
    /** Timestamps from the future are clock skew up to this much; beyond it they are milliseconds or mistakes. */
    public static final long MAX_FUTURE_SECONDS = 24 * 60 * 60;

    private Validation() {
    }

    /** @throws ApiException 400 unless {@code value} is 1-256 characters of the id character set */
    public static String id(String name, String value) {
        if (!isId(value)) {
            throw ApiException.badRequest(name + " must be 1 to " + MAX_ID_LENGTH + " characters, each a letter, a "
                    + "digit or one of _ - . : @ (and not only dots).");
        }
        return value;
    }

    /** An optional id: null stays null. */
    public static String optionalId(String name, String value) {
        return value == null ? null : id(name, value);
    }

    public static boolean isId(String value) {
        if (value == null || value.isEmpty() || value.length() > MAX_ID_LENGTH) {
            return false;
        }
        boolean onlyDots = true;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '_' || c == '-' || c == '.' || c == ':' || c == '@';
            if (!allowed) {
                return false;
            }
            onlyDots &= c == '.';
        }
        return !onlyDots;
    }

    /** The {@code count} query parameter: absent means 25; otherwise plain decimal digits for 1-100. */
    public static int count(String value) {
        if (value == null) {
            return DEFAULT_COUNT;
        }
        int count = 0;
        boolean valid = !value.isEmpty() && value.length() <= 3;
        for (int i = 0; valid && i < value.length(); i++) {
            char c = value.charAt(i);
            valid = c >= '0' && c <= '9';
            count = count * 10 + (c - '0');
        }
        if (!valid || count < MIN_COUNT || count > MAX_COUNT) {
            throw ApiException.badRequest("count must be a whole number from " + MIN_COUNT + " to " + MAX_COUNT
                    + " (default " + DEFAULT_COUNT + ").");
        }
        return count;
    }

    /** The {@code genre} query parameter in the catalog's spelling, or null when absent. */
    public static String genre(String value, MovieCatalog catalog) {
        if (value == null) {
            return null;
        }
        String genre = value.length() > MAX_GENRE_LENGTH ? null : catalog.canonicalGenre(value.strip());
        if (genre == null) {
            List<String> genres = catalog.genres();
            throw ApiException.badRequest("genre must be one of the catalog's genres: " + String.join(", ", genres)
                    + ".");
        }
        return genre;
    }

    /** The movie, which must be in the catalog. @throws ApiException 404 otherwise */
    public static String knownMovie(String name, String movieId, MovieCatalog catalog) {
        id(name, movieId);
        if (catalog.find(movieId) == null) {
            throw ApiException.notFound("There is no movie " + movieId + " in the catalog.");
        }
        return movieId;
    }
}
