package com.movierec.infra.personalize;

import static com.movierec.infra.TemplateJson.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.movierec.infra.Fixtures;
import com.movierec.infra.TemplateJson;
import com.movierec.infra.config.EnvironmentConfig;
import com.movierec.infra.config.MovieRecConfigParser;
import com.movierec.infra.data.PreparedData;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.App;
import software.amazon.awscdk.assertions.Capture;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/**
 * The quality gate from config in the Personalize template: each gated slot's metrics resource gets the slot's gate
 * and, with maxRegression, the ARN of the campaign whose served version is the baseline; every campaign depends on
 * its version's metrics, so CloudFormation updates it only after the gate passed. dev synthesized twice: with user
 * personalization and related items gated, and as the fixtures configure it (no gate).
 */
class QualityGateTemplateTest {
    private static final String METRICS = "Custom::PersonalizeSolutionMetrics";
    private static final String CAMPAIGN = "Custom::PersonalizeCampaign";
    private static final String NDCG = "normalized_discounted_cumulative_gain_at_10";

    @TempDir
    static Path tmp;
    private static Template gated;
    private static TemplateJson gatedJson;
    private static Template ungated;
    private static TemplateJson ungatedJson;

    @BeforeAll
    static void synthesize() {
        Map<String, Object> dev = Fixtures.devEnvironment();
        dev.put("qualityGate", Map.of(
                "userPersonalization", Map.of("minimums", Map.of("precision_at_10", 0.05, NDCG, 0.08),
                        "maxRegression", 0.1),
                "relatedItems", Map.of("minimums", Map.of(NDCG, 0.04))));
        EnvironmentConfig config = MovieRecConfigParser.parse(Map.of("environments", Map.of("dev", dev)))
                .environment("dev").orElseThrow();
        PreparedData prepared = Fixtures.loadedPreparedData(tmp.resolve("prepared"), true);
        gated = synth("gated", config, prepared);
        gatedJson = TemplateJson.of(gated);
        ungated = synth("ungated", Fixtures.config().environment("dev").orElseThrow(), prepared);
        ungatedJson = TemplateJson.of(ungated);
    }

    @Test
    void aGatedSlotsMetricsGetItsMinimumsMaxRegressionAndTheCampaignServingIt() {
        Capture campaignArn = new Capture();
        Map<String, Map<String, Object>> found = gated.findResources(METRICS, Match.objectLike(Map.of("Properties",
                Match.objectEquals(Map.of(
                        "ServiceToken", Match.anyValue(),
                        "SolutionVersionArn", Match.anyValue(),
                        "QualityGate", "{\"minimums\": {\"" + NDCG + "\": 0.08, \"precision_at_10\": 0.05}, "
                                + "\"maxRegression\": 0.1}",
                        "CampaignArn", campaignArn)))));

        assertThat(found.keySet()).singleElement().asString().startsWith("UserPersonalizationVersionMetrics");
        assertThat(text(new ObjectMapper().valueToTree(campaignArn.asObject())))
                .isEqualTo("arn:${AWS::Partition}:personalize:" + Fixtures.REGION + ":" + Fixtures.ACCOUNT
                        + ":campaign/" + campaignName("UserPersonalizationCampaign"));
    }

    @Test
    void aGateWithoutMaxRegressionNeedsNoCampaign() {
        Map<String, Map<String, Object>> found = gated.findResources(METRICS, Match.objectLike(Map.of("Properties",
                Match.objectLike(Map.of(
                        "QualityGate", "{\"minimums\": {\"" + NDCG + "\": 0.04}}",
                        "CampaignArn", Match.absent())))));

        assertThat(found.keySet()).singleElement().asString().startsWith("RelatedItemsVersionMetrics");
    }

    @Test
    void slotsWithoutAGateGetNoGateProperties() {
        Map<String, Map<String, Object>> withoutGate = gated.findResources(METRICS, Match.objectLike(Map.of(
                "Properties", Match.objectLike(Map.of("QualityGate", Match.absent(), "CampaignArn", Match.absent())))));

        assertThat(withoutGate.keySet()).hasSize(2).allSatisfy(id -> assertThat(id).matches("(Popularity|Ranking)"
                + "VersionMetrics.*"));
    }

    @Test
    void withoutAGateInTheConfigNoMetricsResourceHasOne() {
        ungated.resourceCountIs(METRICS, 4);
        assertThat(ungated.findResources(METRICS, Match.objectLike(Map.of("Properties", Match.objectLike(
                Map.of("QualityGate", Match.anyValue())))))).isEmpty();
        assertThat(ungated.findResources(METRICS, Match.objectLike(Map.of("Properties", Match.objectLike(
                Map.of("CampaignArn", Match.anyValue())))))).isEmpty();
    }

    @Test
    void everyCampaignDependsOnItsVersionsMetricsSoAFailedGateStopsTheStackBeforeTheCampaignMoves() {
        for (TemplateJson template : List.of(gatedJson, ungatedJson)) {
            template.resources(METRICS).forEach((metrics, resource) -> {
                String version = text(resource.path("Properties").path("SolutionVersionArn"));
                Capture servedVersion = new Capture();
                Map<String, Map<String, Object>> campaigns = (template == gatedJson ? gated : ungated).findResources(
                        CAMPAIGN, Match.objectLike(Map.of(
                                "Properties", Match.objectLike(Map.of("SolutionVersionArn", servedVersion)),
                                "DependsOn", Match.arrayWith(List.of(metrics)))));

                assertThat(campaigns).as("the campaign serving %s waits for %s", version, metrics).hasSize(1);
                assertThat(text(new ObjectMapper().valueToTree(servedVersion.asObject()))).isEqualTo(version);
            });
        }
    }

    @Test
    void theCampaignArnIsBuiltFromTheNameSoTheMetricsDoNotDependOnTheCampaign() {
        String metrics = gatedJson.logicalId(METRICS, "maxRegression");
        JsonNode resource = gatedJson.resource(metrics);

        assertThat(resource.toString()).doesNotContain(gatedJson.resources(CAMPAIGN).keySet().toArray(String[]::new));
        assertThat(gatedJson.dependsOn(metrics)).singleElement().asString().contains("Completion");
    }

    @Test
    void aGateChangesOnlyTheMetricsResourcesNeverTheTrainingOrTheCampaigns() {
        for (String type : List.of("Custom::PersonalizeSolutionVersion", "AWS::CloudFormation::WaitCondition",
                "Custom::PersonalizeSolution", CAMPAIGN)) {
            assertThat(gatedJson.resources(type)).as(type).isEqualTo(ungatedJson.resources(type));
        }
        assertThat(gatedJson.resources(METRICS).keySet()).isEqualTo(ungatedJson.resources(METRICS).keySet());
    }

    private static String campaignName(String logicalIdStart) {
        return gatedJson.resources(CAMPAIGN).entrySet().stream()
                .filter(entry -> entry.getKey().startsWith(logicalIdStart))
                .map(entry -> entry.getValue().path("Properties").path("Name").asText())
                .findFirst().orElseThrow();
    }

    private static Template synth(String name, EnvironmentConfig config, PreparedData prepared) {
        App app = Fixtures.app(tmp.resolve(name).resolve("cdk.out"));
        return Template.fromStack(Fixtures.stage(app, config, prepared, tmp.resolve(name)).personalizeStack());
    }
}
