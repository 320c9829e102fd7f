package com.movierec.infra.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.movierec.infra.Fixtures;
import com.movierec.infra.SynthException;
import com.movierec.infra.TemplateJson;
import com.movierec.infra.data.PreparedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.assertions.Template;

/** The API's data layer: what it holds, and that its asset changes with the data and nothing else. */
class ApiDataLayerTest {
    private static final String HEADER = "USER_ID,ITEM_ID,TIMESTAMP,EVENT_TYPE,EVENT_VALUE\n";

    @TempDir
    Path tmp;

    @Test
    void itHoldsItemsCsvAndTheDistinctUsersOfTheInteractionsSorted() throws IOException {
        Path prepared = Fixtures.preparedData(tmp.resolve("prepared"), true);
        Files.writeString(prepared.resolve("interactions.csv"), HEADER + "10,10,881250949,Watch,4.0\n"
                + "2,20,881250950,Watch,3.0\n10,20,881250951,Watch,5.0\n\"1\",10,881250952,Watch,\n");
        PreparedData data = PreparedData.load(prepared, "prepared");

        Path root = ApiDataLayer.writeFiles(data, tmp.resolve("layers"));

        assertThat(root).isEqualTo(tmp.resolve("layers").resolve(data.dataVersion()));
        assertThat(root.resolve("movierec/known-users.txt")).hasContent("1\n10\n2\n");
        assertThat(Files.readAllBytes(root.resolve("movierec/items.csv")))
                .isEqualTo(Files.readAllBytes(prepared.resolve("items.csv")));
    }

    @Test
    void theSynthesizedLayerHoldsExactlyTheTwoFilesUnderMovierec() throws IOException {
        Path prepared = Fixtures.preparedData(tmp.resolve("prepared"), true);
        Path dir = tmp.resolve("one");
        // What an interrupted synth could leave behind; it must not reach the layer.
        Path stale = Files.createDirectories(dir.resolve("layers")
                .resolve(PreparedData.load(prepared, "p").dataVersion()).resolve("movierec"))
                .resolve(".known-users.txt.interrupted.partial");
        Files.writeString(stale, "half a file");

        Path asset = layerAsset(synthesize(prepared, dir), dir.resolve("cdk.out"));

        try (Stream<Path> files = Files.walk(asset)) {
            assertThat(files.filter(Files::isRegularFile).map(file -> asset.relativize(file).toString()))
                    .containsExactlyInAnyOrder("movierec/items.csv", "movierec/known-users.txt");
        }
        assertThat(asset.resolve("movierec/known-users.txt")).hasContent("1\n2\n");
        assertThat(Files.readString(asset.resolve("movierec/items.csv"), StandardCharsets.UTF_8))
                .isEqualTo(Files.readString(prepared.resolve("items.csv"), StandardCharsets.UTF_8))
                .contains("Toy Story (1995)");
    }

    @Test
    void theLayerChangesWithTheDataAndOnlyWithIt() throws IOException {
        String first = layerKey(synthesize(Fixtures.preparedData(tmp.resolve("a/prepared"), true), tmp.resolve("a")));
        String same = layerKey(synthesize(Fixtures.preparedData(tmp.resolve("b/prepared"), true), tmp.resolve("b")));
        Path changed = Fixtures.preparedData(tmp.resolve("c/prepared"), true);
        Files.writeString(changed.resolve("interactions.csv"), "3,10,891717743,Watch,5.0\n",
                StandardOpenOption.APPEND);

        assertThat(same).as("the same data in other directories, synthesized again").isEqualTo(first);
        assertThat(layerKey(synthesize(changed, tmp.resolve("c")))).isNotEqualTo(first);
    }

    @Test
    void interactionsWithoutAUserIdColumnStopSynthWithASentence() throws IOException {
        Path interactions = Files.writeString(tmp.resolve("interactions.csv"), "USER,ITEM_ID\n1,10\n");

        assertThatThrownBy(() -> ApiDataLayer.knownUsers(interactions)).isInstanceOf(SynthException.class)
                .hasMessage(interactions + " has no USER_ID column in its header: prepare the data again with "
                        + "data-prep (bin/run).");
    }

    @Test
    void aBrokenInteractionStopsSynthWithItsLineNumber() throws IOException {
        Path interactions = Files.writeString(tmp.resolve("interactions.csv"), HEADER + "1,10,881250949,Watch,4\n"
                + "\"2,20,881250950,Watch,3\n");

        assertThatThrownBy(() -> ApiDataLayer.knownUsers(interactions)).isInstanceOf(SynthException.class)
                .hasMessageStartingWith(interactions + " line 3 is not a valid interaction (a quoted field opened on "
                        + "line 3 is never closed)");
    }

    /** The dev API stack for this data; its cdk.out and layers (Fixtures.stage's) go under {@code dir}. */
    private static TemplateJson synthesize(Path prepared, Path dir) {
        return TemplateJson.of(Template.fromStack(Fixtures.stage(Fixtures.app(dir.resolve("cdk.out")),
                Fixtures.config().environment("dev").orElseThrow(), PreparedData.load(prepared, "prepared"), dir)
                .apiStack()));
    }

    private static JsonNode layer(TemplateJson template) {
        return template.resource(ApiTemplates.only(template, "AWS::Lambda::LayerVersion"));
    }

    private static String layerKey(TemplateJson template) {
        return layer(template).path("Properties").path("Content").path("S3Key").asText();
    }

    /** The directory CDK staged and zips: cdk.out/asset.<hash>, the hash being the S3 key's name. */
    private static Path layerAsset(TemplateJson template, Path outdir) {
        Path asset = outdir.resolve("asset." + layerKey(template).replaceAll("\\.zip$", ""));
        assertThat(asset).isDirectory();
        return asset;
    }
}
