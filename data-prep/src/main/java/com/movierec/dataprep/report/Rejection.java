package com.movierec.dataprep.report;

/** Why a row was not written. Each reason's description is what the report shows next to its count. */
public enum Rejection {
    WRONG_FIELD_COUNT("the row does not have the number of fields the format has"),
    INVALID_ENCODING("the row is not valid text in the file's encoding (a UTF-8 file holding Latin-1 bytes?)"),
    MALFORMED_QUOTES("a quoted CSV field is not closed, or text follows its closing quote"),
    EMPTY_ID("a user or movie id is empty"),
    ID_TOO_LONG("an id is longer than Personalize's limit of 256 characters"),
    BAD_TIMESTAMP("the timestamp is not a whole number of seconds since 1970"),
    TIMESTAMP_IN_MILLISECONDS("the timestamp looks like milliseconds; Personalize needs seconds"),
    BAD_RATING("the rating is not a number"),
    RATING_OUT_OF_RANGE("the rating is outside MovieLens' 0.5 to 5 scale"),
    EMPTY_TITLE("the movie has no title"),
    BAD_GENRE_FLAGS("the genre columns are not 0 or 1"),
    CATEGORY_TOO_LONG("a categorical value is longer than Personalize's limit of 1000 characters"),
    BAD_RELEASE_DATE("the release date is not a date like 01-Jan-1995"),
    MISSING_RELEASE_DATE("the movie has no release date or year, which the VIDEO_ON_DEMAND domain requires"),
    BAD_AGE("the age is not a whole number from 1 to 120"),
    BAD_GENDER("the gender is not M or F"),
    BAD_OCCUPATION("the occupation is empty or not a known MovieLens occupation code");

    private final String description;

    Rejection(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    /** Rows rejected for these reasons would make a Personalize import fail, so their presence fails the run. */
    public boolean breaksPersonalizeLimit() {
        return this == ID_TOO_LONG || this == CATEGORY_TOO_LONG;
    }
}
