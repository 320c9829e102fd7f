package com.movierec.dataprep.download;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The MovieLens releases that {@code --download} can fetch, named as GroupLens names their zips. */
public enum MovieLensRelease {
    ML_100K("ml-100k"),
    ML_1M("ml-1m"),
    ML_LATEST_SMALL("ml-latest-small"),
    ML_25M("ml-25m"),
    ML_32M("ml-32m");

    private final String id;

    MovieLensRelease(String id) {
        this.id = id;
    }

    /** The GroupLens name, e.g. {@code ml-100k}. */
    public String id() {
        return id;
    }

    /** The file GroupLens publishes, e.g. {@code ml-100k.zip}. */
    public String zipName() {
        return id + ".zip";
    }

    /** The release named {@code id}; the exception's message is one sentence listing the valid names. */
    public static MovieLensRelease fromId(String id) {
        for (MovieLensRelease release : values()) {
            if (release.id.equals(id)) {
                return release;
            }
        }
        throw new IllegalArgumentException("Unknown MovieLens release '" + id + "': choose one of " + validIds() + ".");
    }

    /** The valid names, comma separated, for help texts and error messages. */
    public static String validIds() {
        return Arrays.stream(values()).map(MovieLensRelease::id).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return id;
    }
}
