package com.movierec.infra.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.movierec.infra.Fixtures;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** {@code infra/movierec-config.schema.json}: read as JSON, and as the validator editors' JSON Schema support runs. */
final class ConfigSchema {
    static final ObjectMapper JSON = new ObjectMapper();
    static final JsonNode ROOT = read(path());
    private static final Schema SCHEMA =
            SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(ROOT.toString());

    private ConfigSchema() {
    }

    static Path path() {
        return Fixtures.repositoryRoot().resolve("infra/movierec-config.schema.json");
    }

    static JsonNode read(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the schema finds wrong with a whole cdk.json. */
    static List<String> errors(JsonNode cdkJson) {
        return SCHEMA.validate(cdkJson).stream().map(Error::toString).toList();
    }

    /** What the schema finds wrong with a {@code movierec} block, as cdk.json would hold it. */
    static List<String> movierecErrors(Object movierec) {
        ObjectNode cdkJson = JSON.createObjectNode();
        cdkJson.putObject("context").set("movierec", JSON.valueToTree(movierec));
        return errors(cdkJson);
    }

    /** A definition, such as {@code environment}. */
    static JsonNode definition(String name) {
        return ROOT.path("definitions").path(name);
    }

    /** The schema a node stands for: its {@code $ref}'s, or its anyOf's branch that is not null, or itself. */
    static JsonNode resolve(JsonNode node) {
        if (node.has("$ref")) {
            return resolve(ROOT.at(node.get("$ref").asText().substring(1)));
        }
        if (node.has("anyOf")) {
            for (JsonNode branch : node.get("anyOf")) {
                if (!"null".equals(branch.path("type").asText())) {
                    return resolve(branch);
                }
            }
        }
        return node;
    }
}
