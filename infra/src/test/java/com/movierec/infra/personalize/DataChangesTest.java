package com.movierec.infra.personalize;

import static com.movierec.infra.TemplateJson.text;
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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.App;
import software.amazon.awscdk.assertions.Template;

/**
 * What new data, missing users and another recipe selection do to the Personalize stack: the same environment
 * synthesized from three inputs, each once.
 */
class DataChangesTest {
    @TempDir
    static Path tmp;
    private static TemplateJson original;
    private static TemplateJson newData;
    private static TemplateJson withoutUsers;

    @BeforeAll
    static void synthesize() throws IOException {
        EnvironmentConfig dev = Fixtures.config().environment("dev").orElseThrow();
        original = synth("original", dev, Fixtures.loadedPreparedData(tmp.resolve("original"), true));

        Path changed = Fixtures.preparedData(tmp.resolve("changed"), true);
        Files.writeString(changed.resolve("interactions.csv"), "3,10,891717743,Watch,5.0\n", StandardOpenOption.APPEND);
        newData = synth("changed", dev, PreparedData.load(changed, "changed"));

        Map<String, Object> recipes = new HashMap<>();
        recipes.put("relatedItems", "aws-sims");
        recipes.put("popularity", null);
        Map<String, Object> settings = new HashMap<>(Fixtures.environment(false, false, 1));
        settings.put("recipes", recipes);
        EnvironmentConfig reduced = MovieRecConfigParser.parse(Map.of("environments", Map.of("dev", settings)))
                .environment("dev").orElseThrow();
        withoutUsers = synth("nousers", reduced, Fixtures.loadedPreparedData(tmp.resolve("nousers"), false));
    }

    @Test
    void newDataStartsNewImportJobsUnderNewNames() {
        assertThat(names(newData, "Custom::PersonalizeDatasetImportJob", "JobName"))
                .doesNotContainAnyElementsOf(names(original, "Custom::PersonalizeDatasetImportJob", "JobName"));
        assertThat(original.resources("Custom::PersonalizeDatasetImportJob").keySet())
                .as("the job resources keep their logical ids and are replaced by name")
                .isEqualTo(newData.resources("Custom::PersonalizeDatasetImportJob").keySet());
    }

    @Test
    void newDataArmsNewWaitConditionsBecauseAWaitConditionCannotBeReused() {
        Set<String> before = original.resources("AWS::CloudFormation::WaitCondition").keySet();
        Set<String> after = newData.resources("AWS::CloudFormation::WaitCondition").keySet();

        assertThat(after).hasSameSizeAs(before).doesNotContainAnyElementsOf(before);
        assertThat(newData.resources("AWS::CloudFormation::WaitConditionHandle").keySet())
                .doesNotContainAnyElementsOf(original.resources("AWS::CloudFormation::WaitConditionHandle").keySet());
    }

    @Test
    void newDataRetrainsButKeepsSolutionsAndCampaigns() {
        assertThat(triggers(newData)).doesNotContainAnyElementsOf(triggers(original));
        assertThat(names(newData, "Custom::PersonalizeSolution", "Name"))
                .isEqualTo(names(original, "Custom::PersonalizeSolution", "Name"));
        assertThat(names(newData, "Custom::PersonalizeCampaign", "Name"))
                .as("campaigns update in place to the new version")
                .isEqualTo(names(original, "Custom::PersonalizeCampaign", "Name"));
        assertThat(newData.resources("Custom::PersonalizeSolutionVersion").keySet())
                .isEqualTo(original.resources("Custom::PersonalizeSolutionVersion").keySet());
    }

    @Test
    void withoutUsersCsvThereIsNoUsersSchemaDatasetOrImport() {
        assertThat(withoutUsers.root().toString()).doesNotContain("\"Users\"", "movierec-dev-users",
                "movierec-dev-import-users");
        assertThat(withoutUsers.resources("Custom::PersonalizeDataset")).hasSize(2);
        assertThat(withoutUsers.resources("Custom::PersonalizeDatasetImportJob")).hasSize(2);
    }

    @Test
    void onlyTheSelectedRecipesAreDeployed() {
        assertThat(withoutUsers.resources("Custom::PersonalizeSolution").values())
                .extracting(s -> text(s.path("Properties").path("RecipeArn")).replaceAll(".*/", ""))
                .containsExactlyInAnyOrder("aws-user-personalization-v2", "aws-sims", "aws-personalized-ranking-v2");
        assertThat(withoutUsers.resources("Custom::PersonalizeCampaign")).hasSize(3);
        assertThat(withoutUsers.root().path("Outputs").has("PopularityCampaignArn")).isFalse();
    }

    @Test
    void aNewRecipeGivesANewSolutionAndANewCampaign() {
        String similarItems = single(original, "Custom::PersonalizeSolution", "related-items");
        String sims = single(withoutUsers, "Custom::PersonalizeSolution", "related-items");
        assertThat(sims).isNotEqualTo(similarItems);
        assertThat(single(withoutUsers, "Custom::PersonalizeCampaign", "related-items"))
                .isNotEqualTo(single(original, "Custom::PersonalizeCampaign", "related-items"));
    }

    private static TemplateJson synth(String name, EnvironmentConfig config, PreparedData prepared) {
        App app = Fixtures.app(tmp.resolve(name + "-out"));
        return TemplateJson.of(Template.fromStack(Fixtures.stage(app, config, prepared, tmp).personalizeStack()));
    }

    private static Set<String> names(TemplateJson template, String type, String property) {
        Set<String> names = new TreeSet<>();
        template.resources(type).values().forEach(r -> names.add(r.path("Properties").path(property).asText()));
        return names;
    }

    private static Set<String> triggers(TemplateJson template) {
        return names(template, "Custom::PersonalizeSolutionVersion", "Trigger");
    }

    private static String single(TemplateJson template, String type, String nameSegment) {
        List<String> matching = names(template, type, "Name").stream()
                .filter(n -> n.startsWith("movierec-dev-" + nameSegment + "-")).toList();
        assertThat(matching).hasSize(1);
        return matching.get(0);
    }
}
