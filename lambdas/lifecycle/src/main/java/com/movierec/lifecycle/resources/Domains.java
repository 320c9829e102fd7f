package com.movierec.lifecycle.resources;

import com.movierec.lifecycle.core.Properties;
import java.util.List;

/** The optional {@code Domain} property of schemas and dataset groups: a domain dataset group's use cases. */
final class Domains {
    static final String PROPERTY = "Domain";
    private static final List<String> ALLOWED = List.of("ECOMMERCE", "VIDEO_ON_DEMAND");

    private Domains() {
    }

    /** The domain, or null for a custom dataset group (the SDK leaves a null field out of the request). */
    static String of(Properties properties) {
        return properties.optionalOneOf(PROPERTY, ALLOWED).orElse(null);
    }
}
