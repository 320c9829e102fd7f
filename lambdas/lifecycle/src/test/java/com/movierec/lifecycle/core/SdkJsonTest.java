package com.movierec.lifecycle.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.personalize.model.CampaignConfig;
import software.amazon.awssdk.services.personalize.model.RankingInfluenceType;
import software.amazon.awssdk.services.personalize.model.SolutionConfig;

class SdkJsonTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void readsNestedShapesListsAndMaps() throws Exception {
        SolutionConfig config = read("""
                {"eventValueThreshold": "0.5",
                 "hpoConfig": {"hpoObjective": {"type": "Maximize", "metricName": "precision_at_25"},
                               "algorithmHyperParameterRanges": {"categoricalHyperParameterRanges": [
                                  {"name": "recency_mask", "values": ["true", "false"]}]}},
                 "eventsConfig": {"eventParametersList": [{"eventType": "watch", "weight": 0.7}]},
                 "trainingDataConfig": {"excludedDatasetColumns": {"ITEMS": ["GENRES"]}}}""");

        assertThat(config.eventValueThreshold()).isEqualTo("0.5");
        assertThat(config.hpoConfig().hpoObjective().metricName()).isEqualTo("precision_at_25");
        assertThat(config.hpoConfig().algorithmHyperParameterRanges().categoricalHyperParameterRanges().get(0).values())
                .containsExactly("true", "false");
        assertThat(config.eventsConfig().eventParametersList().get(0).weight()).isEqualTo(0.7);
        assertThat(config.trainingDataConfig().excludedDatasetColumns()).containsEntry("ITEMS", java.util.List.of("GENRES"));
    }

    @Test
    void convertsTheStringLeavesCloudFormationProduces() throws Exception {
        CampaignConfig config = SdkJson.read(JSON.readTree("""
                {"enableMetadataWithRecommendations": "true", "rankingInfluence": {"POPULARITY": "0.5"}}"""),
                CampaignConfig.builder(), "CampaignConfig", IllegalArgumentException::new);

        assertThat(config.enableMetadataWithRecommendations()).isTrue();
        assertThat(config.rankingInfluence()).containsEntry(RankingInfluenceType.POPULARITY, 0.5);
    }

    @Test
    void namesThePathOfAValueOfTheWrongShape() {
        assertThatThrownBy(() -> read("{\"hpoConfig\": {\"hpoResourceConfig\": \"16 jobs\"}}"))
                .hasMessage("SolutionConfig.hpoConfig.hpoResourceConfig must be a JSON object");
        assertThatThrownBy(() -> read("{\"eventsConfig\": {\"eventParametersList\": [{\"weight\": \"heavy\"}]}}"))
                .hasMessage("SolutionConfig.eventsConfig.eventParametersList[0].weight must be a number, not 'heavy'");
    }

    @Test
    void coversWhenEveryRequestedValueIsPresentAmongPersonalizesDefaults() {
        CampaignConfig requested = CampaignConfig.builder().itemExplorationConfig(Map.of("explorationWeight", "0.3")).build();
        CampaignConfig reported = CampaignConfig.builder()
                .itemExplorationConfig(Map.of("explorationWeight", "0.3", "explorationItemAgeCutOff", "30"))
                .enableMetadataWithRecommendations(false)
                .build();

        assertThat(SdkJson.covers(reported, requested)).isTrue();
        assertThat(SdkJson.covers(reported, requested.toBuilder()
                .itemExplorationConfig(Map.of("explorationWeight", "0.1")).build())).isFalse();
        assertThat(SdkJson.covers(reported, requested.toBuilder().enableMetadataWithRecommendations(true).build()))
                .isFalse();
        assertThat(SdkJson.covers(null, requested)).isFalse();
        assertThat(SdkJson.covers(reported, null)).isTrue();
    }

    private static SolutionConfig read(String json) throws Exception {
        JsonNode node = JSON.readTree(json);
        return SdkJson.read(node, SolutionConfig.builder(), "SolutionConfig", IllegalArgumentException::new);
    }
}
