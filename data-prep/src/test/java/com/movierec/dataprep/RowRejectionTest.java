package com.movierec.dataprep;

import static com.movierec.dataprep.PrepRuns.INTERACTIONS;
import static com.movierec.dataprep.PrepRuns.ITEMS;
import static com.movierec.dataprep.PrepRuns.USERS;
import static com.movierec.dataprep.PrepRuns.assertCountsReconcile;
import static com.movierec.dataprep.PrepRuns.expectedInteractions;
import static com.movierec.dataprep.PrepRuns.lines;
import static com.movierec.dataprep.PrepRuns.read;
import static org.assertj.core.api.Assertions.assertThat;

import com.movierec.dataprep.MovieLensFixtures.Fixture;
import com.movierec.dataprep.input.MovieLensFormat;
import com.movierec.dataprep.report.DatasetReport;
import com.movierec.dataprep.report.DatasetReport.RejectionSummary;
import com.movierec.dataprep.report.PrepReport;
import com.movierec.dataprep.report.Rejection;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad rows are rejected with their line number and reason, duplicates are dropped, and the counts always reconcile;
 * BOMs and CRLF line ends change nothing in the output.
 */
class RowRejectionTest {
    @TempDir
    Path tmp;

    private DataPrep.Outcome run(Fixture fx) {
        DataPrep.Outcome outcome = PrepRuns.run(fx.writeTo(tmp), tmp.resolve("out"));
        assertCountsReconcile(outcome.report());
        return outcome;
    }

    private Path out(String name) {
        return tmp.resolve("out").resolve(name);
    }

    private static RejectionSummary rejection(DatasetReport d, Rejection reason) {
        RejectionSummary s = d.rejections().get(reason.name());
        assertThat(s).as("%s rejections of %s in %s", reason, d.source(), d.rejections().keySet()).isNotNull();
        return s;
    }

    // ---- ratings -------------------------------------------------------------------------------------------------

    /** One bad ratings row per reason, in each layout's own syntax; {reason, fields of the row}. */
    static Stream<Arguments> badRatingRows() {
        List<Arguments> rows = new ArrayList<>();
        for (MovieLensFormat f : MovieLensFormat.values()) {
            rows.add(Arguments.of(f, Rejection.WRONG_FIELD_COUNT, List.of("1", "2", "4")));
            rows.add(Arguments.of(f, Rejection.WRONG_FIELD_COUNT, List.of("1", "2", "4", "978300760", "extra")));
            rows.add(Arguments.of(f, Rejection.BAD_RATING, List.of("1", "2", "four", "978300760")));
            rows.add(Arguments.of(f, Rejection.BAD_RATING, List.of("1", "2", "", "978300760")));
            rows.add(Arguments.of(f, Rejection.RATING_OUT_OF_RANGE, List.of("1", "2", "7", "978300760")));
            rows.add(Arguments.of(f, Rejection.RATING_OUT_OF_RANGE, List.of("1", "2", "0", "978300760")));
            rows.add(Arguments.of(f, Rejection.BAD_TIMESTAMP, List.of("1", "2", "4", "yesterday")));
            rows.add(Arguments.of(f, Rejection.BAD_TIMESTAMP, List.of("1", "2", "4", "-5")));
            rows.add(Arguments.of(f, Rejection.BAD_TIMESTAMP, List.of("1", "2", "4", "5000000000")));
            rows.add(Arguments.of(f, Rejection.TIMESTAMP_IN_MILLISECONDS, List.of("1", "2", "4", "978300760000")));
            rows.add(Arguments.of(f, Rejection.EMPTY_ID, List.of("", "2", "4", "978300760")));
            rows.add(Arguments.of(f, Rejection.EMPTY_ID, List.of("1", "", "4", "978300760")));
        }
        return rows.stream();
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("badRatingRows")
    void rejectsBadRatingRowWithItsLineNumberAndReason(MovieLensFormat format, Rejection reason, List<String> fields) {
        Fixture clean = MovieLensFixtures.of(format).build();
        Fixture fx = MovieLensFixtures.of(format).build();
        int middle = fx.lineCount(fx.ratingsFile()) / 2;
        fx.insertLine(fx.ratingsFile(), middle, String.join(format.separator(), fields));
        int last = fx.appendLine(fx.ratingsFile(), String.join(format.separator(), fields));

        DataPrep.Outcome outcome = run(fx);

        DatasetReport interactions = outcome.report().datasets().get("interactions");
        assertThat(interactions.rejected()).isEqualTo(2);
        RejectionSummary s = rejection(interactions, reason);
        assertThat(s.count()).isEqualTo(2);
        assertThat(s.firstLines()).containsExactly((long) middle, (long) last);
        assertThat(s.example()).contains("line " + middle);
        assertThat(s.description()).isEqualTo(reason.description());
        assertThat(interactions.rowsRead()).isEqualTo(clean.ratings().size() + 2L);
        assertThat(outcome.published()).isTrue();
        assertThat(read(out(INTERACTIONS))).isEqualTo(expectedInteractions(clean.ratings(), "Watch"));
    }

    @Test
    void rejectsRowWithTooFewFieldsAndReportsItsLineNumber() {
        Fixture fx = MovieLensFixtures.ml1m().build();
        int line = fx.appendLine("ratings.dat", "31::7::4");

        DataPrep.Outcome outcome = run(fx);

        RejectionSummary s = rejection(outcome.report().datasets().get("interactions"), Rejection.WRONG_FIELD_COUNT);
        assertThat(line).isEqualTo(1201);
        assertThat(s.firstLines()).containsExactly(1201L);
        assertThat(s.example()).isEqualTo("line 1201 has 3 fields, expected 4 separated by '::'");
    }

    @Test
    void reportsEveryReasonSeparatelyWithTheFirstFiveLineNumbersOfEach() {
        Fixture fx = MovieLensFixtures.ml100k().build();
        List<Long> badRatings = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            badRatings.add((long) fx.appendLine("u.data", "1\t2\tx" + i + "\t881250949"));
        }
        long millis = fx.appendLine("u.data", "1\t2\t3\t881250949000");

        DataPrep.Outcome outcome = run(fx);

        DatasetReport d = outcome.report().datasets().get("interactions");
        assertThat(d.rejections()).containsOnlyKeys(Rejection.BAD_RATING.name(), Rejection.TIMESTAMP_IN_MILLISECONDS.name());
        assertThat(rejection(d, Rejection.BAD_RATING).count()).isEqualTo(7);
        assertThat(rejection(d, Rejection.BAD_RATING).firstLines()).containsExactlyElementsOf(badRatings.subList(0, 5));
        assertThat(rejection(d, Rejection.BAD_RATING).example()).isEqualTo("rating 'x0' on line " + badRatings.get(0));
        assertThat(rejection(d, Rejection.TIMESTAMP_IN_MILLISECONDS).firstLines()).containsExactly(millis);
        assertThat(d.rejected()).isEqualTo(8);
    }

    @Test
    void mlLatestRatingWithInvalidUtf8IsRejectedAsEncoding() {
        Fixture fx = MovieLensFixtures.mlLatest().build();
        int line = fx.appendBytes("ratings.csv", new byte[] {'u', (byte) 0xE9, ',', '2', ',', '4', '.', '0', ',', '1', '2', '3'});

        DataPrep.Outcome outcome = run(fx);

        RejectionSummary s = rejection(outcome.report().datasets().get("interactions"), Rejection.INVALID_ENCODING);
        assertThat(s.firstLines()).containsExactly((long) line);
        assertThat(s.example()).isEqualTo("line " + line + " is not valid UTF-8");
    }

    @Test
    void mlLatestRatingWithAnUnbalancedQuoteIsRejectedAsMalformedQuotes() {
        Fixture fx = MovieLensFixtures.mlLatest().build();
        int line = fx.appendLine("ratings.csv", "1,\"2,4.0,1100000000");

        DataPrep.Outcome outcome = run(fx);

        RejectionSummary s = rejection(outcome.report().datasets().get("interactions"), Rejection.MALFORMED_QUOTES);
        assertThat(s.firstLines()).containsExactly((long) line);
    }

    @Test
    void mlLatestQuotedRatingFieldsAreReadAsRfc4180Values() {
        Fixture fx = MovieLensFixtures.mlLatest().build();
        fx.appendLine("ratings.csv", "31,\"2\",4.5,1100000500");
        fx.appendLine("ratings.csv", "\"31\",\"3\",\"3.0\",\"1100000600\"");

        DataPrep.Outcome outcome = run(fx);

        assertThat(outcome.report().datasets().get("interactions").rejected()).isZero();
        assertThat(lines(out(INTERACTIONS))).endsWith("31,2,1100000500,Watch,4.5", "31,3,1100000600,Watch,3.0");
    }

    @Test
    void idOfUnicodeCharactersIsMeasuredInCharactersNotBytes() {
        Fixture fx = MovieLensFixtures.mlLatest().build();
        String id = "é".repeat(256); // 512 bytes of UTF-8, but 256 characters: allowed
        fx.appendRating(id, "2", "4.0", 1_100_000_000L);

        DataPrep.Outcome outcome = run(fx);

        assertThat(outcome.published()).isTrue();
        assertThat(lines(out(INTERACTIONS))).contains(id + ",2,1100000000,Watch,4.0");
    }

    // ---- movies and users ----------------------------------------------------------------------------------------

    @Test
    void rejectsBadMlLatestMovieRowsWithTheirLineNumbersAndKeepsTheRest() {
        Fixture fx = MovieLensFixtures.mlLatest().build();
        int fields = fx.appendLine("movies.csv", "101,Only two fields");
        int emptyId = fx.appendLine("movies.csv", ",No Id (1999),Drama");
        int emptyTitle = fx.appendLine("movies.csv", "102,,Drama");
        int quotes = fx.appendLine("movies.csv", "103,\"Bad \"quote\" (1999)\",Drama");
        ByteArrayOutputStream latin1 = new ByteArrayOutputStream();
        latin1.writeBytes("104,Caf".getBytes(StandardCharsets.US_ASCII));
        latin1.write(0xE9);
        latin1.writeBytes(" (1990),Comedy".getBytes(StandardCharsets.US_ASCII));
        int encoding = fx.appendBytes("movies.csv", latin1.toByteArray());
        fx.appendLine("movies.csv", "105,Good After Bad (2000),Drama");

        DataPrep.Outcome outcome = run(fx);

        DatasetReport items = outcome.report().datasets().get("items");
        assertThat(rejection(items, Rejection.WRONG_FIELD_COUNT).firstLines()).containsExactly((long) fields);
        assertThat(rejection(items, Rejection.WRONG_FIELD_COUNT).example()).isEqualTo("line " + fields + " has 2 fields, expected 3");
        assertThat(rejection(items, Rejection.EMPTY_ID).firstLines()).containsExactly((long) emptyId);
        assertThat(rejection(items, Rejection.EMPTY_TITLE).firstLines()).containsExactly((long) emptyTitle);
        assertThat(rejection(items, Rejection.MALFORMED_QUOTES).firstLines()).containsExactly((long) quotes);
        assertThat(rejection(items, Rejection.MALFORMED_QUOTES).example()).isEqualTo("text follows a closing quote on line " + quotes);
        assertThat(rejection(items, Rejection.INVALID_ENCODING).firstLines()).containsExactly((long) encoding);
        assertThat(items.rowsRead()).isEqualTo(56);
        assertThat(items.rowsWritten()).isEqualTo(51);
        assertThat(lines(out(ITEMS))).last().isEqualTo("105,Good After Bad (2000),Drama,946684800");
    }

    @Test
    void unclosedQuoteRejectsOnlyItsOwnRowAndKeepsTheMoviesAfterIt() {
        Fixture fx = MovieLensFixtures.mlLatest().build();
        int unclosed = 11;
        fx.insertLine("movies.csv", unclosed, "200,\"Never Closed (1999),Drama");

        DataPrep.Outcome outcome = run(fx);

        DatasetReport items = outcome.report().datasets().get("items");
        RejectionSummary s = rejection(items, Rejection.MALFORMED_QUOTES);
        assertThat(s.firstLines()).containsExactly((long) unclosed);
        assertThat(s.example()).isEqualTo("the quote opened on line " + unclosed + " is never closed");
        assertThat(items.rowsRead()).isEqualTo(51);
        assertThat(items.rowsWritten()).isEqualTo(50);
        assertThat(lines(out(ITEMS))).hasSize(51);
    }

    @Test
    void unclosedQuoteOnTheLastLineIsRejectedWithItsLineNumber() {
        Fixture fx = MovieLensFixtures.mlLatest().build();
        int unclosed = fx.appendLine("movies.csv", "101,\"Never Closed (1999),Drama");

        DataPrep.Outcome outcome = run(fx);

        RejectionSummary s = rejection(outcome.report().datasets().get("items"), Rejection.MALFORMED_QUOTES);
        assertThat(s.firstLines()).containsExactly((long) unclosed);
        assertThat(s.example()).isEqualTo("the quote opened on line " + unclosed + " is never closed");
    }

    @Test
    void mlLatestMoviesFileInLatin1IsRejectedRowByRowUnlessTheEncodingIsForced() {
        Fixture fx = MovieLensFixtures.mlLatest().title(3, "Misérables, Les (1995)").title(9, "Amélie (2001)").build();
        String utf8 = new String(fx.bytes("movies.csv"), StandardCharsets.UTF_8);
        fx.replaceFile("movies.csv", utf8.getBytes(StandardCharsets.ISO_8859_1));
        Path in = fx.writeTo(tmp);

        DataPrep.Outcome detected = PrepRuns.run(in, tmp.resolve("auto"));
        DataPrep.Outcome forced = DataPrep.run(PrepOptions.defaults(in, tmp.resolve("forced"))
                .withEncoding(StandardCharsets.ISO_8859_1));

        RejectionSummary s = rejection(detected.report().datasets().get("items"), Rejection.INVALID_ENCODING);
        assertThat(s.firstLines()).containsExactly(4L, 10L);
        assertThat(s.description()).contains("Latin-1");
        assertThat(forced.report().datasets().get("items").rejected()).isZero();
        assertThat(forced.report().datasets().get("items").encoding()).isEqualTo("ISO-8859-1");
        assertThat(lines(tmp.resolve("forced").resolve(ITEMS))).contains("3,\"Misérables, Les (1995)\"," + String.join("|", fx.movies().get(2).genres()) + ",788918400");
    }

    @Test
    void rejectsBadMl100kMovieRows() {
        Fixture fx = MovieLensFixtures.ml100k().build();
        String flags = "|0".repeat(19);
        int badDate = fx.appendLine("u.item", "101|Bad Date (1999)|32-Foo-1999||http://x" + flags);
        int badFlag = fx.appendLine("u.item", "102|Bad Flag (1999)|01-Jan-1999||http://x" + "|0".repeat(18) + "|2");
        int fewFields = fx.appendLine("u.item", "103|Few Fields (1999)|01-Jan-1999");

        DataPrep.Outcome outcome = run(fx);

        DatasetReport items = outcome.report().datasets().get("items");
        assertThat(rejection(items, Rejection.BAD_RELEASE_DATE).firstLines()).containsExactly((long) badDate);
        assertThat(rejection(items, Rejection.BAD_RELEASE_DATE).example()).isEqualTo("release date '32-Foo-1999' on line " + badDate);
        assertThat(rejection(items, Rejection.BAD_GENRE_FLAGS).firstLines()).containsExactly((long) badFlag);
        assertThat(rejection(items, Rejection.WRONG_FIELD_COUNT).firstLines()).containsExactly((long) fewFields);
        assertThat(rejection(items, Rejection.WRONG_FIELD_COUNT).example()).isEqualTo("line " + fewFields + " has 3 fields, expected 24");
    }

    @Test
    void rejectsBadMl100kUserRows() {
        Fixture fx = MovieLensFixtures.ml100k().build();
        int age = fx.appendLine("u.user", "31|abc|M|student|12345");
        int old = fx.appendLine("u.user", "32|130|M|student|12345");
        int gender = fx.appendLine("u.user", "33|30|X|student|12345");
        int occupation = fx.appendLine("u.user", "34|30|M||12345");
        int fields = fx.appendLine("u.user", "35|30|M");
        int id = fx.appendLine("u.user", "|30|M|student|12345");

        DataPrep.Outcome outcome = run(fx);

        DatasetReport users = outcome.report().datasets().get("users");
        assertThat(rejection(users, Rejection.BAD_AGE).firstLines()).containsExactly((long) age, (long) old);
        assertThat(rejection(users, Rejection.BAD_GENDER).firstLines()).containsExactly((long) gender);
        assertThat(rejection(users, Rejection.BAD_OCCUPATION).firstLines()).containsExactly((long) occupation);
        assertThat(rejection(users, Rejection.WRONG_FIELD_COUNT).firstLines()).containsExactly((long) fields);
        assertThat(rejection(users, Rejection.EMPTY_ID).firstLines()).containsExactly((long) id);
        assertThat(users.rowsWritten()).isEqualTo(30);
        assertThat(lines(out(USERS))).hasSize(31);
    }

    @Test
    void rejectsMl1mUsersWithUnknownAgeBandOrOccupationCode() {
        Fixture fx = MovieLensFixtures.ml1m().build();
        int band = fx.appendLine("users.dat", "31::M::19::4::12345");
        int code = fx.appendLine("users.dat", "32::F::25::21::12345");
        int notNumber = fx.appendLine("users.dat", "33::F::25::writer::12345");

        DataPrep.Outcome outcome = run(fx);

        DatasetReport users = outcome.report().datasets().get("users");
        assertThat(rejection(users, Rejection.BAD_AGE).firstLines()).containsExactly((long) band);
        assertThat(rejection(users, Rejection.BAD_OCCUPATION).firstLines()).containsExactly((long) code, (long) notNumber);
        assertThat(rejection(users, Rejection.BAD_OCCUPATION).example()).isEqualTo("occupation code '21' on line " + code);
    }

    // ---- duplicates ----------------------------------------------------------------------------------------------

    @Test
    void dropsDuplicatesInUngroupedInputLikeMl100kUData() {
        Fixture clean = MovieLensFixtures.ml100k().build();
        Fixture fx = MovieLensFixtures.ml100k().build();
        fx.appendLine("u.data", fx.line("u.data", 1));
        fx.appendLine("u.data", fx.line("u.data", 600));
        fx.appendLine("u.data", fx.line("u.data", 1));

        DataPrep.Outcome outcome = run(fx);

        DatasetReport d = outcome.report().datasets().get("interactions");
        assertThat(d.duplicatesDropped()).isEqualTo(3);
        assertThat(d.rowsWritten()).isEqualTo(1200);
        assertThat(read(out(INTERACTIONS))).isEqualTo(expectedInteractions(clean.ratings(), "Watch"));
    }

    @Test
    void dropsDuplicatesInInputGroupedByUser() {
        Fixture clean = MovieLensFixtures.ml1m().build();
        Fixture fx = MovieLensFixtures.ml1m().build();
        fx.insertLine("ratings.dat", 6, fx.line("ratings.dat", 5)); // right after itself
        fx.insertLine("ratings.dat", 100, fx.line("ratings.dat", 90)); // later in the same user's block

        DataPrep.Outcome outcome = run(fx);

        DatasetReport d = outcome.report().datasets().get("interactions");
        assertThat(d.duplicatesDropped()).isEqualTo(2);
        assertThat(read(out(INTERACTIONS))).isEqualTo(expectedInteractions(clean.ratings(), "Watch"));
    }

    @Test
    void dropsDuplicatesOfAUserWhoComesBackAfterOthers() {
        Fixture clean = MovieLensFixtures.mlLatest().build();
        Fixture fx = MovieLensFixtures.mlLatest().build();
        fx.appendLine("ratings.csv", fx.line("ratings.csv", 2)); // user 1 again, after user 30

        DataPrep.Outcome outcome = run(fx);

        assertThat(outcome.report().datasets().get("interactions").duplicatesDropped()).isEqualTo(1);
        assertThat(read(out(INTERACTIONS))).isEqualTo(expectedInteractions(clean.ratings(), "Watch"));
    }

    @Test
    void keepsEveryRowOfAUserWhoComesBackWithNewRatings() {
        Fixture fx = MovieLensFixtures.ml1m().build();
        fx.appendRating("1", "45", "3", 956_900_000L);
        fx.appendRating("2", "46", "5", 956_900_001L);

        DataPrep.Outcome outcome = run(fx);

        assertThat(outcome.report().datasets().get("interactions").duplicatesDropped()).isZero();
        assertThat(outcome.report().counts().interactions()).isEqualTo(1202);
        assertThat(lines(out(INTERACTIONS))).endsWith("1,45,956900000,Watch,3", "2,46,956900001,Watch,5");
    }

    @Test
    void sameUserAndMovieAtAnotherTimeIsARerateNotADuplicate() {
        Fixture fx = MovieLensFixtures.ml1m().build();
        String first = fx.line("ratings.dat", 1);
        String[] f = first.split("::");
        fx.insertLine("ratings.dat", 2, f[0] + "::" + f[1] + "::" + f[2] + "::" + (Long.parseLong(f[3]) + 1));

        DataPrep.Outcome outcome = run(fx);

        assertThat(outcome.report().datasets().get("interactions").duplicatesDropped()).isZero();
        assertThat(outcome.report().counts().interactions()).isEqualTo(1201);
    }

    @Test
    void dropsDuplicateMoviesAndUsersKeepingTheFirst() {
        Fixture fx = MovieLensFixtures.ml1m().build();
        fx.appendLine("movies.dat", "1::Another Title (2000)::Drama");
        fx.appendLine("users.dat", "1::F::56::20::99999");

        DataPrep.Outcome outcome = run(fx);

        assertThat(outcome.report().datasets().get("items").duplicatesDropped()).isEqualTo(1);
        assertThat(outcome.report().datasets().get("users").duplicatesDropped()).isEqualTo(1);
        assertThat(lines(out(ITEMS))).noneMatch(l -> l.contains("Another Title")).hasSize(51);
        assertThat(lines(out(USERS))).contains("1,18,M,academic/educator").noneMatch(l -> l.startsWith("1,56"));
    }

    @ParameterizedTest
    @EnumSource(MovieLensFormat.class)
    void countsReconcileWithEveryKindOfDroppedRow(MovieLensFormat format) {
        Fixture fx = MovieLensFixtures.of(format).build();
        String sep = format.separator();
        fx.appendLine(fx.ratingsFile(), "1" + sep + "2");
        fx.appendLine(fx.ratingsFile(), fx.line(fx.ratingsFile(), format.hasHeader() ? 2 : 1));
        fx.appendLine(fx.ratingsFile(), "");
        fx.appendLine(fx.ratingsFile(), "9" + sep + "9" + sep + "9" + sep + "9");

        DataPrep.Outcome outcome = DataPrep.run(PrepOptions.defaults(fx.writeTo(tmp), tmp.resolve("out"))
                .withMinRating(3.0));

        PrepReport r = outcome.report();
        assertCountsReconcile(r);
        DatasetReport d = r.datasets().get("interactions");
        assertThat(d.rowsRead()).as("blank lines are not rows").isEqualTo(fx.ratings().size() + 3L);
        assertThat(d.rejected()).isEqualTo(2);
        assertThat(d.filteredOut()).isPositive();
        assertThat(d.duplicatesDropped() + d.filteredOut()).isGreaterThanOrEqualTo(1);
        assertThat(r.counts().interactions()).isEqualTo(d.rowsWritten());
    }

    @ParameterizedTest
    @EnumSource(MovieLensFormat.class)
    void lastLineWithoutANewlineIsStillRead(MovieLensFormat format) {
        Fixture clean = MovieLensFixtures.of(format).build();
        Fixture fx = MovieLensFixtures.of(format).build();
        for (String name : List.of(fx.ratingsFile(), fx.moviesFile())) {
            byte[] bytes = fx.bytes(name);
            fx.replaceFile(name, java.util.Arrays.copyOf(bytes, bytes.length - 1));
        }
        PrepRuns.run(clean.writeTo(tmp.resolve("clean")), tmp.resolve("out-clean"));

        DataPrep.Outcome outcome = run(fx);

        assertThat(outcome.report().datasets().get("interactions").rowsWritten()).isEqualTo(clean.ratings().size());
        assertThat(out(INTERACTIONS)).hasSameBinaryContentAs(tmp.resolve("out-clean").resolve(INTERACTIONS));
        assertThat(out(ITEMS)).hasSameBinaryContentAs(tmp.resolve("out-clean").resolve(ITEMS));
    }

    // ---- BOM and CRLF --------------------------------------------------------------------------------------------

    static Stream<Arguments> bomAndCrlf() {
        return Stream.of(MovieLensFormat.values()).flatMap(f -> Stream.of(
                Arguments.of(f, true, false), Arguments.of(f, false, true), Arguments.of(f, true, true)));
    }

    @ParameterizedTest(name = "{0} bom={1} crlf={2}")
    @MethodSource("bomAndCrlf")
    void byteOrderMarkAndCrlfInputsGiveIdenticalCsvsAndAreNoted(MovieLensFormat format, boolean bom, boolean crlf) throws Exception {
        MovieLensFixtures.Builder builder = MovieLensFixtures.of(format).title(1, "Misérables, Les (1995)");
        if (format == MovieLensFormat.ML_LATEST) {
            builder.title(2, "Twin\nLines (1999)");
        }
        Fixture clean = builder.build();
        Fixture odd = builder.build();
        if (bom) {
            odd.withByteOrderMark();
        }
        if (crlf) {
            odd.withCrlf();
        }
        assertThat(odd.bytes(odd.ratingsFile())).isNotEqualTo(clean.bytes(clean.ratingsFile()));

        DataPrep.Outcome a = PrepRuns.run(clean.writeTo(tmp.resolve("clean")), tmp.resolve("out-clean"));
        DataPrep.Outcome b = PrepRuns.run(odd.writeTo(tmp.resolve("odd")), tmp.resolve("out-odd"));

        assertThat(b.published()).isTrue();
        for (String name : List.of(INTERACTIONS, ITEMS, USERS)) {
            Path expected = tmp.resolve("out-clean").resolve(name);
            if (Files.exists(expected)) {
                assertThat(tmp.resolve("out-odd").resolve(name)).as(name).hasSameBinaryContentAs(expected);
            }
        }
        for (DatasetReport d : b.report().datasets().values()) {
            assertThat(d.byteOrderMark()).as(d.source()).isEqualTo(bom);
            assertThat(d.crlfLines()).as(d.source()).isEqualTo(crlf ? odd.lineCount(d.source()) : 0);
            assertThat(d.rowsRead()).as(d.source()).isEqualTo(a.report().datasets().get(nameOf(d)).rowsRead());
        }
        assertThat(a.report().datasets().values()).allSatisfy(d -> {
            assertThat(d.byteOrderMark()).isFalse();
            assertThat(d.crlfLines()).isZero();
        });
    }

    private static String nameOf(DatasetReport d) {
        return d.file().replace(".csv", "");
    }
}
