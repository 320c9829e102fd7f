package com.movierec.local.personalize.model;

/**
 * A member whose JSON type cannot be read as its shape's type (a string where a number belongs, an object where a
 * list does). AWS's front end fails such a request while deserializing it, before any constraint is checked.
 */
public final class WireTypeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public WireTypeException(String message) {
        super(message, null, false, false); // an answer to bad input, not a bug: no stack trace to fill
    }
}
