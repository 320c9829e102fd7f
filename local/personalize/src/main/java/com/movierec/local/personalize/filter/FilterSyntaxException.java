package com.movierec.local.personalize.filter;

/**
 * A filter expression CreateFilter must reject (Personalize answers InvalidInputException). The message names the
 * 1-based character position and what was expected there.
 */
public final class FilterSyntaxException extends IllegalArgumentException {
    private final int position;

    FilterSyntaxException(int position, String problem) {
        super("Invalid filter expression at position " + position + ": " + problem);
        this.position = position;
    }

    /** The 1-based position of the offending character (one past the end for a missing ending). */
    public int position() {
        return position;
    }
}
