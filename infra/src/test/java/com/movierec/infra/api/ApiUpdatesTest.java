package com.movierec.infra.api;

import static com.movierec.infra.TemplateJson.text;
import static com.movierec.infra.api.ApiTemplates.only;
import static com.movierec.infra.api.ApiTemplates.properties;
import static org.assertj.core.api.Assertions.assertThat;

import com.movierec.infra.Fixtures;
import com.movierec.infra.TemplateJson;
import com.movierec.infra.config.EnvironmentConfig;
import com.movierec.infra.config.MovieRecConfigParser;
import com.movierec.infra.data.PreparedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.assertions.Template;

/**
 * What new data and a new recipe do to the API stack: the function must publish a new version (SnapStart snapshots
 * it, the alias moves to it) carrying the new layer or the new campaign's ARN, without any change to an export.
 */
class ApiUpdatesTest {
    @TempDir
    static Path tmp;
    private static TemplateJson original;
    private static TemplateJson newData;
    private static TemplateJson newRecipe;

    @BeforeAll
    static void synthesize() throws IOException {
        EnvironmentConfig dev = Fixtures.config().environment("dev").orElseThrow();
        original = synth("original", dev, Fixtures.loadedPreparedData(tmp.resolve("original/prepared"), true));

        Path changed = Fixtures.preparedData(tmp.resolve("changed/prepared"), true);
        Files.writeString(changed.resolve("interactions.csv"), "3,10,891717743,Watch,5.0\n", StandardOpenOption.APPEND);
        newData = synth("changed", dev, PreparedData.load(changed, "changed"));

        Map<String, Object> settings = new HashMap<>(Fixtures.devEnvironment());
        settings.put("recipes", Map.of("relatedItems", "aws-sims"));
        EnvironmentConfig sims = MovieRecConfigParser.parse(Map.of("environments", Map.of("dev", settings)))
                .environment("dev").orElseThrow();
        newRecipe = synth("sims", sims, Fixtures.loadedPreparedData(tmp.resolve("sims/prepared"), true));
    }

    @Test
    void newDataShipsANewLayerInANewVersionAndKeepsTheCampaigns() {
        assertThat(layerKey(newData)).isNotEqualTo(layerKey(original));
        assertThat(only(newData, "AWS::Lambda::Version")).isNotEqualTo(only(original, "AWS::Lambda::Version"));
        assertThat(variable(newData, "RELATED_ITEMS_CAMPAIGN_ARN"))
                .isEqualTo(variable(original, "RELATED_ITEMS_CAMPAIGN_ARN"));
    }

    @Test
    void aNewRecipeGivesTheFunctionTheNewCampaignInANewVersion() {
        assertThat(variable(newRecipe, "RELATED_ITEMS_CAMPAIGN_ARN"))
                .contains(":campaign/movierec-dev-related-items-")
                .isNotEqualTo(variable(original, "RELATED_ITEMS_CAMPAIGN_ARN"));
        assertThat(variable(newRecipe, "USER_PERSONALIZATION_CAMPAIGN_ARN"))
                .isEqualTo(variable(original, "USER_PERSONALIZATION_CAMPAIGN_ARN"));
        assertThat(only(newRecipe, "AWS::Lambda::Version")).isNotEqualTo(only(original, "AWS::Lambda::Version"));
        assertThat(layerKey(newRecipe)).isEqualTo(layerKey(original));
    }

    @Test
    void campaignsAndFiltersAreNeverImportedSoAReplacementCannotBeBlockedByAnExport() {
        for (TemplateJson template : new TemplateJson[] {original, newRecipe}) {
            assertThat(properties(template, "AWS::Lambda::Function").path("Environment").toString())
                    .containsOnlyOnce("Fn::ImportValue");
            assertThat(text(properties(template, "AWS::Lambda::Function").path("Environment").path("Variables")
                    .path("EVENT_TRACKER_ID"))).startsWith("${import:");
        }
    }

    private static TemplateJson synth(String name, EnvironmentConfig config, PreparedData prepared) {
        return TemplateJson.of(Template.fromStack(Fixtures.stage(Fixtures.app(tmp.resolve(name + "/cdk.out")), config,
                prepared, tmp.resolve(name)).apiStack()));
    }

    private static String layerKey(TemplateJson template) {
        return properties(template, "AWS::Lambda::LayerVersion").path("Content").path("S3Key").asText();
    }

    private static String variable(TemplateJson template, String name) {
        return text(properties(template, "AWS::Lambda::Function").path("Environment").path("Variables").path(name));
    }
}
