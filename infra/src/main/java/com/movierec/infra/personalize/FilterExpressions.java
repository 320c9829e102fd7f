package com.movierec.infra.personalize;

/** The recommendation filters every environment deploys. */
public final class FilterExpressions {
    /** The placeholder GetRecommendations fills from {@code filterValues}, e.g. {@code "\"Comedy\""}. */
    public static final String GENRE_PARAMETER = "$GENRE";

    private FilterExpressions() {
    }

    /** Leaves out movies the user has already watched. */
    public static String unwatched(String eventType) {
        if (!eventType.matches("[A-Za-z0-9_-]+")) {
            throw new IllegalArgumentException("event type \"" + eventType + "\" cannot be quoted in a filter "
                    + "expression: use letters, digits, '_' or '-'");
        }
        return "EXCLUDE ItemID WHERE Interactions.EVENT_TYPE IN (\"" + eventType + "\")";
    }

    /** Keeps only movies of the genre passed at request time. */
    public static String genre() {
        return "INCLUDE ItemID WHERE Items.GENRES IN (" + GENRE_PARAMETER + ")";
    }

    /** Both: unwatched movies of the requested genre. */
    public static String unwatchedInGenre(String eventType) {
        return unwatched(eventType) + " | " + genre();
    }
}
