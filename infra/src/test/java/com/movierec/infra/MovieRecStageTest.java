package com.movierec.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.movierec.infra.personalize.provider.LifecycleProvider;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.CfnElement;
import software.amazon.awscdk.CfnResource;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.TagManager;
import software.amazon.awscdk.assertions.Template;
import software.constructs.IConstruct;

/**
 * Cost allocation: every resource of every stack of a stage that CloudFormation can tag carries Project=movierec,
 * Environment=&lt;env&gt; and the environment's own tags, and so do the stacks themselves.
 */
class MovieRecStageTest {
    private static final Map<String, String> CUSTOM = Map.of("CostCenter", "recommendations", "Team", "ml-platform");

    @TempDir
    static Path tmp;
    private static final Map<String, MovieRecStage> STAGES = new LinkedHashMap<>();

    @BeforeAll
    static void synthesize() {
        Map<String, Object> environments = new LinkedHashMap<>();
        Map<String, Object> dev = Fixtures.devEnvironment();
        dev.put("tags", CUSTOM);
        Map<String, Object> prod = Fixtures.environment(true, true, 2);
        prod.put("tags", Map.of("CostCenter", "prod-recommendations"));
        environments.put("dev", dev);
        environments.put("prod", prod);
        STAGES.putAll(ConfiguredStages.synthesize(tmp, environments));
    }

    @Test
    void everyTaggableResourceOfEveryStackCarriesTheCostAllocationTags() {
        Map<String, String> expected = new TreeMap<>(CUSTOM);
        expected.put("Project", "movierec");
        expected.put("Environment", "dev");

        Map<String, Map<String, String>> tagged = taggedResources(STAGES.get("dev"));
        assertThat(tagged).isNotEmpty().allSatisfy((resource, tags) ->
                assertThat(tags).as(resource).containsAllEntriesOf(expected));
    }

    @Test
    void theCheckCoversTheBucketTheApiThePersonalizeCustomResourcesLambdasAndTheAlarms() {
        Set<String> types = new TreeSet<>();
        taggedResources(STAGES.get("dev")).keySet().forEach(resource -> types.add(resource.split(" ")[2]));
        Map<String, Map<String, String>> personalize = taggedResources(STAGES.get("dev"), STAGES.get("dev")
                .personalizeStack());
        long lifecycleFunctions = personalize.keySet().stream().filter(r -> r.endsWith(" AWS::Lambda::Function"))
                .count();

        assertThat(types).contains("AWS::S3::Bucket", "AWS::KMS::Key", "AWS::Lambda::Function", "AWS::IAM::Role",
                "AWS::StepFunctions::StateMachine", "AWS::Logs::LogGroup", "AWS::ApiGateway::RestApi",
                "AWS::ApiGateway::Stage", "AWS::ApiGateway::ApiKey", "AWS::SNS::Topic", "AWS::CloudWatch::Alarm");
        assertThat(lifecycleFunctions).as("onEvent, isComplete, watcher and the provider framework's three")
                .isGreaterThanOrEqualTo(6);
    }

    @Test
    void eachEnvironmentHasItsOwnValuesAndTheStacksAreTaggedToo() {
        MovieRecStage prod = STAGES.get("prod");
        Map<String, String> expected = Map.of("Project", "movierec", "Environment", "prod", "CostCenter",
                "prod-recommendations");

        assertThat(taggedResources(prod)).isNotEmpty().allSatisfy((resource, tags) ->
                assertThat(tags).as(resource).containsAllEntriesOf(expected).doesNotContainKey("Team"));
        for (Stack stack : stacks(prod)) {
            assertThat(stack.getTags().tagValues()).as(stack.getStackName()).isEqualTo(expected);
        }
    }

    @Test
    void everyPersonalizeResourceThatTakesTagsGetsTheCostAllocationTagsAsItsTagsProperty() {
        Map<String, String> devTags = new TreeMap<>(CUSTOM);
        devTags.put("Project", "movierec");
        devTags.put("Environment", "dev");
        Map<String, String> prodTags = Map.of("Project", "movierec", "Environment", "prod", "CostCenter",
                "prod-recommendations");

        for (var entry : Map.of("dev", devTags, "prod", prodTags).entrySet()) {
            Map<String, JsonNode> tagged = personalizeResources(STAGES.get(entry.getKey()), true);
            assertThat(tagged.keySet().stream().map(r -> r.split(" ")[1]).distinct())
                    .containsExactlyInAnyOrderElementsOf(LifecycleProvider.TAGGED_TYPES);
            assertThat(tagged).allSatisfy((resource, properties) -> {
                JsonNode tags = properties.path("Tags");
                assertThat(tags.isArray()).as(resource + " Tags is a list of {Key, Value}").isTrue();
                assertThat(tags(tags)).as(resource).isEqualTo(entry.getValue());
                assertThat(tags.get(0).path("Key").asText()).as("Project first, as config merges them")
                        .isEqualTo("Project");
            });
        }
    }

    @Test
    void schemasAndMetricsTakeNoTagsBecausePersonalizeTagsNeither() {
        assertThat(personalizeResources(STAGES.get("dev"), false)).isNotEmpty()
                .allSatisfy((resource, properties) -> assertThat(properties.has("Tags")).as(resource).isFalse());
    }

    /** "logicalId type" to the properties of each Custom::Personalize* resource that is (or is not) tagged. */
    private static Map<String, JsonNode> personalizeResources(MovieRecStage stage, boolean taggedTypes) {
        JsonNode resources = TemplateJson.of(Template.fromStack(stage.personalizeStack())).root().path("Resources");
        Map<String, JsonNode> out = new LinkedHashMap<>();
        resources.properties().forEach(resource -> {
            String type = resource.getValue().path("Type").asText();
            if (type.startsWith("Custom::Personalize")
                    && LifecycleProvider.TAGGED_TYPES.contains(type) == taggedTypes) {
                out.put(resource.getKey() + " " + type, resource.getValue().path("Properties"));
            }
        });
        return out;
    }

    private static List<Stack> stacks(MovieRecStage stage) {
        return List.of(stage.dataStack(), stage.personalizeStack(), stage.apiStack());
    }

    private static Map<String, Map<String, String>> taggedResources(MovieRecStage stage) {
        Map<String, Map<String, String>> all = new LinkedHashMap<>();
        stacks(stage).forEach(stack -> all.putAll(taggedResources(stage, stack)));
        return all;
    }

    /** "stack logicalId type" to the tags the template gives it, for every resource CDK can tag. */
    private static Map<String, Map<String, String>> taggedResources(MovieRecStage stage, Stack stack) {
        JsonNode resources = TemplateJson.of(Template.fromStack(stack)).root().path("Resources");
        Map<String, Map<String, String>> tagged = new LinkedHashMap<>();
        for (IConstruct construct : stack.getNode().findAll()) {
            if (!CfnResource.isCfnResource(construct)
                    || !(TagManager.isTaggable(construct) || TagManager.isTaggableV2(construct))) {
                continue;
            }
            String logicalId = (String) stack.resolve(((CfnElement) construct).getLogicalId());
            JsonNode resource = resources.path(logicalId);
            assertThat(resource.isMissingNode()).as("%s in %s", logicalId, stack.getStackName()).isFalse();
            tagged.put(stack.getStackName() + " " + logicalId + " " + resource.path("Type").asText(),
                    tags(resource.path("Properties").path("Tags")));
        }
        return tagged;
    }

    /** Tags as a list of {Key, Value} or, for some types, a map. */
    private static Map<String, String> tags(JsonNode tags) {
        Map<String, String> values = new TreeMap<>();
        if (tags.isArray()) {
            tags.forEach(tag -> values.put(tag.path("Key").asText(), tag.path("Value").asText()));
        } else {
            tags.properties().forEach(tag -> values.put(tag.getKey(), tag.getValue().asText()));
        }
        return values;
    }
}
