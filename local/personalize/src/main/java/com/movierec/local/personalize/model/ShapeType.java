package com.movierec.local.personalize.model;

import java.util.Locale;

/** The shape types of botocore's model format, and which of them hold one value rather than others. */
public enum ShapeType {
    STRUCTURE(false), LIST(false), MAP(false),
    STRING(true), INTEGER(true), LONG(true), FLOAT(true), DOUBLE(true), BOOLEAN(true), TIMESTAMP(true), BLOB(true);

    private final boolean scalar;

    ShapeType(boolean scalar) {
        this.scalar = scalar;
    }

    boolean scalar() {
        return scalar;
    }

    /** The type named {@code name} in a model ({@code "string"}, {@code "structure"}, ...). */
    static ShapeType named(String name) {
        try {
            return valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the service model uses the shape type '" + name
                    + "', which personalize-local cannot validate", e);
        }
    }
}
