package com.movierec.infra.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.movierec.infra.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * docs/configuration.md's key tables come from infra/movierec-config.schema.json: a key's "Valid values" is its
 * description, its "Default" its x-default or else its default. When the schema changes, this test prints the tables to
 * paste between the markers.
 */
class ConfigurationReferenceTest {
    private static final String BEGIN = "<!-- generated from infra/movierec-config.schema.json by "
            + "ConfigurationReferenceTest: ";
    private static final String END = "<!-- end of generated table -->";

    @Test
    void theEnvironmentTableIsTheSchemas() throws IOException {
        List<String> rows = new ArrayList<>();
        JsonNode names = ConfigSchema.definition("movierec").at("/properties/environments/propertyNames");
        row("`" + names.get("title").asText() + "` itself", names, rows);
        rows(ConfigSchema.definition("environment"), "", rows);

        assertThat(documented("environments")).isEqualTo(table("Key (under `environments.<env>`)", rows));
    }

    @Test
    void thePipelineTableIsTheSchemas() throws IOException {
        List<String> rows = new ArrayList<>();
        rows(ConfigSchema.definition("pipeline"), "", rows);

        assertThat(documented("pipeline")).isEqualTo(table("Key (under `pipeline`, next to `environments`; the whole "
                + "block is optional)", rows));
    }

    /** A row for each described key below {@code schema}, in the schema's order; a map's keys as its title says. */
    private static void rows(JsonNode schema, String prefix, List<String> rows) {
        JsonNode node = ConfigSchema.resolve(schema);
        node.path("properties").properties().forEach(key -> {
            row("`" + prefix + key.getKey() + "`", key.getValue(), rows);
            rows(key.getValue(), prefix + key.getKey() + ".", rows);
        });
        JsonNode keyTitle = node.at("/propertyNames/title");
        if (keyTitle.isTextual()) {
            String key = prefix + keyTitle.asText();
            row("`" + key + "`", node.get("additionalProperties"), rows);
            rows(node.get("additionalProperties"), key + ".", rows);
        }
    }

    private static void row(String key, JsonNode schema, List<String> rows) {
        if (schema.has("description")) {
            JsonNode value = schema.get("default");
            String defaultText = schema.has("x-default") ? schema.get("x-default").asText()
                    : "`" + (value.isTextual() ? value.asText() : value.toString()) + "`";
            rows.add("| " + key + " | " + defaultText + " | " + schema.get("description").asText() + " |");
        }
    }

    private static String table(String keyHeader, List<String> rows) {
        return "| " + keyHeader + " | Default | Valid values |\n| --- | --- | --- |\n" + String.join("\n", rows) + "\n";
    }

    /** The table between the markers named {@code name} in docs/configuration.md. */
    private static String documented(String name) throws IOException {
        String doc = Files.readString(Fixtures.repositoryRoot().resolve("docs/configuration.md"));
        String begin = BEGIN + name + " -->\n";
        assertThat(doc).as("docs/configuration.md marks the %s table", name).contains(begin);
        int start = doc.indexOf(begin) + begin.length();
        return doc.substring(start, doc.indexOf(END, start));
    }
}
