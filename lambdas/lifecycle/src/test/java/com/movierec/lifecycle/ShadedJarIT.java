package com.movierec.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.movierec.lifecycle.testing.Events;
import com.movierec.lifecycle.testing.SignalServer;
import com.sun.net.httpserver.HttpServer;
import java.io.File;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Runs target/lifecycle.jar in its own JVM the way Lambda does, against a Personalize stand-in and a WaitCondition
 * URL on 127.0.0.1: the shaded SDK, the merged Log4j plugin caches (the JSON layout and the Powertools resolver) and
 * the SLF4J provider must all work from the one jar.
 */
class ShadedJarIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String VERSION =
            "arn:aws:personalize:us-east-1:123456789012:solution/movierec-dev-user-personalization-1a2b3c4d/4f5e6d7c";

    @Test
    void theShadedJarWatchesSignalsAndLogsPowertoolsJson() throws Exception {
        Path jar = Path.of("target", "lifecycle.jar");
        assertThat(jar).exists();
        HttpServer personalize = personalizeAnswering("{\"solutionVersion\": {\"solutionVersionArn\": \"" + VERSION
                + "\", \"status\": \"ACTIVE\"}}");
        try (SignalServer waitCondition = new SignalServer()) {
            Map<String, Object> input = Events.load("watcher/solution-version");
            input.put("SignalUrl", waitCondition.signalUrl());
            Map<String, Object> event = Events.load("cloudformation/schema-delete-after-failed-create");

            ProcessBuilder java = new ProcessBuilder(javaBinary(), "-cp",
                    jar + File.pathSeparator + Path.of("target", "test-classes"),
                    ShadedJarProbe.class.getName(), JSON.writeValueAsString(input), JSON.writeValueAsString(event));
            java.environment().put("AWS_REGION", "us-east-1");
            java.environment().put("AWS_ACCESS_KEY_ID", "AKIAIOSFODNN7EXAMPLE");
            java.environment().put("AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
            java.environment().put("PERSONALIZE_ENDPOINT", "http://127.0.0.1:" + personalize.getAddress().getPort());
            java.environment().put("SFN_ENDPOINT", "http://127.0.0.1:9");
            java.environment().put("POWERTOOLS_SERVICE_NAME", "movierec-lifecycle");
            Path stdout = Files.createTempFile("lifecycle-stdout", ".log");
            Path stderr = Files.createTempFile("lifecycle-stderr", ".log");
            Process process = java.redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the probe finished").isTrue();
            String out = Files.readString(stdout);
            String err = Files.readString(stderr);

            assertThat(process.exitValue()).as("exit code; stderr: %s", err).isZero();
            assertThat(err).doesNotContain("StatusLogger", "SLF4J", "Exception");
            assertThat(waitCondition.received()).hasSize(1);
            assertThat(JSON.readTree(waitCondition.received().get(0).body()).get("Status").asText()).isEqualTo("SUCCESS");
            assertThat(waitCondition.received().get(0).contentType()).isEmpty();

            List<JsonNode> lines = new ArrayList<>();
            for (String line : out.strip().split("\n")) {
                lines.add(JSON.readTree(line));
            }
            assertThat(lines).allSatisfy(line -> assertThat(line.path("service").asText()).isEqualTo("movierec-lifecycle"));
            assertThat(lines).anySatisfy(line -> {
                assertThat(line.path("message").asText()).isEqualTo("signalled the WaitCondition");
                assertThat(line.path("arn").asText()).isEqualTo(VERSION);
            });
            assertThat(lines).anySatisfy(line -> assertThat(line.path("message").asText())
                    .isEqualTo("nothing to delete: the physical id is not an ARN, so Personalize never created it"));
            assertThat(out + err).doesNotContain(waitCondition.signalUrl(), (String) event.get("ResponseURL"),
                    "X-Amz-Signature");
        } finally {
            personalize.stop(0);
        }
    }

    private static HttpServer personalizeAnswering(String body) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            byte[] answer = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
        return server;
    }

    private static String javaBinary() {
        return ProcessHandle.current().info().command().orElse("java");
    }
}
