package com.movierec.api.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * data-prep's real ml-100k items.csv, when bin/run has prepared it (data/ is never committed: MovieLens' licence).
 * Skipped with a message otherwise.
 */
class PreparedItemsFileTest {
    @Test
    void theMl100kItemsFileLoadsEveryMovieWithTitlesYearsAndGenres() {
        Path items = repositoryRoot().resolve("data/prepared/ml-100k/items.csv");
        assumeTrue(Files.isRegularFile(items), "no " + items + ": run bin/run to prepare MovieLens 100K");

        MovieCatalog catalog = MovieCatalog.load(items);

        assertThat(catalog.size()).isEqualTo(1682);
        assertThat(catalog.find("50")).isEqualTo(new Movie("50", "Star Wars", 1977,
                java.util.List.of("Action", "Adventure", "Romance", "Sci-Fi", "War")));
        assertThat(catalog.find("12").title()).isEqualTo("Usual Suspects, The");
        assertThat(catalog.genres()).contains("Children's", "Film-Noir", "unknown").hasSize(19);
        assertThat(catalog.movies()).allSatisfy(movie -> assertThat(movie.title()).isNotBlank());
    }

    private static Path repositoryRoot() {
        String root = System.getProperty("movierec.repoRoot");
        Path start = root != null && !root.isBlank() ? Path.of(root) : Path.of("").toAbsolutePath();
        for (Path dir = start.toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("bin/lib/jdk.sh"))) {
                return dir;
            }
        }
        return start;
    }
}
