package com.movierec.local.personalize;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.movierec.local.personalize.data.Interactions;
import com.movierec.local.personalize.data.ItemCatalog;
import com.movierec.local.personalize.data.PreparedData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The real MovieLens 100K, read in place from {@code ../shared/datasets/ml-100k} beside the repository (or
 * {@code $MOVIELENS_100K_DIR}) and turned straight into the in-memory datasets the way data-prep would prepare it:
 * EVENT_TYPE Watch, the rating as EVENT_VALUE, u.item's genre flags as GENRES. Never copied.
 */
public final class MovieLens100k {
    public static final String ENV = "MOVIELENS_100K_DIR";
    private static final List<String> GENRES = List.of("unknown", "Action", "Adventure", "Animation", "Children's",
            "Comedy", "Crime", "Documentary", "Drama", "Fantasy", "Film-Noir", "Horror", "Musical", "Mystery",
            "Romance", "Sci-Fi", "Thriller", "War", "Western");
    private static final DateTimeFormatter RELEASE = DateTimeFormatter.ofPattern("d-MMM-yyyy", Locale.ENGLISH);
    private static PreparedData cached;
    private static boolean warned;

    private MovieLens100k() {
    }

    /** The data, or a skipped test (JUnit assumption) naming the directory that lacks u.data. */
    public static synchronized PreparedData loadOrSkip() {
        Path dir = dir();
        if (!Files.isRegularFile(dir.resolve("u.data")) && !warned) {
            warned = true;
            System.err.println(skipMessage(dir)); // surefire's console shows only the skip count otherwise
        }
        assumeTrue(Files.isRegularFile(dir.resolve("u.data")), () -> skipMessage(dir));
        if (cached == null) {
            cached = load(dir);
        }
        return cached;
    }

    private static String skipMessage(Path dir) {
        return "Skipping the real MovieLens 100K tests: " + dir + " does not hold u.data. Unzip ml-100k.zip from"
                + " https://grouplens.org/datasets/movielens/100k/ there, or set " + ENV + ".";
    }

    /** $MOVIELENS_100K_DIR if set, else ../shared/datasets/ml-100k relative to the repository root. */
    static Path dir() {
        String env = System.getenv(ENV);
        if (env != null && !env.isBlank()) {
            return Path.of(env).toAbsolutePath();
        }
        return repoRoot().resolve("../shared/datasets/ml-100k").normalize();
    }

    /** The reactor's root (surefire passes it), else the nearest directory up from here holding cdk.json. */
    public static Path repoRoot() {
        String root = System.getProperty("movierec.repoRoot");
        if (root != null && !root.isBlank() && Files.exists(Path.of(root, "cdk.json"))) {
            return Path.of(root).toAbsolutePath();
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.exists(p.resolve("cdk.json"))) {
                return p;
            }
        }
        return Path.of("").toAbsolutePath();
    }

    private static PreparedData load(Path dir) {
        try {
            Interactions.Builder interactions = Interactions.builder();
            for (String line : Files.readAllLines(dir.resolve("u.data"), StandardCharsets.ISO_8859_1)) {
                String[] f = line.split("\t");
                interactions.add(f[0], f[1], Long.parseLong(f[3]), "Watch", Double.parseDouble(f[2]));
            }
            ItemCatalog.Builder items = ItemCatalog.builder();
            for (String line : Files.readAllLines(dir.resolve("u.item"), StandardCharsets.ISO_8859_1)) {
                String[] f = line.split("\\|", -1);
                List<String> genres = new ArrayList<>();
                for (int g = 1; g < GENRES.size(); g++) {
                    if (f[5 + g].equals("1")) {
                        genres.add(GENRES.get(g));
                    }
                }
                Long released = f[2].isEmpty() ? null
                        : LocalDate.parse(f[2], RELEASE).atStartOfDay().toEpochSecond(ZoneOffset.UTC);
                items.item(f[0], f[1].strip(), genres.isEmpty() ? "unknown" : String.join("|", genres), released);
            }
            return new PreparedData(interactions.build(), items.build());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
