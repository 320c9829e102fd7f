package com.movierec.dataprep.download;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * MD5s of the releases whose zip GroupLens never changes. Checking against a value built into the program catches a
 * tampered mirror even when the sidecar next to the zip was tampered with too. ml-latest-small is deliberately absent:
 * GroupLens republishes it, so only its sidecar can vouch for it.
 */
final class PinnedChecksums {
    // Each value is the one GroupLens publishes in <zip>.md5, confirmed in several independent public sources.
    private static final PinnedChecksums GROUPLENS = of(Map.of(
            MovieLensRelease.ML_100K, "0e33842e24a9c977be4e0107933c0723",
            MovieLensRelease.ML_1M, "c4d9eecfca2ab87c1945afe126590906",
            MovieLensRelease.ML_25M, "6b51fb2759a8657d3bfcbfc42b592ada",
            MovieLensRelease.ML_32M, "d472be332d4daa821edc399621853b57"));

    private final Map<MovieLensRelease, String> md5s;

    private PinnedChecksums(Map<MovieLensRelease, String> md5s) {
        this.md5s = md5s;
    }

    /** The production table. */
    static PinnedChecksums grouplens() {
        return GROUPLENS;
    }

    /** No pins: every release relies on its sidecar. */
    static PinnedChecksums none() {
        return of(Map.of());
    }

    /** A table of lower- or upper-case hex MD5s, for tests. */
    static PinnedChecksums of(Map<MovieLensRelease, String> md5s) {
        Map<MovieLensRelease, String> copy = new EnumMap<>(MovieLensRelease.class);
        md5s.forEach((release, md5) -> copy.put(release, md5.toLowerCase(Locale.ROOT)));
        return new PinnedChecksums(copy);
    }

    Optional<String> md5(MovieLensRelease release) {
        return Optional.ofNullable(md5s.get(release));
    }
}
