package com.movierec.local.personalize.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class PersonalizeLocalCommandTest {
    private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+)");

    @TempDir
    Path s3;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void helpNamesEveryOption() {
        assertThat(command().execute("--help")).isZero();
        assertThat(out.toString()).contains("--port", "--s3-root", "--region", "--account", "--delays",
                "--answer-cache", "/_local/state");
    }

    @Test
    void badOptionsAreUsageErrorsThatSayWhy() {
        assertThat(command().execute("--s3-root", s3.resolve("missing").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("is not a directory");
        assertThat(command().execute("--s3-root", s3.toString(), "--delays", "glacial")).isEqualTo(2);
        assertThat(err.toString()).contains("none, fast or realistic");
        assertThat(command().execute("--s3-root", s3.toString(), "--account", "42")).isEqualTo(2);
        assertThat(err.toString()).contains("12 digits");
    }

    @Test
    void servesUntilInterruptedThenReleasesThePort() throws Exception {
        AtomicInteger exit = new AtomicInteger(-1);
        Thread running = new Thread(() -> exit.set(command().execute("--port", "0", "--s3-root", s3.toString(),
                "--delays", "none", "--region", "eu-west-1", "--account", "123456789012")));
        running.start();
        URI endpoint = awaitEndpoint();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpResponse<String> groups = http.send(HttpRequest.newBuilder(endpoint)
                .header("X-Amz-Target", "AmazonPersonalize.CreateDatasetGroup")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"g\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(groups.body()).contains("arn:aws:personalize:eu-west-1:123456789012:dataset-group/g");

        running.interrupt();
        running.join(10_000);
        assertThat(running.isAlive()).isFalse();
        assertThatThrownBy(() -> http.send(HttpRequest.newBuilder(URI.create(endpoint + "_local/health")).build(),
                HttpResponse.BodyHandlers.ofString())).isInstanceOf(ConnectException.class);
    }

    private URI awaitEndpoint() throws InterruptedException {
        for (int i = 0; i < 500; i++) {
            Matcher m = LISTENING.matcher(out.toString());
            if (m.find()) {
                return URI.create(m.group(1) + "/");
            }
            Thread.sleep(10);
        }
        throw new AssertionError("the server never said where it listens; output: " + out + err);
    }

    private CommandLine command() {
        return new CommandLine(new PersonalizeLocalCommand()).setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true));
    }
}
