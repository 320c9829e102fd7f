package com.movierec.e2e.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.movierec.dataprep.DataPrep;
import com.movierec.dataprep.PrepOptions;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real MovieLens 100K, read where it lies ({@code $MOVIELENS_100K_DIR}, else {@code ../shared/datasets/ml-100k}
 * beside the repository), and its data-prep output in this module's target directory, prepared once per JVM. Its
 * licence forbids copying it, so nothing else is written; a test that needs it is skipped, saying where to put it,
 * when it is absent.
 */
public final class MovieLens100k {
    private static final Path REPO = Path.of(System.getProperty("movierec.repoRoot", "..")).toAbsolutePath()
            .normalize();
    private static Path prepared;

    private MovieLens100k() {
    }

    /** The unzipped ml-100k directory (u.data, u.item, ...); skips the calling test when it is absent. */
    public static Path directory() {
        String fromEnv = System.getenv("MOVIELENS_100K_DIR");
        Path dir = fromEnv != null && !fromEnv.isBlank() ? Path.of(fromEnv)
                : REPO.resolve("../shared/datasets/ml-100k").normalize();
        assumeTrue(Files.isRegularFile(dir.resolve("u.data")) && Files.isRegularFile(dir.resolve("u.item")),
                () -> "SKIPPED: MovieLens 100K not found at " + dir + "; put the unzipped ml-100k there or set "
                        + "MOVIELENS_100K_DIR");
        return dir;
    }

    /** data-prep's output for ml-100k (interactions.csv, items.csv, users.csv), under target/; skips like above. */
    public static synchronized Path prepared() {
        Path input = directory();
        if (prepared == null) {
            Path out = Path.of("target", "movielens", "ml-100k-prepared").toAbsolutePath();
            DataPrep.Outcome outcome = DataPrep.run(PrepOptions.defaults(input, out));
            if (!outcome.published()) {
                throw new IllegalStateException("data-prep did not publish ml-100k: " + DataPrep.toJson(
                        outcome.report()));
            }
            prepared = out;
        }
        return prepared;
    }
}
