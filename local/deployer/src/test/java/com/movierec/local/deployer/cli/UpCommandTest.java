package com.movierec.local.deployer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.movierec.local.deployer.testing.SynthesizedDev;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code up}, as bin/run starts it: deploy, metrics, serving until stopped, then the stage deleted. */
class UpCommandTest {
    /** The page is at localhost with sign-in (Cognito takes plain http callback URLs only there), else 127.0.0.1. */
    private static final Pattern SERVING =
            Pattern.compile("Serving the web page at (http://(?:127\\.0\\.0\\.1|localhost):\\d+)/");

    @TempDir
    Path tmp;
    private Path web;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void page() throws Exception {
        web = Files.createDirectories(tmp.resolve("web"));
        Files.writeString(web.resolve("index.html"), "<h1>movierec</h1>");
    }

    @Test
    void deploysPrintsMetricsServesUntilStoppedThenDeletesTheStage() throws Exception {
        StopSignal stop = new StopSignal();
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> run(stop, "--port", "0"));

        URI endpoint = awaitServing(exit);
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(endpoint.resolve("/")).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> popular = http.send(HttpRequest.newBuilder(endpoint.resolve("/movies/popular?count=3"))
                .build(), HttpResponse.BodyHandlers.ofString());
        stop.stop("test");

        assertThat(exit.get(60, TimeUnit.SECONDS)).as(err.toString()).isZero();
        assertThat(page.body()).isEqualTo("<h1>movierec</h1>");
        assertThat(popular.statusCode()).isEqualTo(200);
        assertThat(popular.body()).contains("\"movieId\"", "\"title\"");
        assertThat(out.toString())
                .containsPattern("created +campaign +\\d+\\.\\d s  movierec-dev-user-personalization-\\w+\\n")
                .containsPattern("movierec-dev-user-personalization-\\w+ +aws-user-personalization-v2 +0\\.\\d{4}")
                .containsPattern("movierec-dev-popularity-\\w+ +aws-popularity-count +0\\.\\d{4}")
                .contains("User personalization's NDCG@10 is ", "==> test: deleting stage dev")
                // how to call personalize-local the way the docs do: the administrator's key, ARNs, a CLI line
                .containsPattern("export AWS_ACCESS_KEY_ID=AKIA[A-Z2-7]{16} AWS_SECRET_ACCESS_KEY=\\S{40} "
                        + "AWS_DEFAULT_REGION=eu-west-1\n")
                .containsPattern("UserPersonalizationCampaignArn = arn:aws:personalize:eu-west-1:\\d{12}:campaign/")
                .contains("aws personalize-runtime get-recommendations --endpoint-url http://127.0.0.1:")
                .containsPattern("deleted +campaign +\\d+\\.\\d s  movierec-dev-user-personalization-\\w+\\n")
                .containsPattern("movierec-dev-personalize  DELETE_COMPLETE  \\d+\\.\\d s")
                // every call of the run was checked by IAM as AWS would, and none was denied
                .containsPattern("==> personalize-local: 0 resources left\n==> IAM: [1-9]\\d* calls checked "
                        + "\\(\\d+ distinct\\), 0 denied\n==> Stopped\n$");
        assertThat(Files.readString(tmp.resolve("api.log"))).contains("\"route\":\"/movies/popular\"");
    }

    @Test
    void theTerminalSummarisesTheDeployAndTheDeployLogHoldsEveryEventOfTheRun() throws Exception {
        StopSignal stop = new StopSignal();
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> run(stop, "--port", "0"));

        awaitServing(exit);
        stop.stop("test");

        assertThat(exit.get(60, TimeUnit.SECONDS)).as(err.toString()).isZero();
        assertThat(out.toString()).contains("    Every stack event goes to " + tmp.resolve("deploy.log"))
                .doesNotContain("AWS::IAM::Role", "AWS::Logs::LogGroup");
        assertThat(Files.readString(tmp.resolve("deploy.log")))
                .containsPattern("CREATE_COMPLETE +movierec-dev-api  .+ \\(AWS::IAM::Role\\)  \\d+\\.\\d s")
                .containsPattern("DELETE_COMPLETE +movierec-dev-personalize  \\w+ "
                        + "\\(Custom::PersonalizeCampaign\\)  \\d+\\.\\d s")
                .containsPattern("DELETE_COMPLETE +movierec-dev-data\\n$");
    }

    @Test
    void keepOnExitStopsWithoutTheDeletePath() throws Exception {
        StopSignal stop = new StopSignal();
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> run(stop, "--port", "0",
                "--keep-on-exit"));

        awaitServing(exit);
        stop.stop("test");

        assertThat(exit.get(60, TimeUnit.SECONDS)).as(err.toString()).isZero();
        assertThat(out.toString()).doesNotContain("DELETE_", "deleted ", "resources left")
                .contains("==> test: stopping without deleting stage dev (--keep-on-exit)", "==> Stopped");
    }

    @Test
    void aBusyPortIsRefusedWithTheFixAndNothingIsLeftRunning() throws Exception {
        try (ServerSocket busy = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            int exit = run(new StopSignal(), "--port", Integer.toString(busy.getLocalPort()));

            assertThat(exit).as(err.toString()).isEqualTo(LocalModeCommand.UNUSABLE);
            assertThat(err.toString()).contains("port " + busy.getLocalPort() + " on 127.0.0.1 is in use",
                    "choose another port").doesNotContain("\tat ");
        }
    }

    @Test
    void aWebRootWithoutAPageIsRefusedBeforeAnythingStarts() {
        int exit = run(new StopSignal(), "--web-root", tmp.resolve("nowhere").toString());

        assertThat(exit).as(err.toString()).isEqualTo(LocalModeCommand.UNUSABLE);
        assertThat(err.toString()).contains("--web-root", "has no index.html");
        assertThat(out.toString()).doesNotContain("CREATE_");
        assertThat(tmp.resolve("deploy.log")).doesNotExist();
    }

    @Test
    void anUnknownDelayProfileIsRefusedWithTheChoices() {
        int exit = run(new StopSignal(), "--delays", "slow");

        assertThat(exit).as(err.toString()).isEqualTo(LocalModeCommand.UNUSABLE);
        assertThat(err.toString()).contains("unknown delay profile 'slow': use none, fast or realistic");
    }

    /** {@code up} with this test's assembly, page, S3 root, logs and no delays; {@code extra} options win. */
    @Test
    void aStageWithSignInPrintsTheTestUserAndWarnsThatThisPortIsNotACallbackUrl() throws Exception {
        StopSignal stop = new StopSignal();
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> run(stop, "--port", "0",
                "--cdk-out", SynthesizedDev.withSignIn(8080).directory().toString()));

        URI endpoint = awaitServing(exit);
        HttpResponse<String> config = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                endpoint.resolve("/config.json")).build(), HttpResponse.BodyHandlers.ofString());
        stop.stop("test");

        assertThat(exit.get(60, TimeUnit.SECONDS)).as(err.toString()).isZero();
        assertThat(config.body()).contains("\"auth\" : \"jwt\"");
        String page = "http://localhost:" + endpoint.getPort() + "/";
        assertThat(out.toString()).contains("==> Sign in to the page at " + page)
                .containsPattern("username demo   password [A-Za-z0-9-]{20}   \\(MovieLens user 1\\)")
                .contains("warning: " + page + " is not one of the app client's callback URLs "
                        + "[http://localhost:8080/]");
    }

    private int run(StopSignal stop, String... extra) {
        Map<String, String> options = new LinkedHashMap<>(Map.of(
                "--cdk-out", SynthesizedDev.base().directory().toString(), "--web-root", web.toString(),
                "--s3-root", tmp.resolve("s3").toString(), "--api-log", tmp.resolve("api.log").toString(),
                "--deploy-log", tmp.resolve("deploy.log").toString(), "--delays", "none"));
        List<String> flags = new ArrayList<>();
        for (int i = 0; i < extra.length; i++) {
            if (i + 1 < extra.length && !extra[i + 1].startsWith("--")) {
                options.put(extra[i], extra[++i]);
            } else {
                flags.add(extra[i]);
            }
        }
        List<String> args = new ArrayList<>(List.of("up"));
        options.forEach((name, value) -> args.addAll(List.of(name, value)));
        args.addAll(flags);
        return LocalModeCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), () -> stop,
                args.toArray(String[]::new));
    }

    private URI awaitServing(CompletableFuture<Integer> exit) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            Matcher serving = SERVING.matcher(out.toString());
            if (serving.find()) {
                return URI.create(serving.group(1));
            }
            assertThat(exit).as("up ended early: " + err).isNotDone();
            Thread.sleep(20);
        }
        throw new AssertionError("up did not start serving within 90 s: " + out + err);
    }
}
