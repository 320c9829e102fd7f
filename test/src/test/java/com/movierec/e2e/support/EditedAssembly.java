package com.movierec.e2e.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.movierec.local.deployer.deploy.assembly.CloudAssembly;
import com.movierec.local.deployer.deploy.assembly.StackArtifact;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * A copy of a synthesized cloud assembly whose templates a test edits as JSON before deploying it: a stage with one
 * deliberate mistake. Every lookup finds exactly one match or fails naming what it looked for, so a template that
 * changed shape fails the test instead of leaving the mistake out and letting the deploy pass.
 */
public final class EditedAssembly {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path directory;
    private final String stage;

    private EditedAssembly(Path directory, String stage) {
        this.directory = directory;
        this.stage = stage;
    }

    /** Copies {@code original} (templates, manifests and staged assets) into {@code target}. */
    public static EditedAssembly copyOf(CloudAssembly original, String stage, Path target) {
        Path source = original.directory();
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path copy = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new EditedAssembly(target, stage);
    }

    /** Reads the template of {@code stackName}, lets {@code change} edit it, and writes it back. */
    public EditedAssembly edit(String stackName, Consumer<ObjectNode> change) {
        Path file = templateFile(stackName);
        try {
            ObjectNode template = (ObjectNode) JSON.readTree(file.toFile());
            change.accept(template);
            JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), template);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** The edited assembly, as the deployer reads it. */
    public CloudAssembly load() {
        return CloudAssembly.load(directory);
    }

    private Path templateFile(String stackName) {
        return CloudAssembly.load(directory).stage(stage).stacks().stream()
                .filter(s -> s.stackName().equals(stackName)).map(StackArtifact::templateFile).findFirst()
                .orElseThrow(() -> new AssertionError("the " + stage + " stage has no stack " + stackName));
    }

    // --- finding what to break ------------------------------------------------------------------------------

    /** The logical id of the one resource of {@code type} that {@code which} accepts. */
    public static String logicalId(ObjectNode template, String type, Predicate<JsonNode> which, String what) {
        List<String> ids = new ArrayList<>();
        for (Map.Entry<String, JsonNode> resource : template.path("Resources").properties()) {
            if (resource.getValue().path("Type").asText().equals(type) && which.test(resource.getValue())) {
                ids.add(resource.getKey());
            }
        }
        if (ids.size() != 1) {
            throw new AssertionError("expected one " + type + " that is " + what + " in the template, found "
                    + ids + ": the template changed, so the test no longer breaks what it means to");
        }
        return ids.get(0);
    }

    /** The properties of the one resource of {@code type} that {@code which} accepts. */
    public static ObjectNode properties(ObjectNode template, String type, Predicate<JsonNode> which, String what) {
        return (ObjectNode) template.path("Resources").path(logicalId(template, type, which, what))
                .path("Properties");
    }

    /** Whether a policy document (a resource's {@code PolicyDocument}, say) holds a statement with {@code sid}. */
    public static boolean hasStatement(JsonNode policyDocument, String sid) {
        for (JsonNode statement : policyDocument.path("Statement")) {
            if (statement.path("Sid").asText().equals(sid)) {
                return true;
            }
        }
        return false;
    }

    /** The statement {@code sid} of a policy document. */
    public static ObjectNode statement(JsonNode policyDocument, String sid) {
        for (JsonNode statement : policyDocument.path("Statement")) {
            if (statement.path("Sid").asText().equals(sid)) {
                return (ObjectNode) statement;
            }
        }
        throw new AssertionError("no statement " + sid + " in " + policyDocument);
    }

    /** Removes the statement {@code sid} from a policy document. */
    public static void removeStatement(JsonNode policyDocument, String sid) {
        ArrayNode statements = (ArrayNode) policyDocument.path("Statement");
        for (int i = 0; i < statements.size(); i++) {
            if (statements.get(i).path("Sid").asText().equals(sid)) {
                statements.remove(i);
                return;
            }
        }
        throw new AssertionError("no statement " + sid + " in " + policyDocument);
    }

    /** Removes {@code action} from a statement's Action list. */
    public static void removeAction(ObjectNode statement, String action) {
        ArrayNode actions = statement.path("Action") instanceof ArrayNode list ? list : null;
        for (int i = 0; actions != null && i < actions.size(); i++) {
            if (actions.get(i).asText().equals(action)) {
                actions.remove(i);
                return;
            }
        }
        throw new AssertionError("statement " + statement.path("Sid").asText() + " does not list " + action + ": "
                + statement.path("Action"));
    }
}
