package com.movierec.dataprep.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.movierec.dataprep.DataPrep;
import com.movierec.dataprep.MovieLensFixtures;
import com.movierec.dataprep.MovieLensFixtures.Fixture;
import com.movierec.dataprep.PrepRuns;
import com.movierec.dataprep.report.PrepReport;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/** The data-prep CLI in-process: exit codes, one-line errors without stack traces, the printed report. */
class DataPrepCommandTest {
    @TempDir
    Path tmp;

    private Path ml1m;
    private Path out;
    private final StringWriter stdout = new StringWriter();
    private final StringWriter stderr = new StringWriter();

    @BeforeEach
    void writeFixture() {
        ml1m = MovieLensFixtures.ml1m().build().writeTo(tmp.resolve("in"));
        out = tmp.resolve("out");
    }

    private int run(String... args) {
        CommandLine cl = DataPrepCommand.commandLine();
        cl.setOut(new PrintWriter(stdout, true));
        cl.setErr(new PrintWriter(stderr, true));
        return cl.execute(args);
    }

    private String out() {
        return stdout.toString();
    }

    private String err() {
        return stderr.toString();
    }

    /** The error output is exactly one line, "error: ...", with no stack trace in it. */
    private void assertOneLineError(String... fragments) {
        String err = err();
        assertThat(err).startsWith("error: ").endsWith(System.lineSeparator());
        assertThat(err.strip()).doesNotContain("\n", "\r").contains(fragments);
        assertThat(err).doesNotContain("at com.", "at java.", "Caused by", "Error: ");
        assertThat(out()).doesNotContain("at com.");
    }

    // ---- exit 0 --------------------------------------------------------------------------------------------------

    @Test
    void preparesTheInputExitsZeroAndPrintsTheReport() {
        int code = run("--input", ml1m.toString(), "--output", out.toString());

        assertThat(code).as(err()).isZero();
        assertThat(err()).isEmpty();
        assertThat(out()).startsWith("Prepared ml-1m (ml-1m format, CUSTOM domain) into " + out + " in ")
                .contains("interactions.csv", "items.csv", "users.csv", "ratings.dat", "movies.dat", "users.dat")
                .contains("Personalize rules: all 4 passed; report in " + out.resolve("report.json"));
        assertThat(PrepRuns.fileNames(out)).containsExactly("interactions.csv", "items.csv", "report.json", "users.csv");
    }

    @Test
    void shortOptionsWork() {
        int code = run("-i", ml1m.toString(), "-o", out.toString(), "-q");

        assertThat(code).isZero();
        assertThat(out()).isEmpty();
    }

    @Test
    void quietPrintsNothingOnSuccess() {
        int code = run("--input", ml1m.toString(), "--output", out.toString(), "--quiet");

        assertThat(code).isZero();
        assertThat(out()).isEmpty();
        assertThat(err()).isEmpty();
    }

    @Test
    void optionsReachTheReport() throws Exception {
        Fixture latest = MovieLensFixtures.mlLatest().users(60).ratingsPerUser(50).movies(50).build();
        Path zip = latest.zipTo(tmp.resolve("zips"));

        int code = run("--input", zip.toString(), "--output", out.toString(), "--format", "ml-latest-small",
                "--encoding", "UTF-8", "--event-type", "Rating", "--min-rating", "3.5", "--domain", "video-on-demand",
                "--progress", "never");

        assertThat(code).as(err()).isZero();
        PrepReport report = DataPrep.readReport(out.resolve("report.json"));
        assertThat(report.input()).isEqualTo("ml-latest-small.zip");
        assertThat(report.format()).isEqualTo("ml-latest");
        assertThat(report.eventType()).isEqualTo("Rating");
        assertThat(report.minRating()).isEqualTo(3.5);
        assertThat(report.domain()).isEqualTo("VIDEO_ON_DEMAND");
        assertThat(report.datasets().get("interactions").filteredOut()).isPositive();
        assertThat(Files.readAllLines(out.resolve("interactions.csv")).subList(1, 10)).allSatisfy(l -> assertThat(l).contains(",Rating,"));
    }

    @Test
    void printedReportNotesByteOrderMarksCrlfAndRejectedRows() {
        Fixture fx = MovieLensFixtures.mlLatest().build().withByteOrderMark().withCrlf();
        int bad = fx.appendLine("ratings.csv", "1,2,lots,1100000000");
        Path in = fx.writeTo(tmp.resolve("odd"));

        int code = run("--input", in.toString(), "--output", out.toString());

        assertThat(code).isZero();
        assertThat(out()).contains("read as UTF-8, byte order mark skipped, CRLF line ends read as LF")
                .contains("1 rejected: " + com.movierec.dataprep.report.Rejection.BAD_RATING.description()
                        + " (first at line " + bad + "; e.g. rating 'lots' on line " + bad + ")");
    }

    @Test
    void helpPrintsTheUsageAndExitsZero() {
        int code = run("--help");

        assertThat(code).isZero();
        assertThat(out()).contains("Usage: data-prep", "--input", "--download", "--output", "--format", "--event-type",
                "--min-rating", "--domain", "Exit codes:", "default: Watch");
        assertThat(err()).isEmpty();
    }

    @Test
    void versionExitsZero() {
        assertThat(run("--version")).isZero();
        assertThat(out()).startsWith("data-prep ");
    }

    // ---- exit 1 --------------------------------------------------------------------------------------------------

    @Test
    void brokenPersonalizeRuleExitsOneSayingWhichRuleAndByHowMuch() {
        Path small = MovieLensFixtures.ml1m().users(25).ratingsPerUser(39).movies(40).build().writeTo(tmp.resolve("small"));

        int code = run("--input", small.toString(), "--output", out.toString());

        assertThat(code).isEqualTo(1);
        assertThat(out()).startsWith("Checked ml-1m (ml-1m format, CUSTOM domain) for " + out)
                .contains("FAILED minimum interactions: Personalize needs at least 1000 interactions to train,"
                        + " but only 975 remain after cleaning (25 short)")
                .contains("Nothing was written to " + out + "; earlier outputs there are untouched.");
        assertThat(PrepRuns.fileNames(out)).isEmpty();
    }

    @Test
    void brokenRuleIsPrintedEvenWhenQuiet() {
        Path small = MovieLensFixtures.ml1m().users(10).build().writeTo(tmp.resolve("small"));

        int code = run("--input", small.toString(), "--output", out.toString(), "--quiet");

        assertThat(code).isEqualTo(1);
        assertThat(out()).contains("FAILED minimum users with 2+ interactions", "(15 short)");
    }

    // ---- exit 2 --------------------------------------------------------------------------------------------------

    static Stream<Arguments> usageErrors() {
        return Stream.of(
                Arguments.of(List.of("--bogus"), "Unknown option: '--bogus'"),
                Arguments.of(List.of(), "Missing required argument"),
                Arguments.of(List.of("--input", "IN", "--download", "ml-100k"), "mutually exclusive"),
                Arguments.of(List.of("--input", "IN", "--output"), "Missing required parameter for option '--output'"),
                Arguments.of(List.of("--input", "IN", "--min-rating", "four"), "'four' is not a double"),
                Arguments.of(List.of("--input", "IN", "--format", "ml-5m"), "Unknown --format 'ml-5m'"),
                Arguments.of(List.of("--input", "IN", "--encoding", "KLINGON-8"), "--encoding 'KLINGON-8' is not a charset"),
                Arguments.of(List.of("--input", "IN", "--domain", "retail"), "--domain 'retail' is not supported"),
                Arguments.of(List.of("--input", "IN", "--progress", "sometimes"), "--progress 'sometimes'"),
                Arguments.of(List.of("--input", "IN", "--min-rating", "6"), "--min-rating 6.0 is outside"),
                Arguments.of(List.of("--input", "IN", "--event-type", "a,b"), "--event-type 'a,b' is not a valid event type"),
                Arguments.of(List.of("--download", "ml-5m"), "Unknown MovieLens release 'ml-5m'"),
                Arguments.of(List.of("--input", "NOWHERE"), "does not exist"),
                Arguments.of(List.of("--input", "NOT_MOVIELENS"), "is not a MovieLens release"),
                Arguments.of(List.of("--input", "IN", "--output", "IN"), "is the input directory"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("usageErrors")
    void badInputOrOptionsExitTwoWithOneErrorLine(List<String> template, String expected) throws Exception {
        Path notMovieLens = Files.createDirectories(tmp.resolve("not-movielens"));
        Files.writeString(notMovieLens.resolve("readme.txt"), "hello");
        List<String> args = new ArrayList<>();
        for (String a : template) {
            args.add(switch (a) {
                case "IN" -> ml1m.toString();
                case "NOWHERE" -> tmp.resolve("nowhere").toString();
                case "NOT_MOVIELENS" -> notMovieLens.toString();
                default -> a;
            });
        }
        if (!args.contains("--output") && !args.contains("-o")) {
            args.add("--output");
            args.add(out.toString());
        }

        int code = run(args.toArray(String[]::new));

        assertThat(code).as(err()).isEqualTo(2);
        assertOneLineError(expected);
        assertThat(PrepRuns.fileNames(out)).isEmpty();
    }

    @Test
    void parameterErrorsPointToHelp() {
        run("--bogus");

        assertThat(err()).contains("(run data-prep --help for the options)");
    }

    @Test
    void garbageInputWithForcedFormatExitsTwoSayingItDoesNotLookLikeThatFormat() throws Exception {
        Fixture fx = MovieLensFixtures.ml1m().build();
        fx.replaceFile("ratings.dat", "just some text\nnothing more\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Path in = fx.writeTo(tmp.resolve("garbage"));

        int code = run("--input", in.toString(), "--output", out.toString(), "--format", "ml-1m");

        assertThat(code).isEqualTo(2);
        assertOneLineError("does not look like ml-1m data");
    }

    @Test
    void errorAboutInputWithLineBreaksStaysOnOneLine() {
        Fixture fx = MovieLensFixtures.mlLatest().build();
        fx.replaceLine("movies.csv", 1, "\"movie\nId\",title,genres");
        Path in = fx.writeTo(tmp.resolve("odd-header"));

        int code = run("--input", in.toString(), "--output", out.toString());

        assertThat(code).isEqualTo(2);
        assertOneLineError("movies.csv starts with 'movie Id,title,genres'", "movieId,title,genres");
    }

    @Test
    void errorLineFlattensLineBreaksAndCarriageReturns() {
        assertThat(DataPrepCommand.errorLine("a\nb\r\nc\rd")).isEqualTo("error: a b c d");
        assertThat(DataPrepCommand.errorLine(null)).isEqualTo("error: unknown error");
    }

    // ---- exit 3 --------------------------------------------------------------------------------------------------

    @Test
    void outputThatIsAFileExitsThreeWithOneErrorLine() throws Exception {
        Path file = Files.writeString(tmp.resolve("taken"), "a file, not a directory");

        int code = run("--input", ml1m.toString(), "--output", file.toString());

        assertThat(code).isEqualTo(3);
        assertOneLineError("Cannot create the output directory " + file, "choose another with --output");
        assertThat(file).hasContent("a file, not a directory");
    }

    // ---- default output ------------------------------------------------------------------------------------------

    @Test
    void defaultOutputIsDataPreparedAndTheReleaseName() {
        assertThat(DataPrepCommand.defaultOutput(Path.of("/downloads/ml-1m.zip"))).isEqualTo(Path.of("data", "prepared", "ml-1m"));
        assertThat(DataPrepCommand.defaultOutput(Path.of("/data/ml-latest-small/"))).isEqualTo(Path.of("data", "prepared", "ml-latest-small"));
        assertThat(DataPrepCommand.defaultOutput(Path.of("/x/ML-25M.ZIP"))).isEqualTo(Path.of("data", "prepared", "ML-25M"));
        assertThat(DataPrepCommand.defaultOutput(Path.of("/x/ml-100k/../ml-1m"))).isEqualTo(Path.of("data", "prepared", "ml-1m"));
        assertThat(DataPrepCommand.defaultOutput(Path.of("/"))).isEqualTo(Path.of("data", "prepared", "movielens"));
    }

    @Test
    void defaultOutputIsRelativeToTheWorkingDirectory() {
        Path cwdName = Path.of("").toAbsolutePath().getFileName();

        assertThat(DataPrepCommand.defaultOutput(Path.of("."))).isEqualTo(Path.of("data", "prepared", cwdName.toString()));
        assertThat(DataPrepCommand.defaultOutput(Path.of("ml-1m.zip")).isAbsolute()).isFalse();
    }
}
