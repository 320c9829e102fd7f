package com.movierec.schemas;

import java.util.Optional;

/** A Personalize dataset group's domain: CUSTOM (solutions and campaigns) or a domain with recommenders. */
public enum Domain {
    CUSTOM("custom", null),
    VIDEO_ON_DEMAND("video-on-demand", "VIDEO_ON_DEMAND");

    private final String directory;
    private final String personalizeName;

    Domain(String directory, String personalizeName) {
        this.directory = directory;
        this.personalizeName = personalizeName;
    }

    /** The value of {@code domain} in CreateSchema and CreateDatasetGroup; empty for a custom dataset group. */
    public Optional<String> personalizeName() {
        return Optional.ofNullable(personalizeName);
    }

    String directory() {
        return directory;
    }
}
