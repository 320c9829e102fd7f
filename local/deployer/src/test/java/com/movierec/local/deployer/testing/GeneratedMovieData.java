package com.movierec.local.deployer.testing;

import com.movierec.schemas.DatasetType;
import com.movierec.schemas.PersonalizeSchemas;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A small prepared-data directory in data-prep's format (never MovieLens): 100 movies in six genres, 40 users who
 * each watch 30 movies, mostly of their favourite genre, so 1,200 interactions, above Personalize's minimums.
 * Seeded, so the same every time and the synthesized asset hash is stable.
 */
public final class GeneratedMovieData {
    public static final int ITEMS = 100;
    public static final int USERS = 40;
    public static final int WATCHED_PER_USER = 30;
    private static final List<String> GENRES = List.of("Action", "Comedy", "Drama", "Romance", "Sci-Fi", "Thriller");
    private static final List<String> OCCUPATIONS = List.of("engineer", "student", "writer", "doctor", "artist");
    private static final long START = 880_000_000L;

    private GeneratedMovieData() {
    }

    public static Path write(Path dir) {
        Random random = new Random(11);
        write(dir, DatasetType.ITEMS, items());
        write(dir, DatasetType.USERS, users());
        write(dir, DatasetType.INTERACTIONS, interactions(random));
        return dir;
    }

    /** The genres of movie {@code item}, as items.csv has them: one, or two for every seventh movie. */
    public static List<String> genresOf(int item) {
        return item % 7 == 0 ? List.of(genre(item), genre(item + 1)) : List.of(genre(item));
    }

    private static String genre(int item) {
        return GENRES.get(item % GENRES.size());
    }

    private static List<String> items() {
        List<String> rows = new ArrayList<>();
        for (int i = 1; i <= ITEMS; i++) {
            String genres = String.join("|", genresOf(i));
            rows.add(i + ",Movie " + i + " (19" + (70 + i % 30) + ")," + genres + "," + (START - i * 86_400L));
        }
        return rows;
    }

    private static List<String> users() {
        List<String> rows = new ArrayList<>();
        for (int u = 1; u <= USERS; u++) {
            String gender = u % 2 == 0 ? "F" : "M";
            rows.add(u + "," + (18 + u) + "," + gender + "," + OCCUPATIONS.get(u % OCCUPATIONS.size()));
        }
        return rows;
    }

    /** Each user watches 24 movies of their genre (user u likes genre u mod 6) and 6 others, in time order. */
    private static List<String> interactions(Random random) {
        List<String> rows = new ArrayList<>();
        for (int u = 1; u <= USERS; u++) {
            List<Integer> favourite = new ArrayList<>();
            List<Integer> other = new ArrayList<>();
            for (int i = 1; i <= ITEMS; i++) {
                (i % GENRES.size() == u % GENRES.size() ? favourite : other).add(i);
            }
            List<Integer> watched = new ArrayList<>();
            while (watched.size() < WATCHED_PER_USER) {
                List<Integer> pool = watched.size() % 5 == 4 || favourite.isEmpty() ? other : favourite;
                watched.add(pool.remove(random.nextInt(pool.size())));
            }
            long time = START + u * 100_000L;
            for (int item : watched) {
                rows.add(u + "," + item + "," + (time += 60) + ",Watch," + (1 + random.nextInt(5)) + ".0");
            }
        }
        return rows;
    }

    private static void write(Path dir, DatasetType type, List<String> rows) {
        try {
            Files.createDirectories(dir);
            String header = String.join(",", PersonalizeSchemas.load(type).columns());
            Files.writeString(dir.resolve(type.csvFileName()), header + "\n" + String.join("\n", rows) + "\n",
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
