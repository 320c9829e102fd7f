package com.movierec.dataprep;

import static com.movierec.dataprep.PrepRuns.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

import com.movierec.dataprep.MovieLensFixtures.Fixture;
import com.movierec.dataprep.input.MovieLensFormat;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The same input gives byte-identical outputs, report.json included (CDK hashes the prepared directory). */
class DeterminismTest {
    @TempDir
    Path tmp;

    private static Fixture messy(MovieLensFormat format) {
        Fixture fx = MovieLensFixtures.of(format).users(40).ratingsPerUser(45).movies(60)
                .title(1, "Misérables, Les (1995)").build();
        fx.appendLine(fx.ratingsFile(), fx.line(fx.ratingsFile(), format.hasHeader() ? 2 : 1)); // a duplicate
        fx.appendLine(fx.ratingsFile(), String.join(format.separator(), "1", "2", "x", "3")); // a rejected row
        return fx;
    }

    @ParameterizedTest
    @EnumSource(MovieLensFormat.class)
    void runningTwiceGivesByteIdenticalFiles(MovieLensFormat format) {
        Path input = messy(format).writeTo(tmp.resolve("in"));

        PrepRuns.run(input, tmp.resolve("first"));
        PrepRuns.run(input, tmp.resolve("second"));

        Map<String, byte[]> first = snapshot(tmp.resolve("first"));
        Map<String, byte[]> second = snapshot(tmp.resolve("second"));
        assertThat(first).hasSize(format.usersFile() == null ? 3 : 4);
        assertThat(second.keySet()).isEqualTo(first.keySet());
        first.forEach((name, bytes) -> assertThat(second.get(name)).as(name).isEqualTo(bytes));
    }

    @ParameterizedTest
    @EnumSource(MovieLensFormat.class)
    void runningTwiceFromTheZipGivesByteIdenticalFiles(MovieLensFormat format) {
        Path zip = messy(format).zipTo(tmp.resolve("zips"));

        PrepRuns.run(zip, tmp.resolve("first"));
        PrepRuns.run(zip, tmp.resolve("second"));

        Map<String, byte[]> first = snapshot(tmp.resolve("first"));
        Map<String, byte[]> second = snapshot(tmp.resolve("second"));
        assertThat(second.keySet()).isEqualTo(first.keySet());
        first.forEach((name, bytes) -> assertThat(second.get(name)).as(name).isEqualTo(bytes));
    }

    @Test
    void sameReleaseInAnotherPlaceGivesTheSameReport() {
        Fixture fx = messy(MovieLensFormat.ML_1M);

        PrepRuns.run(fx.writeTo(tmp.resolve("here")), tmp.resolve("first"));
        PrepRuns.run(fx.writeTo(tmp.resolve("there/deeper")), tmp.resolve("elsewhere/second"));

        assertThat(tmp.resolve("elsewhere/second/report.json")).hasSameBinaryContentAs(tmp.resolve("first/report.json"));
    }

    @Test
    void rerunningIntoTheSameDirectoryChangesNothing() {
        Path input = messy(MovieLensFormat.ML_100K).writeTo(tmp.resolve("in"));
        PrepRuns.run(input, tmp.resolve("out"));
        Map<String, byte[]> before = snapshot(tmp.resolve("out"));

        PrepRuns.run(input, tmp.resolve("out"));

        Map<String, byte[]> after = snapshot(tmp.resolve("out"));
        assertThat(after.keySet()).isEqualTo(before.keySet());
        before.forEach((name, bytes) -> assertThat(after.get(name)).as(name).isEqualTo(bytes));
    }

    @Test
    void fixturesAreDeterministicToo() {
        for (MovieLensFormat f : MovieLensFormat.values()) {
            Fixture a = messy(f);
            Fixture b = messy(f);
            for (String name : a.fileNames()) {
                assertThat(b.bytes(name)).as(f + " " + name).isEqualTo(a.bytes(name));
            }
        }
    }
}
