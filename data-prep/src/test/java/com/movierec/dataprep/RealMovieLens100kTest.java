package com.movierec.dataprep;

import static com.movierec.dataprep.PrepRuns.INTERACTIONS;
import static com.movierec.dataprep.PrepRuns.ITEMS;
import static com.movierec.dataprep.PrepRuns.REPORT;
import static com.movierec.dataprep.PrepRuns.USERS;
import static com.movierec.dataprep.PrepRuns.header;
import static com.movierec.dataprep.PrepRuns.lines;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.movierec.dataprep.report.DatasetReport;
import com.movierec.dataprep.report.PrepReport;
import com.movierec.schemas.DatasetType;
import com.movierec.schemas.Domain;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real MovieLens 100K, read in place from {@code ../shared/datasets/ml-100k} beside the repository (or from
 * {@code $MOVIELENS_100K_DIR}); never copied. Skipped, saying so, when it is not there.
 */
class RealMovieLens100kTest {
    static final String ENV = "MOVIELENS_100K_DIR";

    @TempDir
    static Path tmp;

    /** Prepared once by the first test that runs, shared by the others. */
    private static Path out;
    private static DataPrep.Outcome outcome;

    /** $MOVIELENS_100K_DIR if set, else ../shared/datasets/ml-100k relative to the repository root. */
    static Path datasetDir() {
        String env = System.getenv(ENV);
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        String root = System.getProperty("movierec.repoRoot");
        Path repoRoot = root != null && !root.isBlank() ? Path.of(root) : Path.of("").toAbsolutePath().getParent();
        return repoRoot.resolve("../shared/datasets/ml-100k").normalize();
    }

    /** Each test is reported as skipped, with this reason, when the data set is not there. */
    @BeforeEach
    void prepareOnce() {
        Path dir = datasetDir();
        assumeTrue(Files.isRegularFile(dir.resolve("u.data")),
                () -> "Skipping the real MovieLens 100K test: " + dir.toAbsolutePath() + " does not hold u.data."
                        + " Unzip ml-100k.zip from https://grouplens.org/datasets/movielens/100k/ there, or set "
                        + ENV + " to its directory.");
        if (outcome == null) {
            out = tmp.resolve("prepared");
            outcome = PrepRuns.run(dir, out);
        }
    }

    @Test
    void preparesAllOfItWithTheExactCounts() {
        PrepReport r = outcome.report();
        assertThat(outcome.published()).as(String.valueOf(r.failures())).isTrue();
        assertThat(r.format()).isEqualTo("ml-100k");
        assertThat(r.counts().interactions()).isEqualTo(100_000);
        assertThat(r.counts().users()).isEqualTo(943);
        assertThat(r.counts().items()).isEqualTo(1682);
        assertThat(r.counts().itemsInCatalog()).isEqualTo(1682);
        assertThat(r.counts().usersWithMetadata()).isEqualTo(943);
        assertThat(r.counts().usersWithAtLeastTwoInteractions()).isEqualTo(943);
        assertThat(r.counts().interactionsWithoutItemMetadata()).isZero();
        assertThat(r.counts().itemsWithoutInteractions()).isZero();
        Map<String, DatasetReport> d = r.datasets();
        assertThat(d.get("interactions").rowsRead()).isEqualTo(100_000);
        assertThat(d.get("interactions").duplicatesDropped()).isZero();
        assertThat(d.get("interactions").rejected()).isZero();
        assertThat(d.get("items").rowsWritten()).isEqualTo(1682);
        assertThat(d.get("users").rowsWritten()).isEqualTo(943);
        PrepRuns.assertCountsReconcile(r);
        // u.data spans 20 September 1997 to 22 April 1998.
        assertThat(r.timeSpan().first()).isEqualTo("1997-09-20T03:05:10Z");
        assertThat(r.timeSpan().last()).isEqualTo("1998-04-22T23:10:38Z");
    }

    @Test
    void writesOneLinePerRowUnderTheSchemaHeaders() {
        List<String> interactions = lines(out.resolve(INTERACTIONS));
        assertThat(interactions).hasSize(100_001);
        assertThat(interactions.get(0)).isEqualTo(header(DatasetType.INTERACTIONS, Domain.CUSTOM));
        assertThat(interactions.get(1)).isEqualTo("196,242,881250949,Watch,3");
        assertThat(lines(out.resolve(ITEMS))).hasSize(1683).first().isEqualTo(header(DatasetType.ITEMS, Domain.CUSTOM));
        assertThat(lines(out.resolve(USERS))).hasSize(944).first().isEqualTo(header(DatasetType.USERS, Domain.CUSTOM));
        assertThat(lines(out.resolve(USERS)).get(1)).isEqualTo("1,24,M,technician");
        assertThat(out.resolve(REPORT)).isRegularFile();
    }

    @Test
    void nonAsciiTitlesComeOutAsUtf8AndTitlesWithCommasAreQuoted() {
        List<String> items = lines(out.resolve(ITEMS));
        assertThat(items).contains("543,\"Misérables, Les (1995)\",Drama|Musical,788918400");
        assertThat(items).contains("1,Toy Story (1995),Animation|Children's|Comedy,788918400");
        assertThat(items).contains("267,unknown,unknown,");
    }
}
