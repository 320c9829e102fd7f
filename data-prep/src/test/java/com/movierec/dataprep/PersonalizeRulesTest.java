package com.movierec.dataprep;

import static com.movierec.dataprep.PrepRuns.INTERACTIONS;
import static com.movierec.dataprep.PrepRuns.ITEMS;
import static com.movierec.dataprep.PrepRuns.REPORT;
import static com.movierec.dataprep.PrepRuns.USERS;
import static com.movierec.dataprep.PrepRuns.fileNames;
import static com.movierec.dataprep.PrepRuns.snapshot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.movierec.dataprep.MovieLensFixtures.Fixture;
import com.movierec.dataprep.input.MovieLensFormat;
import com.movierec.dataprep.report.RuleCheck;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Personalize's import rules: a run that breaks one exits 1 with a sentence saying which rule and by how much, and
 * publishes nothing, leaving an earlier good output exactly as it was.
 */
class PersonalizeRulesTest {
    @TempDir
    Path tmp;

    private Path out() {
        return tmp.resolve("out");
    }

    private DataPrep.Outcome runFailing(Fixture fx) {
        DataPrep.Outcome outcome = PrepRuns.run(fx.writeTo(tmp), out());
        assertThat(outcome.published()).isFalse();
        assertThat(outcome.exitCode()).isEqualTo(1);
        assertThat(outcome.report().passed()).isFalse();
        assertThat(snapshot(out())).as("files in the output directory after a failed run").isEmpty();
        PrepRuns.assertCountsReconcile(outcome.report());
        return outcome;
    }

    private static RuleCheck rule(DataPrep.Outcome outcome, String name) {
        return outcome.report().personalizeRules().stream().filter(r -> r.rule().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void exactlyOneThousandInteractionsFromTwentyFiveUsersPass() {
        Fixture fx = MovieLensFixtures.ml1m().users(25).ratingsPerUser(40).movies(40).build();

        DataPrep.Outcome outcome = PrepRuns.run(fx.writeTo(tmp), out());

        assertThat(outcome.exitCode()).isZero();
        assertThat(rule(outcome, "minimum interactions").detail()).isEqualTo("1000 interactions (at least 1000 needed)");
        assertThat(rule(outcome, "minimum users with 2+ interactions").detail())
                .isEqualTo("25 users with 2 or more interactions (at least 25 needed)");
    }

    @ParameterizedTest
    @EnumSource(MovieLensFormat.class)
    void fewerThanOneThousandInteractionsExitsOneAndSaysHowManyShort(MovieLensFormat format) {
        Fixture fx = MovieLensFixtures.of(format).users(25).ratingsPerUser(39).movies(40).build();

        DataPrep.Outcome outcome = runFailing(fx);

        assertThat(outcome.report().failures()).containsExactly("Personalize needs at least 1000 interactions to train,"
                + " but only 975 remain after cleaning (25 short); use a larger release or a lower --min-rating.");
    }

    @Test
    void fewerThanTwentyFiveUsersWithTwoInteractionsExitsOneAndSaysHowManyShort() {
        Fixture fx = MovieLensFixtures.ml1m().users(24).ratingsPerUser(50).movies(50).build();
        for (int u = 25; u <= 34; u++) {
            fx.appendRating(String.valueOf(u), "1", "4", 956_800_000L + u);
        }

        DataPrep.Outcome outcome = runFailing(fx);

        assertThat(outcome.report().counts().users()).isEqualTo(34);
        assertThat(outcome.report().counts().interactions()).isEqualTo(1210);
        assertThat(outcome.report().counts().usersWithAtLeastTwoInteractions()).isEqualTo(24);
        assertThat(outcome.report().failures()).containsExactly("Personalize needs at least 25 users with 2 or more"
                + " interactions each, but only 24 have them (1 short); use a larger release or a lower --min-rating.");
    }

    @Test
    void ratingsFileWithOnlyItsHeaderFailsTheMinimumWithZeroInteractions() {
        Fixture fx = MovieLensFixtures.mlLatest().build();
        fx.replaceFile("ratings.csv", "userId,movieId,rating,timestamp\n".getBytes(StandardCharsets.UTF_8));

        DataPrep.Outcome outcome = runFailing(fx);

        assertThat(outcome.report().failures()).hasSize(2);
        assertThat(outcome.report().failures().get(0)).contains("but only 0 remain after cleaning (1000 short)");
        assertThat(outcome.report().timeSpan()).isNull();
    }

    @Test
    void userIdOf300CharactersFailsTheIdRuleNaming256AndHowMuchOver() {
        Fixture fx = MovieLensFixtures.ml1m().build();
        int line = fx.appendRating("u".repeat(300), "1", "4", 956_800_000L);

        DataPrep.Outcome outcome = runFailing(fx);

        assertThat(outcome.report().failures()).containsExactly("1 rows have ids longer than Personalize's"
                + " 256-character limit (the longest has 300, 44 over; first at ratings.dat line " + line
                + "); shorten or map them before importing.");
        assertThat(rule(outcome, "minimum interactions").passed()).isTrue();
    }

    @Test
    void movieIdOf300CharactersInTheMoviesFileFailsTheIdRule() {
        Fixture fx = MovieLensFixtures.mlLatest().build();
        int line = fx.appendLine("movies.csv", "m".repeat(300) + ",Long Id (2000),Drama");

        DataPrep.Outcome outcome = runFailing(fx);

        assertThat(outcome.report().failures()).singleElement().asString()
                .contains("256-character limit", "the longest has 300, 44 over", "first at movies.csv line " + line);
    }

    @Test
    void idOfExactly256CharactersPasses() {
        Fixture fx = MovieLensFixtures.ml1m().build();
        fx.appendRating("u".repeat(256), "1", "4", 956_800_000L);

        DataPrep.Outcome outcome = PrepRuns.run(fx.writeTo(tmp), out());

        assertThat(outcome.exitCode()).isZero();
    }

    @Test
    void genreLongerThan1000CharactersFailsTheCategoricalRule() {
        Fixture fx = MovieLensFixtures.mlLatest().build();
        int line = fx.appendLine("movies.csv", "101,Long Genre (2000),Drama|" + "G".repeat(1001));

        DataPrep.Outcome outcome = runFailing(fx);

        assertThat(outcome.report().failures()).singleElement().asString()
                .contains("categorical values (genres, occupations) longer than Personalize's 1000-character limit",
                        "the longest has 1001, 1 over", "first at movies.csv line " + line);
    }

    @Test
    void occupationLongerThan1000CharactersFailsTheCategoricalRule() {
        Fixture fx = MovieLensFixtures.ml100k().build();
        int line = fx.appendLine("u.user", "31|30|M|" + "o".repeat(1200) + "|12345");

        DataPrep.Outcome outcome = runFailing(fx);

        assertThat(outcome.report().failures()).singleElement().asString()
                .contains("the longest has 1200, 200 over", "first at u.user line " + line);
    }

    // ---- all or nothing ------------------------------------------------------------------------------------------

    static Stream<Arguments> failingInputs() {
        Function<Fixture, Fixture> tooFew = fx -> {
            fx.replaceFile(fx.ratingsFile(), java.util.Arrays.copyOf(fx.bytes(fx.ratingsFile()), 4000));
            return fx;
        };
        Function<Fixture, Fixture> longId = fx -> {
            fx.appendRating("x".repeat(300), "1", "4", 956_800_000L);
            return fx;
        };
        return Stream.of(MovieLensFormat.values()).flatMap(f -> Stream.of(
                Arguments.of(f, "too few interactions", tooFew), Arguments.of(f, "id too long", longId)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("failingInputs")
    void failedRunKeepsEarlierGoodOutput(MovieLensFormat format, String why, Function<Fixture, Fixture> spoil) {
        Fixture good = MovieLensFixtures.of(format).build();
        PrepRuns.run(good.writeTo(tmp.resolve("good")), out());
        Map<String, byte[]> before = snapshot(out());
        assertThat(before).containsKeys(INTERACTIONS, ITEMS, REPORT);
        Fixture bad = spoil.apply(MovieLensFixtures.of(format).users(40).build());

        DataPrep.Outcome outcome = PrepRuns.run(bad.writeTo(tmp.resolve("bad")), out());

        assertThat(outcome.exitCode()).isEqualTo(1);
        assertThat(fileNames(out())).noneMatch(name -> name.endsWith(".partial"));
        assertThat(snapshot(out())).as("output directory after the failed run").containsOnlyKeys(before.keySet());
        before.forEach((name, bytes) -> assertThat(out().resolve(name)).as(name).hasBinaryContent(bytes));
    }

    @ParameterizedTest
    @EnumSource(MovieLensFormat.class)
    void runStoppedByBadInputKeepsEarlierGoodOutputAndLeavesNoPartialFiles(MovieLensFormat format) {
        PrepRuns.run(MovieLensFixtures.of(format).build().writeTo(tmp.resolve("good")), out());
        Map<String, byte[]> before = snapshot(out());
        Fixture bad = MovieLensFixtures.of(format).users(40).build();
        // The movies (and users) are staged before the ratings turn out to be garbage.
        bad.replaceFile(bad.ratingsFile(), ((format.hasHeader() ? "userId,movieId,rating,timestamp\n" : "")
                + "garbage\n".repeat(50)).getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> PrepRuns.run(bad.writeTo(tmp.resolve("bad")), out()))
                .isInstanceOf(PrepException.class).hasMessageContaining("does not look like");

        assertThat(fileNames(out())).noneMatch(name -> name.endsWith(".partial"));
        assertThat(snapshot(out())).containsOnlyKeys(before.keySet());
        before.forEach((name, bytes) -> assertThat(out().resolve(name)).as(name).hasBinaryContent(bytes));
    }

    @Test
    void failedRunIntoANewDirectoryWritesNoFiles() {
        Fixture fx = MovieLensFixtures.ml100k().users(10).build();

        DataPrep.Outcome outcome = PrepRuns.run(fx.writeTo(tmp), out().resolve("nested"));

        assertThat(outcome.exitCode()).isEqualTo(1);
        assertThat(fileNames(out().resolve("nested"))).isEmpty();
    }

    @Test
    void successfulRunReplacesEveryOutputAndRemovesAStaleUsersCsv() {
        PrepRuns.run(MovieLensFixtures.ml1m().build().writeTo(tmp.resolve("a")), out());
        assertThat(out().resolve(USERS)).exists();

        DataPrep.Outcome outcome = PrepRuns.run(MovieLensFixtures.mlLatest().build().writeTo(tmp.resolve("b")), out());

        assertThat(outcome.published()).isTrue();
        assertThat(fileNames(out())).containsExactly(INTERACTIONS, ITEMS, REPORT);
        assertThat(PrepRuns.read(out().resolve(REPORT))).contains("\"format\" : \"ml-latest\"");
    }

    @Test
    void partialFilesLeftByAKilledRunAreRemovedByTheNextRun() throws Exception {
        Files.createDirectories(out());
        Files.writeString(out().resolve(".interactions.csv.partial"), "USER_ID,ITEM_ID\n1,");
        Files.writeString(out().resolve(".report.json.partial"), "{");

        PrepRuns.run(MovieLensFixtures.ml1m().build().writeTo(tmp), out());

        assertThat(fileNames(out())).containsExactly(INTERACTIONS, ITEMS, REPORT, USERS);
    }

    @Test
    void unrelatedFilesInTheOutputDirectoryAreLeftAlone() throws Exception {
        Files.createDirectories(out());
        Files.writeString(out().resolve("notes.txt"), "mine");

        PrepRuns.run(MovieLensFixtures.mlLatest().build().writeTo(tmp), out());

        assertThat(out().resolve("notes.txt")).hasContent("mine");
    }
}
