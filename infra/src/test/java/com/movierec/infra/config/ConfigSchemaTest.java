package com.movierec.infra.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.movierec.infra.Fixtures;
import com.movierec.infra.SynthException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * infra/movierec-config.schema.json against cdk.json and against the config records: the same keys with the same
 * types, and the same answer, valid or not, for each value a key is probed with.
 */
class ConfigSchemaTest {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String CONNECTION =
            "arn:aws:codeconnections:eu-west-1:123456789012:connection/0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d";
    /** The gated metric of the probes' base; the probes vary the others, since a gate needs one. */
    private static final String BASE_METRIC = "coverage";
    /** Keys below it are probed with what the block needs: api.auth "jwt" and a callback URL. */
    private static final String JWT = "environments.dev.api.jwt";

    @Test
    void theShippedCdkJsonFollowsTheSchema() {
        assertThat(ConfigSchema.errors(ConfigSchema.read(Fixtures.repositoryRoot().resolve("cdk.json")))).isEmpty();
    }

    @Test
    void theProbesBaseIsValidForBoth() {
        assertThat(ConfigSchema.movierecErrors(base())).isEmpty();
        assertThat(MovieRecConfigParser.parse(base())).isNotNull();
    }

    /** Every key a record takes is in the schema, in the same order and with the same JSON type, and no other. */
    @Test
    void theSchemaHasTheRecordsKeysWithTheirTypes() {
        List<String> mismatches = new ArrayList<>();
        compareRecord(MovieRecConfig.class, ConfigSchema.definition("movierec"), "movierec", mismatches);
        assertThat(mismatches).isEmpty();
    }

    /** A string the binder checks against a list of its own: the list is the schema's enum. */
    @Test
    void theDatasetsAreTheSchemas() {
        assertThat(fieldValues(ConfigSchema.definition("environment").at("/properties/dataset/enum")))
                .isEqualTo(EnvironmentConfig.DATASETS);
    }

    /** A key the schema gives a default means, set to it, what it means left out. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("defaults")
    void aDefaultInTheSchemaIsWhatTheBinderTakesForAnAbsentKey(String path, JsonNode value) {
        assertThat(MovieRecConfigParser.parse(with(path, value))).isEqualTo(MovieRecConfigParser.parse(baseFor(path)));
    }

    /** Each object refuses a key it does not know, in the binder's words listing the schema's keys. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("objects")
    void everyObjectRefusesAnUnknownKeyListingTheSchemasKeys(String path, List<String> keys) {
        ObjectNode config = with(path + ".notAKey", NODES.numberNode(1));

        assertThat(ConfigSchema.movierecErrors(config)).isNotEmpty();
        assertThat(problems(config)).contains("movierec." + path + ".notAKey is not a known key: use one of "
                + String.join(", ", new TreeSet<>(keys)) + " (see infra/README.md).");
    }

    /**
     * The binder and the schema agree on every probe: bounds and one past them, every enum value and one more,
     * patterns' examples and near misses, and each wrong JSON type. A refusal is always sentences, never a stack
     * trace.
     */
    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("probes")
    void theBinderAndTheSchemaAgree(Object path, JsonNode value) {
        ObjectNode config = with(path, value);
        List<String> schemaErrors = ConfigSchema.movierecErrors(config);
        List<String> problems = problems(config);

        assertThat(problems.isEmpty()).as("binder accepts (%s) as the schema does (%s)", problems, schemaErrors)
                .isEqualTo(schemaErrors.isEmpty());
        assertThat(problems).allSatisfy(problem -> assertThat(problem).startsWith("movierec.").endsWith("."));
    }

    @Test
    void theBinderAndTheSchemaAgreeOnRulesAcrossKeys() {
        List<ObjectNode> refused = List.of(
                with("environments.dev.api", json("{\"auth\": \"iam\", \"quotaPerDay\": 100}")),
                with("environments.dev.training.autoTraining", NODES.booleanNode(true), "environments.dev.retraining",
                        json("{\"schedule\": \"rate(7 days)\"}")),
                with("environments.dev.recipes", json("{\"userPersonalization\": null}"),
                        "environments.dev.batchRecommendations", json("{\"schedule\": \"rate(7 days)\"}")),
                with("environments.dev.recipes", json("{\"userPersonalization\": null, \"relatedItems\": null, "
                        + "\"popularity\": null, \"ranking\": null}")),
                with("environments.dev.api", json("{\"auth\": \"jwt\"}")),
                with("environments.dev.api", json("{\"auth\": \"iam\", \"jwt\": {\"callbackUrls\": "
                        + "[\"https://app.example.com/\"]}}")),
                with("environments.dev.api", json("{\"jwt\": {\"callbackUrls\": [\"https://app.example.com/\"]}}")),
                with(JWT + ".existingUserPool", json("{\"userPoolId\": \"eu-west-1_AbCdEf123\", \"domain\": "
                        + "\"https://auth.example.com\"}"), JWT + ".threatProtection", NODES.textNode("audit")),
                with(JWT + ".existingUserPool", json("{\"userPoolId\": \"eu-west-1_AbCdEf123\", \"domain\": "
                        + "\"https://auth.example.com\"}"), JWT + ".domainPrefix", NODES.textNode("movierec-dev")),
                with(JWT + ".mfa", NODES.textNode("required")),
                with(JWT + ".mfa", NODES.textNode("off"), "environments.dev.api.quotaPerDay", NODES.numberNode(100)));
        for (ObjectNode config : refused) {
            assertThat(problems(config)).as(config.toString()).isNotEmpty();
            assertThat(ConfigSchema.movierecErrors(config)).as(config.toString()).isNotEmpty();
        }
        ObjectNode autoTraining = with("environments.dev.training.autoTraining", NODES.booleanNode(true),
                "environments.dev.retraining", json("{\"schedule\": null}"));
        assertThat(problems(autoTraining)).isEmpty();
        assertThat(ConfigSchema.movierecErrors(autoTraining)).isEmpty();
        ObjectNode existingPool = with(JWT + ".existingUserPool", json("{\"userPoolId\": \"eu-west-1_AbCdEf123\", "
                + "\"domain\": \"https://auth.example.com\"}"), JWT + ".tokenValidityMinutes", NODES.numberNode(30));
        assertThat(problems(existingPool)).isEmpty();
        assertThat(ConfigSchema.movierecErrors(existingPool)).isEmpty();
    }

    /** Every key with a default in the schema, set to that default. */
    static Stream<Arguments> defaults() {
        List<Arguments> defaults = new ArrayList<>();
        walk(ConfigSchema.definition("movierec"), "", (path, node) -> {
            if (node.has("default")) {
                defaults.add(Arguments.of(path, node.get("default")));
            }
        });
        return defaults.stream();
    }

    /** Every object with fixed keys, at its path in the probes' base, with its keys. */
    static Stream<Arguments> objects() {
        List<Arguments> objects = new ArrayList<>();
        walk(ConfigSchema.definition("movierec"), "", (path, node) -> {
            JsonNode object = ConfigSchema.resolve(node);
            if (object.has("properties") && !path.isEmpty()) {
                objects.add(Arguments.of(path, fieldNames(object.get("properties"))));
            }
        });
        objects.add(Arguments.of("environments.dev.qualityGate", List.of("userPersonalization", "relatedItems",
                "popularity", "ranking")));
        return objects.stream();
    }

    static Stream<Arguments> probes() {
        List<Arguments> probes = new ArrayList<>();
        walk(ConfigSchema.definition("movierec"), "", (path, node) -> {
            if (!path.isEmpty()) {
                probeValues(path, ConfigSchema.resolve(node)).forEach(value -> probes.add(Arguments.of(path, value)));
            }
        });
        Stream.of("dev2", "d", "abcdefghijkl", "abcdefghijklm", "Dev", "1dev", "dev-1", "")
                .forEach(name -> probes.add(Arguments.of("environments." + name, NODES.objectNode())));
        Stream.of("userPersonalization", "relatedItems", "popularity", "ranking", "personalization")
                .forEach(slot -> probes.add(Arguments.of("environments.dev.qualityGate." + slot,
                        json("{\"minimums\": {\"precision_at_10\": 0.1}}"))));
        ConfigSchema.definition("slotGate").at("/properties/minimums/propertyNames/enum").forEach(metric -> {
            if (!metric.asText().equals(BASE_METRIC)) {
                Stream.of("0", "1", "0.5", "1.5", "-0.1", "\"0.1\"", "null", "[]").forEach(value -> probes.add(
                        Arguments.of("environments.dev.qualityGate.userPersonalization.minimums." + metric.asText(),
                                json(value))));
            }
        });
        probes.add(Arguments.of("environments.dev.qualityGate.userPersonalization.minimums.ndcg", json("0.1")));
        Stream.of("CostCenter", "aws:x", "AWS:x", "Project", "Environment", "project", "a*b", "k".repeat(128),
                "k".repeat(129), "Équipe 7_.:/=+-@").forEach(key -> probes.add(Arguments.of(
                List.of("environments", "dev", "tags", key), NODES.textNode("v"))));
        Stream.of("\"\"", "\"" + "v".repeat(256) + "\"", "\"" + "v".repeat(257) + "\"", "\"a&b\"", "42", "true",
                "null", "{}").forEach(value -> probes.add(Arguments.of("environments.dev.tags.CostCenter",
                json(value))));
        return probes.stream();
    }

    /** Values around what the schema node allows, and one of each JSON type. */
    private static List<JsonNode> probeValues(String path, JsonNode node) {
        List<JsonNode> values = new ArrayList<>(List.of(NODES.nullNode(), NODES.textNode("text"), NODES.numberNode(7),
                NODES.booleanNode(true), NODES.arrayNode(), NODES.objectNode()));
        node.path("enum").forEach(values::add);
        if (node.has("enum")) {
            values.add(NODES.textNode("aws-hrnn"));
            Arrays.stream(Recipe.values()).forEach(recipe -> values.add(NODES.textNode(recipe.id())));
        }
        node.path("examples").forEach(values::add);
        if (types(node).contains("integer") || types(node).contains("number")) {
            for (String bound : List.of("minimum", "maximum", "exclusiveMinimum")) {
                if (node.has(bound)) {
                    long at = node.get(bound).asLong();
                    Stream.of(at - 1.0, at - 0.5, at + 0.0, at + 0.5, at + 1.0)
                            .forEach(n -> values.add(NODES.numberNode(n)));
                    Stream.of(at - 1, at, at + 1).forEach(n -> values.add(NODES.numberNode(n)));
                }
            }
        }
        if (types(node).contains("string")) {
            Stream.of("", " ", "x", "Not valid!", "rate(1 day)", "rate(30 days)", "rate(31 days)", "rate(0 days)",
                    "rate(007 days)", "rate(7 hours)", "cron(0 3 ? * MON *)", "cron()").map(NODES::textNode)
                    .forEach(values::add);
        }
        if (types(node).contains("array")) {
            JsonNode item = node.path("items").path("examples").path(0);
            String name = item.isMissingNode() ? "dev" : item.asText();
            Stream.of("[\"" + name + "\"]", "[\"" + name + "\", \"" + name + "\"]", "[1]", "[null]", "[\"*\"]")
                    .filter(array -> !(path.startsWith("pipeline.") && array.contains("*")))
                    .map(ConfigSchemaTest::json).forEach(values::add);
        }
        return values;
    }

    /** Calls {@code visit} with every property's path (environment "dev", slot "userPersonalization") and schema. */
    private static void walk(JsonNode schema, String path, java.util.function.BiConsumer<String, JsonNode> visit) {
        visit.accept(path, schema);
        JsonNode node = ConfigSchema.resolve(schema);
        String prefix = path.isEmpty() ? "" : path + ".";
        node.path("properties").properties().forEach(entry -> walk(entry.getValue(), prefix + entry.getKey(), visit));
        if (path.equals("environments")) {
            walk(node.get("additionalProperties"), prefix + "dev", visit);
        }
        if (path.endsWith("qualityGate")) {
            walk(node.get("additionalProperties"), prefix + "userPersonalization", visit);
        }
    }

    private static void compareRecord(Class<?> type, JsonNode schema, String path, List<String> mismatches) {
        ConfigCreator creator = ConfigCreator.of(type);
        JsonNode node = ConfigSchema.resolve(schema);
        if (creator.delegating()) {
            compareValue(creator.jsonParams().get(0).type(), node, path, mismatches);
            return;
        }
        List<String> keys = creator.jsonParams().stream().map(ConfigCreator.Param::name).toList();
        if (!keys.equals(fieldNames(node.path("properties")))) {
            mismatches.add(path + ": the record takes " + keys + ", the schema has " + fieldNames(
                    node.path("properties")));
        }
        if (!node.path("additionalProperties").isBoolean() || node.get("additionalProperties").asBoolean()) {
            mismatches.add(path + ": the schema allows keys the record does not take");
        }
        for (ConfigCreator.Param param : creator.jsonParams()) {
            compareValue(param.type(), node.path("properties").path(param.name()), path + "." + param.name(),
                    mismatches);
        }
    }

    private static void compareValue(Type type, JsonNode schema, String path, List<String> mismatches) {
        JsonNode node = ConfigSchema.resolve(schema);
        Class<?> raw = type instanceof ParameterizedType parameterized
                ? (Class<?>) parameterized.getRawType() : (Class<?>) type;
        if (raw == Optional.class) {
            compareValue(argument(type, 0), schema, path, mismatches);
        } else if (raw.isRecord()) {
            expectType(node, "object", path, mismatches);
            compareRecord(raw, node, path, mismatches);
        } else if (raw == List.class) {
            expectType(node, "array", path, mismatches);
            compareValue(argument(type, 0), node.path("items"), path + "[]", mismatches);
        } else if (raw == Map.class) {
            expectType(node, "object", path, mismatches);
            compareValue(argument(type, 1), node.path("additionalProperties"), path + ".*", mismatches);
            Class<?> keys = (Class<?>) argument(type, 0);
            if (keys.isEnum() && !jsonValues(keys).equals(fieldValues(node.at("/propertyNames/enum")))) {
                mismatches.add(path + ": the keys are " + jsonValues(keys) + ", the schema's "
                        + node.at("/propertyNames/enum"));
            }
        } else if (raw.isEnum()) {
            List<String> allowed = fieldValues(node.path("enum"));
            if (allowed.isEmpty() || !jsonValues(raw).containsAll(allowed)) {
                mismatches.add(path + ": " + raw.getSimpleName() + " is " + jsonValues(raw) + ", the schema's enum "
                        + allowed);
            }
        } else {
            expectType(node, switch (raw.getSimpleName()) {
                case "String" -> "string";
                case "int", "Integer", "long", "Long" -> "integer";
                case "double", "Double" -> "number";
                case "boolean", "Boolean" -> "boolean";
                default -> "a JSON type for " + raw;
            }, path, mismatches);
        }
    }

    private static void expectType(JsonNode node, String type, String path, List<String> mismatches) {
        if (!types(node).contains(type)) {
            mismatches.add(path + ": the record takes " + type + ", the schema " + node.path("type"));
        }
    }

    private static List<String> types(JsonNode node) {
        JsonNode type = node.path("type");
        return type.isArray() ? fieldValues(type) : type.isTextual() ? List.of(type.asText()) : List.of();
    }

    private static List<String> jsonValues(Class<?> enumType) {
        return Arrays.stream(enumType.getEnumConstants()).map(c -> ConfigBinder.JSON.valueToTree(c).asText()).toList();
    }

    private static List<String> fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> fieldValues(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> {
            if (!value.isNull()) {
                values.add(value.asText());
            }
        });
        return values;
    }

    private static Type argument(Type type, int index) {
        return ((ParameterizedType) type).getActualTypeArguments()[index];
    }

    /** An environment "dev" with a gate (so that a recipe's null is checked against it) and a pipeline. */
    private static ObjectNode base() {
        return (ObjectNode) json("{\"environments\": {\"dev\": {\"qualityGate\": {\"userPersonalization\": "
                + "{\"minimums\": {\"" + BASE_METRIC + "\": 0.1}}}}}, \"pipeline\": {\"connectionArn\": \""
                + CONNECTION + "\", \"repository\": \"octo/movies\"}}");
    }

    /** The base, and for a path in api.jwt what that block needs: api.auth "jwt" and a callback URL. */
    private static ObjectNode baseFor(Object path) {
        ObjectNode config = base();
        if (path instanceof String key && key.startsWith(JWT)) {
            set(config, "environments.dev.api.auth", NODES.textNode("jwt"), JWT + ".callbackUrls",
                    json("[\"https://app.example.com/\"]"));
        }
        return config;
    }

    /**
     * {@link #baseFor} the first path, with each path set to the value after it: a path is below movierec, its keys
     * joined by dots or, for keys that hold dots, a list of them.
     */
    private static ObjectNode with(Object... pathsAndValues) {
        return set(baseFor(pathsAndValues[0]), pathsAndValues);
    }

    private static ObjectNode set(ObjectNode config, Object... pathsAndValues) {
        for (int i = 0; i < pathsAndValues.length; i += 2) {
            List<?> keys = pathsAndValues[i] instanceof List<?> list ? list
                    : List.of(((String) pathsAndValues[i]).split("\\.", -1));
            ObjectNode parent = config;
            for (Object key : keys.subList(0, keys.size() - 1)) {
                parent = parent.get((String) key) instanceof ObjectNode object
                        ? object : parent.putObject((String) key);
            }
            parent.set((String) keys.get(keys.size() - 1), (JsonNode) pathsAndValues[i + 1]);
        }
        return config;
    }

    private static List<String> problems(ObjectNode config) {
        try {
            MovieRecConfigParser.parse(ConfigSchema.JSON.convertValue(config, Map.class));
            return List.of();
        } catch (SynthException e) {
            return e.problems();
        } catch (RuntimeException e) {
            return fail("a configuration mistake must be sentences, not " + e, e);
        }
    }

    private static JsonNode json(String text) {
        try {
            return ConfigSchema.JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(text, e);
        }
    }
}
