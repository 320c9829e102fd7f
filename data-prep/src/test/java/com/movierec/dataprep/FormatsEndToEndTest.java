package com.movierec.dataprep;

import static com.movierec.dataprep.PrepRuns.INTERACTIONS;
import static com.movierec.dataprep.PrepRuns.ITEMS;
import static com.movierec.dataprep.PrepRuns.REPORT;
import static com.movierec.dataprep.PrepRuns.USERS;
import static com.movierec.dataprep.PrepRuns.expectedInteractions;
import static com.movierec.dataprep.PrepRuns.expectedItemsFromTitles;
import static com.movierec.dataprep.PrepRuns.expectedUsers;
import static com.movierec.dataprep.PrepRuns.fileNames;
import static com.movierec.dataprep.PrepRuns.header;
import static com.movierec.dataprep.PrepRuns.lines;
import static com.movierec.dataprep.PrepRuns.read;
import static org.assertj.core.api.Assertions.assertThat;

import com.movierec.dataprep.MovieLensFixtures.Fixture;
import com.movierec.dataprep.input.MovieLensFormat;
import com.movierec.dataprep.report.PrepReport;
import com.movierec.schemas.DatasetType;
import com.movierec.schemas.Domain;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Each MovieLens layout end to end through {@link DataPrep#run(PrepOptions)}, asserting whole output files. */
class FormatsEndToEndTest {
    @TempDir
    Path tmp;

    // ---- ml-100k -------------------------------------------------------------------------------------------------

    /** 25 users x 40 ratings: exactly Personalize's 1000-interaction minimum. */
    private static Fixture tinyMl100k() {
        return MovieLensFixtures.ml100k().users(25).ratingsPerUser(40).movies(40)
                .title(1, "Misérables, Les (1995)").genres(1, "Drama", "Musical")
                .title(2, "Kolya (1996)").releaseDate(2, "14-Mar-1997")
                .title(3, "unknown").releaseDate(3, "").genres(3)
                .title(4, "Café au lait (1993)").releaseDate(4, "")
                .build();
    }

    @Test
    void ml100kWritesExactlyTheExpectedFiles() {
        Fixture fx = tinyMl100k();
        Path out = tmp.resolve("out");

        DataPrep.Outcome outcome = PrepRuns.run(fx.writeTo(tmp), out);

        assertThat(outcome.published()).as(String.valueOf(outcome.report().failures())).isTrue();
        assertThat(outcome.exitCode()).isZero();
        assertThat(fileNames(out)).containsExactly(INTERACTIONS, ITEMS, REPORT, USERS);
        assertThat(read(out.resolve(INTERACTIONS))).isEqualTo(expectedInteractions(fx.ratings(), "Watch"));
        assertThat(read(out.resolve(USERS))).isEqualTo(expectedUsers(fx.users()));
        String items = read(out.resolve(ITEMS));
        assertThat(items).isEqualTo(expectedItemsFromTitles(fx.movies())
                .replaceFirst("(?m)^2,Kolya \\(1996\\),([^,]*),820454400$", "2,Kolya (1996),$1,858297600"));
        assertThat(items).startsWith("ITEM_ID,TITLE,GENRES,CREATION_TIMESTAMP\n"
                + "1,\"Misérables, Les (1995)\",Drama|Musical,788918400\n");
        assertThat(items).contains("\n3,unknown,unknown,\n", "\n4,Café au lait (1993),");
    }

    @Test
    void ml100kReleaseDateBecomesEpochSecondsOfThatDayInUtc() {
        Fixture fx = tinyMl100k();
        Path out = tmp.resolve("out");

        PrepRuns.run(fx.writeTo(tmp), out);

        // 14-Mar-1997 from u.item's date column wins over the year in the title.
        assertThat(lines(out.resolve(ITEMS))).anySatisfy(l -> assertThat(l).startsWith("2,Kolya (1996),").endsWith(",858297600"));
        // An empty date falls back to 1 January of the year in the title.
        assertThat(lines(out.resolve(ITEMS))).anySatisfy(l -> assertThat(l).startsWith("4,Café au lait (1993),").endsWith(",725846400"));
    }

    @Test
    void ml100kLatin1TitleBytesComeOutAsUtf8() throws Exception {
        Fixture fx = tinyMl100k();
        byte[] uItem = fx.bytes("u.item");
        assertThat(uItem).contains((byte) 0xE9); // é in ISO-8859-1, as GroupLens wrote it
        Path out = tmp.resolve("out");

        PrepRuns.run(fx.writeTo(tmp), out);

        byte[] items = Files.readAllBytes(out.resolve(ITEMS));
        assertThat(new String(items, StandardCharsets.UTF_8)).contains("Misérables").contains("Café");
        assertThat(items).doesNotContain((byte) 0xE9);
        StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(items)); // throws if not valid UTF-8
    }

    @Test
    void ml100kReadsTheUnknownGenreFlagAsUnknown() {
        Fixture fx = tinyMl100k();
        Path out = tmp.resolve("out");

        PrepRuns.run(fx.writeTo(tmp), out);

        assertThat(lines(out.resolve(ITEMS))).contains("3,unknown,unknown,");
    }

    @Test
    void ml100kWithoutGenreFileUsesTheStandardGenreColumns() {
        Fixture withGenreFile = tinyMl100k();
        Fixture without = MovieLensFixtures.ml100k().users(25).ratingsPerUser(40).movies(40)
                .title(1, "Misérables, Les (1995)").genres(1, "Drama", "Musical")
                .title(2, "Kolya (1996)").releaseDate(2, "14-Mar-1997")
                .title(3, "unknown").releaseDate(3, "").genres(3)
                .title(4, "Café au lait (1993)").releaseDate(4, "")
                .withoutGenreFile().build();
        assertThat(without.fileNames()).doesNotContain("u.genre");

        PrepRuns.run(withGenreFile.writeTo(tmp.resolve("a")), tmp.resolve("out-a"));
        PrepRuns.run(without.writeTo(tmp.resolve("b")), tmp.resolve("out-b"));

        assertThat(read(tmp.resolve("out-b").resolve(ITEMS))).isEqualTo(read(tmp.resolve("out-a").resolve(ITEMS)));
    }

    // ---- ml-1m ---------------------------------------------------------------------------------------------------

    private static Fixture tinyMl1m() {
        return MovieLensFixtures.ml1m().users(25).ratingsPerUser(40).movies(40)
                .title(1, "Misérables, Les (1995)").genres(1, "Drama", "Musical")
                .title(2, "Être et avoir (2002)").genres(2, "Documentary")
                .title(3, "Dr. Strangelove or: How I Learned to Stop Worrying and Love the Bomb (1964)")
                .genres(3, "Comedy", "Sci-Fi", "War")
                .build();
    }

    @Test
    void ml1mWritesExactlyTheExpectedFiles() {
        Fixture fx = tinyMl1m();
        Path out = tmp.resolve("out");

        DataPrep.Outcome outcome = PrepRuns.run(fx.writeTo(tmp), out);

        assertThat(outcome.published()).as(String.valueOf(outcome.report().failures())).isTrue();
        assertThat(fileNames(out)).containsExactly(INTERACTIONS, ITEMS, REPORT, USERS);
        assertThat(read(out.resolve(INTERACTIONS))).isEqualTo(expectedInteractions(fx.ratings(), "Watch"));
        assertThat(read(out.resolve(ITEMS))).isEqualTo(expectedItemsFromTitles(fx.movies()));
        assertThat(read(out.resolve(USERS))).isEqualTo(expectedUsers(fx.users()));
        assertThat(read(out.resolve(ITEMS))).startsWith("ITEM_ID,TITLE,GENRES,CREATION_TIMESTAMP\n"
                + "1,\"Misérables, Les (1995)\",Drama|Musical,788918400\n"
                + "2,Être et avoir (2002),Documentary,1009843200\n"
                + "3,Dr. Strangelove or: How I Learned to Stop Worrying and Love the Bomb (1964),Comedy|Sci-Fi|War,-189388800\n");
    }

    @Test
    void ml1mOccupationCodesBecomeNamesAndAgesStayBandLowerBounds() {
        Fixture fx = tinyMl1m();
        Path out = tmp.resolve("out");

        PrepRuns.run(fx.writeTo(tmp), out);

        // users.dat is UserID::Gender::Age::Occupation::Zip-code
        assertThat(fx.line("users.dat", 1)).startsWith("1::M::18::1::");
        assertThat(fx.line("users.dat", 10)).startsWith("10::M::35::10::");
        assertThat(fx.line("users.dat", 12)).startsWith("12::F::50::12::");
        assertThat(fx.line("users.dat", 21)).startsWith("21::F::1::0::");
        List<String> users = lines(out.resolve(USERS));
        assertThat(users).contains("1,18,M,academic/educator", "10,35,M,K-12 student", "12,50,F,programmer",
                "21,1,F,other", "20,56,M,writer");
    }

    @Test
    void ml1mLatin1TitleBytesComeOutAsUtf8() throws Exception {
        Fixture fx = tinyMl1m();
        assertThat(fx.bytes("movies.dat")).contains((byte) 0xE9, (byte) 0xCA);
        Path out = tmp.resolve("out");

        PrepRuns.run(fx.writeTo(tmp), out);

        byte[] items = Files.readAllBytes(out.resolve(ITEMS));
        assertThat(items).doesNotContain((byte) 0xE9);
        assertThat(new String(items, StandardCharsets.UTF_8)).contains("Misérables", "Être");
    }

    @Test
    void ml1mReSavedAsUtf8IsDetectedAndGivesTheSameItems() {
        Fixture latin1 = tinyMl1m();
        Fixture utf8 = tinyMl1m();
        utf8.replaceFile("movies.dat", new String(latin1.bytes("movies.dat"), StandardCharsets.ISO_8859_1)
                .getBytes(StandardCharsets.UTF_8));

        DataPrep.Outcome a = PrepRuns.run(latin1.writeTo(tmp.resolve("a")), tmp.resolve("out-a"));
        DataPrep.Outcome b = PrepRuns.run(utf8.writeTo(tmp.resolve("b")), tmp.resolve("out-b"));

        assertThat(read(tmp.resolve("out-b").resolve(ITEMS))).isEqualTo(read(tmp.resolve("out-a").resolve(ITEMS)));
        assertThat(a.report().datasets().get("items").encoding()).isEqualTo("ISO-8859-1");
        assertThat(b.report().datasets().get("items").encoding()).isEqualTo("UTF-8");
    }

    // ---- ml-latest -----------------------------------------------------------------------------------------------

    /** Titles that break naive CSV handling, as ml-latest has them. */
    private static Fixture nastyMlLatest() {
        return MovieLensFixtures.mlLatest().users(25).ratingsPerUser(40).movies(40)
                .title(1, "Misérables, Les (1995)").genres(1, "Drama", "Musical")
                .title(2, "\"Great\" Escape, The (1963)").genres(2, "Adventure", "War")
                .title(3, "Babylon 5").genres(3)
                .title(4, "千と千尋の神隠し (2001)").genres(4, "Animation", "Fantasy")
                .title(5, "Twin\nLines (1999)").genres(5, "Drama")
                .title(6, "Fawlty Towers (1975-1979)").genres(6, "Comedy")
                .title(7, "Shawshank \"Redemption\" (1994)")
                .build();
    }

    @Test
    void mlLatestWritesExactlyTheExpectedFiles() {
        Fixture fx = nastyMlLatest();
        Path out = tmp.resolve("out");

        DataPrep.Outcome outcome = PrepRuns.run(fx.writeTo(tmp), out);

        assertThat(outcome.published()).as(String.valueOf(outcome.report().failures())).isTrue();
        assertThat(fileNames(out)).containsExactly(INTERACTIONS, ITEMS, REPORT);
        assertThat(read(out.resolve(INTERACTIONS))).isEqualTo(expectedInteractions(fx.ratings(), "Watch"));
        assertThat(read(out.resolve(ITEMS))).isEqualTo(expectedItemsFromTitles(fx.movies()));
        assertThat(read(out.resolve(ITEMS))).startsWith("ITEM_ID,TITLE,GENRES,CREATION_TIMESTAMP\n"
                + "1,\"Misérables, Les (1995)\",Drama|Musical,788918400\n"
                + "2,\"\"\"Great\"\" Escape, The (1963)\",Adventure|War,-220924800\n"
                + "3,Babylon 5,unknown,\n"
                + "4,千と千尋の神隠し (2001),Animation|Fantasy,978307200\n"
                + "5,\"Twin\nLines (1999)\",Drama,915148800\n"
                + "6,Fawlty Towers (1975-1979),Comedy,157766400\n"
                + "7,\"Shawshank \"\"Redemption\"\" (1994)\",");
    }

    @Test
    void mlLatestInputReallyHasTheNastyQuoting() {
        Fixture fx = nastyMlLatest();
        String movies = new String(fx.bytes("movies.csv"), StandardCharsets.UTF_8);

        assertThat(movies).contains("\n2,\"\"\"Great\"\" Escape, The (1963)\",Adventure|War\n",
                "\n3,Babylon 5,(no genres listed)\n", "\n5,\"Twin\nLines (1999)\",Drama\n");
    }

    @Test
    void mlLatestHalfStarRatingsAreKeptAsWritten() {
        Fixture fx = nastyMlLatest();
        Path out = tmp.resolve("out");

        PrepRuns.run(fx.writeTo(tmp), out);

        List<String> rows = lines(out.resolve(INTERACTIONS));
        assertThat(rows).anySatisfy(r -> assertThat(r).endsWith(",Watch,0.5"));
        assertThat(rows).anySatisfy(r -> assertThat(r).endsWith(",Watch,3.5"));
        assertThat(rows).anySatisfy(r -> assertThat(r).endsWith(",Watch,5.0"));
    }

    @Test
    void mlLatestHasNoUsersCsvAndSaysSoNowhereAsAFailure() {
        Fixture fx = nastyMlLatest();
        Path out = tmp.resolve("out");

        DataPrep.Outcome outcome = PrepRuns.run(fx.writeTo(tmp), out);

        assertThat(out.resolve(USERS)).doesNotExist();
        assertThat(outcome.report().datasets()).containsOnlyKeys("items", "interactions");
        assertThat(outcome.report().counts().usersWithMetadata()).isZero();
    }

    @Test
    void idsAreWrittenAsTheStringsTheInputHas() {
        Fixture fx = MovieLensFixtures.mlLatest().users(25).ratingsPerUser(40).movies(40).build();
        fx.appendLine("movies.csv", "0042,Leading Zeros (2000),Comedy");
        fx.appendRating("007", "0042", "4.0", 1_200_000_000L);
        Path out = tmp.resolve("out");

        PrepRuns.run(fx.writeTo(tmp), out);

        assertThat(lines(out.resolve(ITEMS))).contains("0042,Leading Zeros (2000),Comedy,946684800");
        assertThat(lines(out.resolve(INTERACTIONS))).contains("007,0042,1200000000,Watch,4.0");
    }

    // ---- every format --------------------------------------------------------------------------------------------

    static Stream<Arguments> formatsAndDomains() {
        return Stream.of(MovieLensFormat.values()).flatMap(f -> Stream.of(Domain.values()).map(d -> Arguments.of(f, d)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("formatsAndDomains")
    void headerColumnsEqualSchemaColumns(MovieLensFormat format, Domain domain) {
        Fixture fx = MovieLensFixtures.of(format).build();
        Path out = tmp.resolve("out");

        DataPrep.Outcome outcome = DataPrep.run(PrepOptions.defaults(fx.writeTo(tmp), out).withDomain(domain));

        assertThat(outcome.published()).isTrue();
        assertThat(lines(out.resolve(INTERACTIONS)).get(0)).isEqualTo(header(DatasetType.INTERACTIONS, domain));
        assertThat(lines(out.resolve(ITEMS)).get(0)).isEqualTo(header(DatasetType.ITEMS, domain));
        if (format.usersFile() != null) {
            assertThat(lines(out.resolve(USERS)).get(0)).isEqualTo(header(DatasetType.USERS, domain));
        }
    }

    @ParameterizedTest
    @EnumSource(MovieLensFormat.class)
    void outputsAreUtf8WithUnixLineEndsAndNoByteOrderMark(MovieLensFormat format) throws Exception {
        Fixture fx = MovieLensFixtures.of(format).title(1, "Misérables, Les (1995)").build();
        Path out = tmp.resolve("out");

        PrepRuns.run(fx.writeTo(tmp), out);

        for (String name : List.of(INTERACTIONS, ITEMS, REPORT)) {
            byte[] bytes = Files.readAllBytes(out.resolve(name));
            assertThat(bytes).as(name).doesNotContain((byte) '\r');
            assertThat(bytes[0]).as(name).isNotEqualTo((byte) 0xEF);
            assertThat(bytes[bytes.length - 1]).as(name).isEqualTo((byte) '\n');
            StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes));
        }
    }

    @ParameterizedTest
    @EnumSource(MovieLensFormat.class)
    void reportHasTheCountsAndTimeSpan(MovieLensFormat format) throws Exception {
        Fixture fx = MovieLensFixtures.of(format).users(30).ratingsPerUser(40).movies(50).build();
        Path out = tmp.resolve("out");

        DataPrep.Outcome outcome = PrepRuns.run(fx.writeTo(tmp), out);

        PrepReport r = outcome.report();
        assertThat(r.format()).isEqualTo(format.id());
        assertThat(r.input()).isEqualTo(fx.releaseName());
        assertThat(r.eventType()).isEqualTo("Watch");
        assertThat(r.counts().interactions()).isEqualTo(1200);
        assertThat(r.counts().users()).isEqualTo(30);
        assertThat(r.counts().usersWithAtLeastTwoInteractions()).isEqualTo(30);
        assertThat(r.counts().items()).isEqualTo(50);
        assertThat(r.counts().itemsInCatalog()).isEqualTo(50);
        assertThat(r.counts().usersWithMetadata()).isEqualTo(format.usersFile() == null ? 0 : 30);
        assertThat(r.datasets().get("interactions").rowsRead()).isEqualTo(1200);
        assertThat(r.datasets().get("interactions").rowsWritten()).isEqualTo(1200);
        long first = fx.ratings().stream().mapToLong(MovieLensFixtures.Rating::timestamp).min().orElseThrow();
        long last = fx.ratings().stream().mapToLong(MovieLensFixtures.Rating::timestamp).max().orElseThrow();
        assertThat(r.timeSpan().firstEpochSeconds()).isEqualTo(first);
        assertThat(r.timeSpan().lastEpochSeconds()).isEqualTo(last);
        assertThat(r.timeSpan().first()).isEqualTo(java.time.Instant.ofEpochSecond(first).toString());
        assertThat(r.timeSpan().days()).isEqualTo((last - first) / 86_400);
        assertThat(r.passed()).isTrue();
        assertThat(r.personalizeRules()).hasSize(4).allSatisfy(rule -> assertThat(rule.passed()).isTrue());
        // report.json holds the same report.
        assertThat(DataPrep.readReport(out.resolve(REPORT))).isEqualTo(r);
        assertThat(read(out.resolve(REPORT))).isEqualTo(DataPrep.toJson(r) + "\n");
    }

    @ParameterizedTest
    @EnumSource(MovieLensFormat.class)
    void zipAsGroupLensPublishesItGivesTheSameCsvsAsTheDirectory(MovieLensFormat format) throws Exception {
        Fixture fx = MovieLensFixtures.of(format).title(1, "Misérables, Les (1995)").build();
        Path zip = fx.zipTo(tmp.resolve("zips"));

        DataPrep.Outcome fromDir = PrepRuns.run(fx.writeTo(tmp.resolve("dirs")), tmp.resolve("out-dir"));
        DataPrep.Outcome fromZip = PrepRuns.run(zip, tmp.resolve("out-zip"));

        assertThat(fromZip.published()).isTrue();
        assertThat(fromZip.report().input()).isEqualTo(fx.releaseName() + ".zip");
        for (String name : List.of(INTERACTIONS, ITEMS, USERS)) {
            Path a = tmp.resolve("out-dir").resolve(name);
            Path b = tmp.resolve("out-zip").resolve(name);
            assertThat(Files.exists(b)).as(name).isEqualTo(Files.exists(a));
            if (Files.exists(a)) {
                assertThat(b).as(name).hasSameBinaryContentAs(a);
            }
        }
        assertThat(fromZip.report().counts()).isEqualTo(fromDir.report().counts());
    }

    @Test
    void interactionsWithMoviesMissingFromTheMoviesFileAreKeptAndNoted() {
        Fixture fx = MovieLensFixtures.ml1m().build();
        fx.appendRating("30", "9999", "4", 956_800_000L);
        Path out = tmp.resolve("out");

        DataPrep.Outcome outcome = PrepRuns.run(fx.writeTo(tmp), out);

        assertThat(outcome.published()).isTrue();
        assertThat(lines(out.resolve(INTERACTIONS))).contains("30,9999,956800000,Watch,4");
        assertThat(outcome.report().counts().interactionsWithoutItemMetadata()).isEqualTo(1);
        assertThat(outcome.report().notes()).anySatisfy(n -> assertThat(n).contains("1 interactions", "movies.dat"));
    }

    @Test
    void ml100kWithoutUsersFileWritesNoUsersCsvAndSaysSo() {
        Fixture fx = MovieLensFixtures.ml100k().withoutUsersFile().build();
        Path out = tmp.resolve("out");

        DataPrep.Outcome outcome = PrepRuns.run(fx.writeTo(tmp), out);

        assertThat(outcome.published()).isTrue();
        assertThat(out.resolve(USERS)).doesNotExist();
        assertThat(outcome.report().notes()).anySatisfy(n -> assertThat(n).contains("u.user", "no users.csv"));
    }
}
