package com.movierec.e2e;

import com.movierec.local.personalize.iam.IamSimulator;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.movierec.e2e.support.LocalApi;
import com.movierec.e2e.support.LocalApi.Answer;
import com.movierec.e2e.support.MovieLens100k;
import com.movierec.local.deployer.testing.RepositoryRoot;
import com.movierec.local.deployer.testing.SynthesizedDev;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code up}, bin/run's last step, as its own JVM on the dev stage synthesized with real MovieLens 100K, stopped as a
 * user, a service manager or a container runtime stops it: SIGTERM, several times, since the race it once lost (Log4j's
 * shutdown hook against the lifecycle handlers deleting the stage) came and went, and SIGINT, Ctrl-C's signal. Each
 * time it has served, deletes every Personalize resource (its last lines count them from the engine's state), prints
 * no exception and exits 0. The engine lives in that JVM, so its own count is the only view of what it holds.
 */
class UpStopSignalsEndToEndTest {
    /** The page is at localhost with sign-in (Cognito takes plain http callback URLs only there), else 127.0.0.1. */
    private static final Pattern SERVING =
            Pattern.compile("Serving the web page at (http://(?:127\\.0\\.0\\.1|localhost):\\d+)/");
    private static final Duration START_LIMIT = Duration.ofMinutes(3);
    private static final Duration STOP_LIMIT = Duration.ofMinutes(2);
    /** SIGINT's bit in /proc/PID/status's SigIgn mask. */
    private static final int SIGINT = 2;

    @TempDir
    static Path tmp;
    private static Path cdkOut;

    @BeforeAll
    static void synthesizeTheDevStageWithMovieLens() {
        cdkOut = SynthesizedDev.withData(MovieLens100k.prepared()).directory();
    }

    @RepeatedTest(3)
    void sigtermDeletesTheStageAndExitsZero(RepetitionInfo repetition) throws Exception {
        Path run = Files.createDirectories(tmp.resolve("sigterm-" + repetition.getCurrentRepetition()));
        Process up = start(run);
        try {
            awaitServingAndAnswer(up, run);

            up.destroy(); // SIGTERM on Linux

            assertStoppedCleanly(up, run, "SIGTERM");
        } finally {
            up.destroyForcibly();
        }
    }

    @Test
    void sigintDeletesTheStageAndExitsZeroAsCtrlCDoes() throws Exception {
        Path run = Files.createDirectories(tmp.resolve("sigint"));
        Process up = start(run);
        try {
            awaitServingAndAnswer(up, run);
            assumeFalse(ignores(up, SIGINT), "SKIPPED: this test's processes inherit an ignored SIGINT (started in "
                    + "the background by a shell without job control), so no SIGINT can reach up");

            Process kill = new ProcessBuilder("kill", "-INT", Long.toString(up.pid())).inheritIO().start();
            assertThat(kill.waitFor()).isZero();

            assertStoppedCleanly(up, run, "SIGINT");
        } finally {
            up.destroyForcibly();
        }
    }

    /**
     * A terminal's Ctrl-C, {@code timeout} and a service manager signal the whole process group, so the IAM
     * simulator's Node process gets the signal too, and it must outlive it: the stage is deleted under IAM after the
     * signal. {@code up} runs as the leader of a process group of its own (setsid), which gets SIGTERM.
     */
    @Test
    void sigtermToTheWholeProcessGroupStillDeletesTheStageUnderIam() throws Exception {
        Path run = Files.createDirectories(tmp.resolve("sigterm-group"));
        Process up = start(run, List.of("setsid"));
        try {
            awaitServingAndAnswer(up, run);

            Process kill = new ProcessBuilder("kill", "-TERM", "--", "-" + up.pid()).inheritIO().start();
            assertThat(kill.waitFor()).isZero();

            assertStoppedCleanly(up, run, "SIGTERM");
        } finally {
            up.destroyForcibly();
        }
    }

    private static Process start(Path run) throws IOException {
        return start(run, List.of());
    }

    /**
     * {@code up} as bin/run starts it, with its logs, S3 root and output in {@code run}, and no engine delays;
     * {@code launcher} comes before java (setsid execs it, so the process is still java).
     */
    private static Process start(Path run, List<String> launcher) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        // Surefire runs the tests from a manifest-only jar; it names the real class path in this property.
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        // It runs in its own directory, with the modules' jars: it is told where the repository's IAM simulator is.
        List<String> command = new ArrayList<>(launcher);
        command.addAll(List.of(java.toString(), "-cp", classPath,
                "-D" + IamSimulator.ROOT_PROPERTY + "=" + RepositoryRoot.find(),
                "com.movierec.local.deployer.cli.LocalModeCommand", "up",
                "--cdk-out", cdkOut.toString(), "--stage", SynthesizedDev.STAGE, "--port", "0",
                "--web-root", RepositoryRoot.find().resolve("web").toString(),
                "--s3-root", run.resolve("s3").toString(), "--api-log", run.resolve("api.log").toString(),
                "--deploy-log", run.resolve("deploy.log").toString(), "--delays", "none"));
        return new ProcessBuilder(command).directory(run.toFile())
                .redirectOutput(run.resolve("stdout.txt").toFile())
                .redirectError(run.resolve("stderr.txt").toFile())
                .start();
    }

    private static void awaitServingAndAnswer(Process up, Path run) throws Exception {
        long deadline = System.nanoTime() + START_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            Matcher serving = SERVING.matcher(stdout(run));
            if (serving.find()) {
                Answer popular = new LocalApi(URI.create(serving.group(1))).get("/movies/popular?count=3");
                assertThat(popular.status()).as(popular.body().toString()).isEqualTo(200);
                assertThat(popular.movieIds()).hasSize(3);
                return;
            }
            assertThat(up.isAlive()).as("up ended before serving: %s%s", stdout(run), stderr(run)).isTrue();
            Thread.sleep(200);
        }
        throw new AssertionError("up did not serve within " + START_LIMIT + ": " + stdout(run) + stderr(run));
    }

    private static void assertStoppedCleanly(Process up, Path run, String signal) throws Exception {
        assertThat(up.waitFor(STOP_LIMIT.toSeconds(), TimeUnit.SECONDS)).as("up stopped within %s: %s", STOP_LIMIT,
                stdout(run)).isTrue();
        String stdout = stdout(run);
        String stderr = stderr(run);
        assertThat(up.exitValue()).as(stdout + stderr).isZero();
        assertThat(stdout).contains("==> " + signal + ": deleting stage dev (cdk destroy's order)")
                .containsPattern("deleted +campaign +\\d+\\.\\d s  movierec-dev-user-personalization-\\w+\\n")
                .containsPattern("movierec-dev-personalize  DELETE_COMPLETE  ")
                // every call of the run was checked by IAM as AWS would, and none was denied
                .containsPattern("==> personalize-local: 0 resources left\n==> IAM: [1-9]\\d* calls checked "
                        + "\\(\\d+ distinct\\), 0 denied\n==> Stopped\n$")
                .doesNotContain(" failed ", "_FAILED");
        assertThat(stdout + stderr).as("no exception or stack trace")
                .doesNotContainIgnoringCase("exception").doesNotContain("\tat ", "ERROR");
        assertThat(Files.readString(run.resolve("deploy.log"))).doesNotContain("_FAILED")
                .containsPattern("DELETE_COMPLETE +movierec-dev-data\\n$");
    }

    /** Whether {@code process} ignores {@code signal}, from Linux's /proc; false where there is no /proc. */
    private static boolean ignores(Process process, int signal) throws IOException {
        Path status = Path.of("/proc", Long.toString(process.pid()), "status");
        if (!Files.isReadable(status)) {
            return false;
        }
        return Files.readAllLines(status).stream().filter(line -> line.startsWith("SigIgn:"))
                .map(line -> new BigInteger(line.substring("SigIgn:".length()).trim(), 16))
                .anyMatch(mask -> mask.testBit(signal - 1));
    }

    private static String stdout(Path run) throws IOException {
        return Files.readString(run.resolve("stdout.txt"));
    }

    private static String stderr(Path run) throws IOException {
        return Files.readString(run.resolve("stderr.txt"));
    }
}
