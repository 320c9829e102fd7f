package com.movierec.local.personalize.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.zip.GZIPInputStream;

/**
 * One AWS service as botocore's {@code service-2.json} describes it: its protocol, its operations and the shapes
 * of their inputs. Only what request validation needs is kept; documentation and outputs are dropped.
 */
public final class ServiceModel {
    /**
     * One operation: how it is called and its input shape.
     *
     * @param requestUri the REST protocols' path (e.g. {@code /recommendations}); {@code /} for AWS JSON
     */
    public record Operation(String name, String httpMethod, String requestUri, String input) {
    }

    private final String endpointPrefix;
    private final String protocol;
    private final String targetPrefix;
    private final Map<String, Operation> operations;
    private final Map<String, Shape> shapes;

    private ServiceModel(String endpointPrefix, String protocol, String targetPrefix,
                         Map<String, Operation> operations, Map<String, Shape> shapes) {
        this.endpointPrefix = endpointPrefix;
        this.protocol = protocol;
        this.targetPrefix = targetPrefix;
        this.operations = operations;
        this.shapes = shapes;
    }

    /** Reads a {@code service-2.json} or its gzipped form {@code service-2.json.gz}, as botocore ships them. */
    public static ServiceModel read(Path file, ObjectMapper mapper) {
        try (InputStream raw = Files.newInputStream(file);
             InputStream in = file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw) {
            return parse(mapper.readTree(in), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the service model " + file, e);
        }
    }

    static ServiceModel parse(JsonNode model, String source) {
        JsonNode metadata = model.path("metadata");
        Map<String, Shape> shapes = new HashMap<>();
        model.path("shapes").properties().forEach(e -> shapes.put(e.getKey(), shape(e.getKey(), e.getValue(), source)));
        shapes.values().forEach(shape -> targets(shape).forEach(target -> {
            if (!shapes.containsKey(target)) {
                throw new IllegalStateException(source + ": shape " + shape.name() + " names the unknown shape "
                        + target);
            }
        }));
        Map<String, Operation> operations = new LinkedHashMap<>();
        model.path("operations").properties().forEach(e -> {
            JsonNode op = e.getValue();
            String input = op.path("input").path("shape").asText(null);
            if (input != null && !shapes.containsKey(input)) {
                throw new IllegalStateException(source + ": operation " + e.getKey() + " names the unknown input "
                        + "shape " + input);
            }
            operations.put(e.getKey(), new Operation(e.getKey(), op.path("http").path("method").asText("POST"),
                    op.path("http").path("requestUri").asText("/"), input));
        });
        return new ServiceModel(metadata.path("endpointPrefix").asText(), metadata.path("protocol").asText(),
                metadata.path("targetPrefix").asText(null), Collections.unmodifiableMap(operations),
                Collections.unmodifiableMap(shapes));
    }

    private static Shape shape(String name, JsonNode node, String source) {
        ShapeType type = ShapeType.named(node.path("type").asText());
        Map<String, Shape.Member> members = new LinkedHashMap<>();
        node.path("members").properties().forEach(e -> members.put(e.getKey(), new Shape.Member(e.getKey(),
                e.getValue().path("shape").asText(), e.getValue().path("location").asText(null),
                e.getValue().path("sensitive").asBoolean(false))));
        Set<String> required = new LinkedHashSet<>();
        node.path("required").forEach(r -> required.add(r.asText()));
        List<String> enumValues = new ArrayList<>();
        node.path("enum").forEach(v -> enumValues.add(v.asText()));
        return new Shape(name, type, Collections.unmodifiableMap(members), Collections.unmodifiableSet(required),
                node.path("member").path("shape").asText(null), node.path("key").path("shape").asText(null),
                node.path("value").path("shape").asText(null), number(node.get("min")), number(node.get("max")),
                pattern(node.get("pattern"), name, source), List.copyOf(enumValues),
                node.path("sensitive").asBoolean(false));
    }

    private static List<String> targets(Shape shape) {
        List<String> targets = new ArrayList<>();
        shape.members().values().forEach(m -> targets.add(m.target()));
        for (String t : new String[] {shape.element(), shape.key(), shape.value()}) {
            if (t != null) {
                targets.add(t);
            }
        }
        return targets;
    }

    private static BigDecimal number(JsonNode node) {
        return node == null || !node.isNumber() ? null : node.decimalValue();
    }

    /**
     * A {@code pattern} as a Java regex. The models come from Coral, AWS's Java service framework, so their patterns
     * are written for java.util.regex ({@code \p{ASCII}}, {@code \p{L}}); one that does not compile is a model this
     * validator cannot honour, and loading stops rather than skip it.
     */
    private static Pattern pattern(JsonNode node, String shape, String source) {
        if (node == null) {
            return null;
        }
        try {
            return Pattern.compile(node.asText());
        } catch (PatternSyntaxException e) {
            throw new IllegalStateException(source + ": the pattern of shape " + shape + " is not a Java regex: "
                    + e.getDescription(), e);
        }
    }

    /** The model's {@code endpointPrefix}, e.g. {@code personalize-runtime}. */
    public String endpointPrefix() {
        return endpointPrefix;
    }

    /** {@code json} (AWS JSON, operations by X-Amz-Target) or {@code rest-json} (operations by method and path). */
    public String protocol() {
        return protocol;
    }

    /** The {@code X-Amz-Target} prefix of an AWS JSON service, e.g. {@code AmazonPersonalize}; null otherwise. */
    public String targetPrefix() {
        return targetPrefix;
    }

    public Map<String, Operation> operations() {
        return operations;
    }

    public Optional<Operation> operation(String name) {
        return Optional.ofNullable(operations.get(name));
    }

    /** The shape named {@code name}; every name a loaded model uses resolves. */
    public Shape shape(String name) {
        Shape shape = shapes.get(name);
        if (shape == null) {
            throw new IllegalStateException(endpointPrefix + " has no shape " + name);
        }
        return shape;
    }

    public Map<String, Shape> shapes() {
        return shapes;
    }
}
