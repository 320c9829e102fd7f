package com.movierec.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.movierec.schemas.DatasetType;
import com.movierec.schemas.ImportCheck;
import com.movierec.schemas.PersonalizeSchemas;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged data-prep CLI's output, checked the way a Personalize import job checks a file against its schema:
 * what data-prep writes must import on the first try.
 */
class PreparedDataImportsTest {
    private static final Path REPO = Path.of(System.getProperty("movierec.repoRoot", "..")).toAbsolutePath().normalize();
    private static final Path DATA_PREP_JAR = REPO.resolve("data-prep/target/data-prep.jar");

    @TempDir
    Path work;

    @Test
    void realMovieLens100kPreparesIntoFilesThatImportIntoEverySchema() throws Exception {
        Path ml100k = movieLens100k();
        Path out = work.resolve("ml-100k");

        Run run = dataPrep("--input", ml100k.toString(), "--output", out.toString(), "--quiet");

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertImports(out, DatasetType.INTERACTIONS, 100_000);
        assertImports(out, DatasetType.ITEMS, 1_682);
        assertImports(out, DatasetType.USERS, 943);
        JsonNode report = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        assertThat(report.at("/counts/users").asLong()).isEqualTo(943);
        assertThat(report.at("/counts/items").asLong()).isEqualTo(1_682);
        assertThat(report.at("/counts/interactions").asLong()).isEqualTo(100_000);
    }

    @Test
    void grouplensStyleZipOfTheLatestFormatPreparesIntoFilesThatImport() throws Exception {
        Path zip = mlLatestZip(work.resolve("ml-latest-small.zip"), 60, 40);
        Path out = work.resolve("prepared");

        Run run = dataPrep("--input", zip.toString(), "--output", out.toString(), "--quiet");

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertImports(out, DatasetType.INTERACTIONS, 60 * 40);
        assertImports(out, DatasetType.ITEMS, 200);
        assertThat(out.resolve("users.csv")).doesNotExist();
        assertThat(Files.readString(out.resolve("items.csv")))
                .contains("\"Matrix, The (1999)\"", "\"\"\"Quoted\"\" Title (2001)\"", "Amélie (2001)");
    }

    @Test
    void dataThatBreaksPersonalizesMinimumsIsRefusedWithASentenceAndNothingIsWritten() throws Exception {
        Path zip = mlLatestZip(work.resolve("tiny.zip"), 10, 30); // 300 interactions: below 1000
        Path out = work.resolve("tiny");

        Run run = dataPrep("--input", zip.toString(), "--output", out.toString(), "--quiet");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.output()).contains("at least 1000 interactions", "700 short").doesNotContain("Exception", "\tat ");
        try (var files = Files.list(out)) {
            assertThat(files.toList()).isEmpty();
        }
    }

    private static void assertImports(Path dir, DatasetType type, long rows) throws IOException {
        try (InputStream in = Files.newInputStream(dir.resolve(type.csvFileName()))) {
            ImportCheck.Result result = ImportCheck.check(PersonalizeSchemas.load(type), in);
            assertThat(result.ok()).as(result.summary()).isTrue();
            assertThat(result.rows()).isEqualTo(rows);
        }
    }

    private static Path movieLens100k() {
        String fromEnv = System.getenv("MOVIELENS_100K_DIR");
        Path dir = fromEnv != null && !fromEnv.isBlank() ? Path.of(fromEnv) : REPO.resolve("../shared/datasets/ml-100k").normalize();
        assumeTrue(Files.isRegularFile(dir.resolve("u.data")),
                () -> "SKIPPED: MovieLens 100K not found at " + dir + "; put the unzipped ml-100k there or set MOVIELENS_100K_DIR");
        return dir;
    }

    private record Run(int exitCode, String output) {
    }

    private Run dataPrep(String... args) throws IOException, InterruptedException {
        assertThat(DATA_PREP_JAR).as("the data-prep jar is built before this module's tests").exists();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", DATA_PREP_JAR.toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), output);
    }

    /** A GroupLens-style zip (files under a top-level folder) of {@code users} x {@code perUser} ratings. */
    private static Path mlLatestZip(Path zip, int users, int perUser) throws IOException {
        StringBuilder ratings = new StringBuilder("userId,movieId,rating,timestamp\n");
        for (int u = 1; u <= users; u++) {
            for (int k = 0; k < perUser; k++) {
                int movie = 1 + (u * 7 + k * 13) % 200;
                ratings.append(u).append(',').append(movie).append(',').append(0.5 * (1 + (u + k) % 10)).append(',')
                        .append(1_300_000_000L + u * 1000L + k).append('\n');
            }
        }
        StringBuilder movies = new StringBuilder("movieId,title,genres\n");
        for (int m = 1; m <= 200; m++) {
            String title = switch (m % 4) {
                case 0 -> "\"Matrix, The (1999)\"";
                case 1 -> "\"\"\"Quoted\"\" Title (2001)\"";
                case 2 -> "Amélie (2001)";
                default -> "Plain Movie " + m;
            };
            movies.append(m).append(',').append(title).append(',').append(m % 5 == 0 ? "(no genres listed)" : "Drama|Comedy").append('\n');
        }
        try (OutputStream os = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(os)) {
            String folder = zip.getFileName().toString().replace(".zip", "") + "/";
            z.putNextEntry(new ZipEntry(folder + "ratings.csv"));
            z.write(ratings.toString().getBytes(StandardCharsets.UTF_8));
            z.putNextEntry(new ZipEntry(folder + "movies.csv"));
            z.write(movies.toString().getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
        }
        return zip;
    }
}
