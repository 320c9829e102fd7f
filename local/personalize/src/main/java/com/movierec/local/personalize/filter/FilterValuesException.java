package com.movierec.local.personalize.filter;

/**
 * The filterValues of a recommendation request do not fit the filter: a parameter of an INCLUDE expression has no
 * value, or a value is malformed. Personalize answers InvalidInputException.
 */
public final class FilterValuesException extends IllegalArgumentException {
    FilterValuesException(String message) {
        super(message);
    }
}
