package com.movierec.dataprep;

import static com.movierec.dataprep.PrepRuns.INTERACTIONS;
import static com.movierec.dataprep.PrepRuns.ITEMS;
import static com.movierec.dataprep.PrepRuns.lines;
import static com.movierec.dataprep.PrepRuns.snapshot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.movierec.dataprep.MovieLensFixtures.Fixture;
import com.movierec.dataprep.input.InputSource;
import com.movierec.dataprep.input.MovieLensFormat;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.Stream;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Which layout an input is in, and the one-sentence outcome for inputs data-prep cannot use. */
class InputDetectionTest {
    @TempDir
    Path tmp;

    private Path out() {
        return tmp.resolve("out");
    }

    private AbstractThrowableAssert<?, ? extends Throwable> assertPrepFails(PrepOptions options) {
        return assertThatThrownBy(() -> DataPrep.run(options))
                .isInstanceOf(PrepException.class)
                .satisfies(e -> assertThat(((PrepException) e).exitCode()).isEqualTo(PrepException.BAD_INPUT))
                .satisfies(e -> assertThat(snapshot(out())).as("files left in the output directory").isEmpty());
    }

    private AbstractThrowableAssert<?, ? extends Throwable> assertPrepFails(Path input) {
        return assertPrepFails(PrepOptions.defaults(input, out()));
    }

    // ---- detection -----------------------------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(MovieLensFormat.class)
    void detectsEachFormatFromItsDirectory(MovieLensFormat format) throws Exception {
        Path dir = MovieLensFixtures.of(format).build().writeTo(tmp);

        try (InputSource source = InputSource.open(dir)) {
            assertThat(MovieLensFormat.detect(source)).isEqualTo(format);
        }
        assertThat(PrepRuns.run(dir, out()).report().format()).isEqualTo(format.id());
    }

    @ParameterizedTest
    @EnumSource(MovieLensFormat.class)
    void detectsEachFormatFromTheGroupLensZipWithItsTopLevelFolder(MovieLensFormat format) throws Exception {
        Fixture fx = MovieLensFixtures.of(format).build();
        Path zip = fx.zipTo(tmp);

        try (InputSource source = InputSource.open(zip)) {
            assertThat(MovieLensFormat.detect(source)).isEqualTo(format);
            assertThat(source.location(format.ratingsFile())).endsWith("!" + fx.releaseName() + "/" + format.ratingsFile());
        }
        DataPrep.Outcome outcome = PrepRuns.run(zip, out());
        assertThat(outcome.published()).isTrue();
        assertThat(outcome.report().format()).isEqualTo(format.id());
        assertThat(outcome.report().counts().interactions()).isEqualTo(fx.ratings().size());
    }

    @ParameterizedTest
    @EnumSource(MovieLensFormat.class)
    void readsAZipOfTheFilesWithoutAFolderToo(MovieLensFormat format) {
        Fixture fx = MovieLensFixtures.of(format).build();
        Path zip = fx.zip(tmp.resolve("flat.zip"), "");

        DataPrep.Outcome outcome = PrepRuns.run(zip, out());

        assertThat(outcome.report().format()).isEqualTo(format.id());
        assertThat(outcome.report().counts().interactions()).isEqualTo(fx.ratings().size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ml-latest-small", "ml-25m", "ml-32m", "ml-latest"})
    void everyMlLatestStyleReleaseIsReadAsMlLatest(String release) {
        Fixture fx = MovieLensFixtures.mlLatest().build().releaseName(release);

        DataPrep.Outcome outcome = PrepRuns.run(fx.zipTo(tmp), out());

        assertThat(outcome.report().format()).isEqualTo("ml-latest");
        assertThat(outcome.report().input()).isEqualTo(release + ".zip");
        assertThat(MovieLensFormat.fromId(release)).isEqualTo(MovieLensFormat.ML_LATEST);
    }

    @Test
    void formatOptionForcesTheLayoutWhenADirectoryHoldsTwo() {
        Fixture ml100k = MovieLensFixtures.ml100k().build();
        Fixture latest = MovieLensFixtures.mlLatest().users(40).ratingsPerUser(30).movies(60).build();
        Path dir = ml100k.writeTo(tmp);
        latest.writeFilesInto(dir);

        DataPrep.Outcome detected = PrepRuns.run(dir, tmp.resolve("auto"));
        DataPrep.Outcome forced = DataPrep.run(PrepOptions.defaults(dir, out()).withFormat(MovieLensFormat.ML_LATEST));

        assertThat(detected.report().format()).isEqualTo("ml-100k");
        assertThat(detected.report().counts().interactions()).isEqualTo(ml100k.ratings().size());
        assertThat(forced.report().format()).isEqualTo("ml-latest");
        assertThat(forced.report().counts().interactions()).isEqualTo(latest.ratings().size());
        assertThat(lines(out().resolve(ITEMS))).hasSize(61);
        assertThat(lines(out().resolve(INTERACTIONS))).hasSize(1201);
    }

    @Test
    void forcingAFormatTheInputIsNotInSaysWhichFileIsMissing() {
        Path dir = MovieLensFixtures.ml1m().build().writeTo(tmp);

        assertPrepFails(PrepOptions.defaults(dir, out()).withFormat(MovieLensFormat.ML_100K))
                .hasMessageContaining("u.item is missing, but ml-100k input needs it")
                .hasMessageEndingWith("point --input at a complete MovieLens release.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ML-1M", "ml-10m", " ml-1m "})
    void formatNamesAreAcceptedCaseInsensitivelyAndByRelease(String value) {
        assertThat(MovieLensFormat.fromId(value)).isEqualTo(MovieLensFormat.ML_1M);
    }

    @Test
    void unknownFormatNameListsTheValidOnes() {
        assertThatThrownBy(() -> MovieLensFormat.fromId("netflix"))
                .isInstanceOf(PrepException.class)
                .hasMessageStartingWith("Unknown --format 'netflix'; use ml-100k, ml-1m or ml-latest");
    }

    // ---- not MovieLens at all ------------------------------------------------------------------------------------

    @Test
    void directoryThatIsNotMovieLensNamesTheFilesItExpected() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("holiday-photos"));
        Files.writeString(dir.resolve("README.txt"), "nothing to see\n");
        Files.writeString(dir.resolve("data.csv"), "a,b,c\n1,2,3\n");

        assertPrepFails(dir)
                .hasMessageStartingWith(dir + " is not a MovieLens release")
                .hasMessageContaining("u.data (ml-100k)", "ratings.dat (ml-1m)", "ratings.csv (ml-latest");
    }

    @Test
    void zipThatIsNotMovieLensNamesTheFilesItExpected() {
        Fixture other = MovieLensFixtures.ml1m().build();
        other.removeFile("ratings.dat").addFile("notes.txt", "hello\n".getBytes(StandardCharsets.UTF_8));
        Path zip = other.zipTo(tmp);

        assertPrepFails(zip)
                .hasMessageContaining("is not a MovieLens release")
                .hasMessageContaining("u.data", "ratings.dat", "ratings.csv");
    }

    @Test
    void inputThatDoesNotExistSaysSo() {
        assertPrepFails(tmp.resolve("nowhere"))
                .hasMessageStartingWith("The input " + tmp.resolve("nowhere") + " does not exist;");
    }

    @Test
    void inputFileThatIsNotAZipSaysWhatToPass() throws Exception {
        Path file = Files.writeString(tmp.resolve("ratings.txt"), "1,2,3,4\n");

        assertPrepFails(file).hasMessageContaining("is a file but not a .zip");
    }

    @Test
    void damagedZipSaysToDownloadAgain() throws Exception {
        Path zip = Files.writeString(tmp.resolve("ml-1m.zip"), "this is not a zip at all\n");

        assertPrepFails(zip).hasMessageContaining("is not a readable zip").hasMessageContaining("download it again");
    }

    // ---- missing, empty, wrong encoding, binary ------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(MovieLensFormat.class)
    void missingMoviesFileIsNamed(MovieLensFormat format) {
        Fixture fx = MovieLensFixtures.of(format).build();
        fx.removeFile(format.moviesFile());

        assertPrepFails(fx.writeTo(tmp))
                .hasMessageContaining(format.moviesFile() + " is missing, but " + format.id() + " input needs it");
    }

    @ParameterizedTest
    @EnumSource(MovieLensFormat.class)
    void emptyRatingsFileIsNamed(MovieLensFormat format) {
        Fixture fx = MovieLensFixtures.of(format).build();
        fx.replaceFile(format.ratingsFile(), new byte[0]);

        assertPrepFails(fx.writeTo(tmp))
                .hasMessageContaining(format.ratingsFile() + " is empty; restore it from the original MovieLens download.");
    }

    @ParameterizedTest
    @EnumSource(MovieLensFormat.class)
    void emptyMoviesFileIsNamed(MovieLensFormat format) {
        Fixture fx = MovieLensFixtures.of(format).build();
        fx.replaceFile(format.moviesFile(), new byte[0]);

        assertPrepFails(fx.writeTo(tmp)).hasMessageContaining(format.moviesFile() + " is empty");
    }

    @ParameterizedTest
    @EnumSource(MovieLensFormat.class)
    void utf16RatingsFileSaysToSaveItAsUtf8(MovieLensFormat format) {
        Fixture fx = MovieLensFixtures.of(format).build();
        String text = new String(fx.bytes(format.ratingsFile()), StandardCharsets.ISO_8859_1);
        fx.replaceFile(format.ratingsFile(), text.getBytes(StandardCharsets.UTF_16)); // with a byte order mark

        assertPrepFails(fx.writeTo(tmp))
                .hasMessageContaining(format.ratingsFile() + " is UTF-16 encoded")
                .hasMessageContaining("save it as UTF-8");
    }

    @ParameterizedTest
    @EnumSource(MovieLensFormat.class)
    void utf16MoviesFileSaysToSaveItAsUtf8(MovieLensFormat format) {
        Fixture fx = MovieLensFixtures.of(format).title(1, "Misérables, Les (1995)").build();
        byte[] body = new String(fx.bytes(format.moviesFile()), fx.charset()).getBytes(StandardCharsets.UTF_16LE);
        byte[] withBom = new byte[body.length + 2];
        withBom[0] = (byte) 0xFF; // little-endian byte order mark, as Windows Notepad writes "Unicode"
        withBom[1] = (byte) 0xFE;
        System.arraycopy(body, 0, withBom, 2, body.length);
        fx.replaceFile(format.moviesFile(), withBom);

        assertPrepFails(fx.writeTo(tmp)).hasMessageContaining(format.moviesFile() + " is UTF-16 encoded");
    }

    static Stream<Arguments> utf16WithoutBom() {
        return Stream.of(MovieLensFormat.values()).flatMap(f -> Stream.of(
                Arguments.of(f, StandardCharsets.UTF_16LE), Arguments.of(f, StandardCharsets.UTF_16BE)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("utf16WithoutBom")
    void utf16WithoutByteOrderMarkIsRecognisedAsUtf16(MovieLensFormat format, java.nio.charset.Charset utf16) {
        Fixture fx = MovieLensFixtures.of(format).build();
        String text = new String(fx.bytes(format.ratingsFile()), StandardCharsets.ISO_8859_1);
        fx.replaceFile(format.ratingsFile(), text.getBytes(utf16));

        assertPrepFails(fx.writeTo(tmp))
                .hasMessageContaining(format.ratingsFile() + " is UTF-16 encoded (without a byte order mark)")
                .hasMessageContaining("save it as UTF-8");
    }

    @ParameterizedTest
    @EnumSource(MovieLensFormat.class)
    void binaryRatingsFileIsNotText(MovieLensFormat format) {
        Fixture fx = MovieLensFixtures.of(format).build();
        byte[] binary = new byte[4096];
        new Random(42).nextBytes(binary);
        binary[100] = 0;
        fx.replaceFile(format.ratingsFile(), binary);

        assertPrepFails(fx.writeTo(tmp))
                .hasMessageContaining(format.ratingsFile() + " is not a text file (it contains NUL bytes)");
    }

    @Test
    void binaryZipEntryIsNotText() {
        Fixture fx = MovieLensFixtures.ml1m().build();
        byte[] binary = new byte[2048];
        new Random(7).nextBytes(binary);
        binary[0] = 0;
        fx.replaceFile("movies.dat", binary);

        assertPrepFails(fx.zipTo(tmp)).hasMessageContaining("ml-1m.zip!ml-1m/movies.dat is not a text file");
    }

    // ---- garbage in a file that has the right name ---------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(MovieLensFormat.class)
    void garbageRatingsFileWithForcedFormatDoesNotLookLikeThatFormat(MovieLensFormat format) {
        Fixture fx = MovieLensFixtures.of(format).build();
        StringBuilder garbage = new StringBuilder(format.hasHeader() ? "userId,movieId,rating,timestamp\n" : "");
        for (int i = 0; i < 20; i++) {
            garbage.append("Lorem ipsum dolor sit amet ").append(i).append('\n');
        }
        fx.replaceFile(format.ratingsFile(), garbage.toString().getBytes(StandardCharsets.UTF_8));

        assertPrepFails(PrepOptions.defaults(fx.writeTo(tmp), out()).withFormat(format))
                .hasMessageContaining(format.ratingsFile() + " does not look like " + format.id() + " data: none of its first 20 rows could be read");
    }

    @Test
    void longGarbageRatingsFileSaysHowManyRowsItTried() {
        Fixture fx = MovieLensFixtures.ml1m().build();
        StringBuilder garbage = new StringBuilder();
        for (int i = 0; i < 50_000; i++) {
            garbage.append("<html><body>row ").append(i).append("</body></html>\n");
        }
        fx.replaceFile("ratings.dat", garbage.toString().getBytes(StandardCharsets.UTF_8));

        assertPrepFails(PrepOptions.defaults(fx.writeTo(tmp), out()).withFormat(MovieLensFormat.ML_1M))
                .hasMessageContaining("ratings.dat does not look like ml-1m data: none of its first 50000 rows could be read")
                .hasMessageContaining("(line 1 has 1 fields, expected 4 separated by '::')")
                .hasMessageEndingWith("check that --input is a MovieLens release and --format matches it.");
    }

    @Test
    void longGarbageMoviesFileIsGivenUpOnAfterItsFirstThousandRows() {
        Fixture fx = MovieLensFixtures.ml1m().build();
        StringBuilder garbage = new StringBuilder();
        for (int i = 0; i < 5_000; i++) {
            garbage.append("<html><body>row ").append(i).append("</body></html>\n");
        }
        fx.replaceFile("movies.dat", garbage.toString().getBytes(StandardCharsets.UTF_8));

        assertPrepFails(fx.writeTo(tmp))
                .hasMessageContaining("movies.dat does not look like ml-1m data: none of its first 1000 rows could be read")
                .hasMessageContaining("line 1 has 1 fields, expected 3");
    }

    @ParameterizedTest
    @EnumSource(MovieLensFormat.class)
    void garbageMoviesFileDoesNotLookLikeThatFormat(MovieLensFormat format) {
        Fixture fx = MovieLensFixtures.of(format).build();
        String header = format.hasHeader() ? "movieId,title,genres\n" : "";
        fx.replaceFile(format.moviesFile(), (header + "%PDF-1.4 garbage\nmore garbage\n").getBytes(StandardCharsets.UTF_8));

        assertPrepFails(fx.writeTo(tmp))
                .hasMessageContaining(format.moviesFile() + " does not look like " + format.id() + " data");
    }

    @Test
    void ml1mFilesForcedAsMlLatestFailOnTheMissingHeader() {
        Fixture fx = MovieLensFixtures.ml1m().build();
        Path dir = fx.writeTo(tmp);
        Fixture csvNamed = MovieLensFixtures.mlLatest().build();
        csvNamed.replaceFile("ratings.csv", fx.bytes("ratings.dat"));
        csvNamed.writeFilesInto(dir);

        assertPrepFails(PrepOptions.defaults(dir, out()).withFormat(MovieLensFormat.ML_LATEST))
                .hasMessageContaining("ratings.csv starts with '1::")
                .hasMessageContaining("an ml-latest ratings file starts with the header userId,movieId,rating,timestamp");
    }

    @Test
    void mlLatestMoviesFileWithoutItsHeaderSaysWhatHeaderItNeeds() {
        Fixture fx = MovieLensFixtures.mlLatest().build();
        fx.replaceLine("movies.csv", 1, "id,name,tags");

        assertPrepFails(fx.writeTo(tmp))
                .hasMessageContaining("movies.csv starts with 'id,name,tags', but an ml-latest movies file starts with the header movieId,title,genres");
    }

    @Test
    void malformedGenreFileSaysHowToRecover() {
        Fixture fx = MovieLensFixtures.ml100k().build();
        fx.replaceFile("u.genre", "unknown|0\nAction|7\n".getBytes(StandardCharsets.ISO_8859_1));

        assertPrepFails(fx.writeTo(tmp))
                .hasMessageContaining("u.genre line 2 is not 'name|index' in order")
                .hasMessageContaining("delete it to use the standard genres");
    }

    @Test
    void outputDirectoryEqualToInputIsRefusedBeforeAnythingIsRead() {
        Path dir = MovieLensFixtures.ml1m().build().writeTo(tmp);

        assertThatThrownBy(() -> PrepOptions.defaults(dir, dir.resolve(".")))
                .isInstanceOf(PrepException.class)
                .hasMessageContaining("is the input directory");
    }
}
