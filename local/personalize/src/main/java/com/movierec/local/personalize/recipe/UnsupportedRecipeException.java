package com.movierec.local.personalize.recipe;

/** A recipe ARN personalize-local does not train: unknown, retired by Personalize, or not implemented here. */
public final class UnsupportedRecipeException extends IllegalArgumentException {
    public UnsupportedRecipeException(String message) {
        super(message);
    }
}
