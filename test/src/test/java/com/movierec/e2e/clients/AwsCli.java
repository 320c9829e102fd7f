package com.movierec.e2e.clients;

import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The AWS CLI ({@code aws}) pointed at personalize-local with {@code --endpoint-url}, answering parsed JSON. */
final class AwsCli {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** Describe calls before a wait gives up; each is a CLI process of about half a second. */
    private static final int MAX_POLLS = 200;

    private final String endpoint;
    private final Map<String, String> environment;
    private final Path scratch;
    private int calls;

    AwsCli(String endpoint, Map<String, String> environment, Path scratch) {
        this.endpoint = endpoint;
        this.environment = environment;
        this.scratch = scratch;
    }

    /** Runs {@code aws <service> <operation> <args>} and answers its output, failing the test if the CLI fails. */
    JsonNode call(String service, String operation, String... args) {
        Processes.Result result = attempt(service, operation, args);
        if (result.exit() != 0) {
            fail("aws " + service + " " + operation + " failed (" + result.exit() + "): " + result.stderr());
        }
        try {
            return result.stdout().isBlank() ? MAPPER.createObjectNode() : MAPPER.readTree(result.stdout());
        } catch (IOException e) {
            throw new UncheckedIOException("aws " + operation + " printed no JSON: " + result.stdout(), e);
        }
    }

    /** Runs it and answers how it went, failed or not. */
    Processes.Result attempt(String service, String operation, String... args) {
        List<String> command = new ArrayList<>(List.of("aws", service, operation));
        command.addAll(List.of(args));
        command.addAll(List.of("--endpoint-url", endpoint, "--output", "json"));
        calls++;
        return Processes.run(command, environment, scratch);
    }

    /** Polls a Describe until {@code status} reads ACTIVE, which it answers; a failed state fails the test. */
    String awaitActive(Function<AwsCli, JsonNode> describe, String pointer) {
        for (int i = 0; i < MAX_POLLS; i++) {
            String status = describe.apply(this).at(pointer).asText();
            if (status.equals("ACTIVE")) {
                return status;
            }
            if (status.endsWith("FAILED")) {
                fail(pointer + " is " + status);
            }
        }
        return fail(pointer + " never became ACTIVE");
    }

    /** Polls a Describe until the CLI reports ResourceNotFoundException. */
    void awaitGone(String service, String operation, String... args) {
        for (int i = 0; i < MAX_POLLS; i++) {
            Processes.Result result = attempt(service, operation, args);
            if (result.exit() != 0) {
                if (!result.stderr().contains("ResourceNotFoundException")) {
                    fail("aws " + operation + " failed otherwise: " + result.stderr());
                }
                return;
            }
        }
        fail(operation + " " + String.join(" ", args) + " still answers after its delete");
    }

    int calls() {
        return calls;
    }
}
