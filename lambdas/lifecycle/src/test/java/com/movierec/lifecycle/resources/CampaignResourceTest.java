package com.movierec.lifecycle.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.movierec.lifecycle.core.Failure;
import com.movierec.lifecycle.testing.Errors;
import com.movierec.lifecycle.testing.Events;
import com.movierec.lifecycle.testing.Harness;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import software.amazon.awssdk.services.personalize.model.Campaign;
import software.amazon.awssdk.services.personalize.model.CampaignConfig;
import software.amazon.awssdk.services.personalize.model.CampaignUpdateSummary;
import software.amazon.awssdk.services.personalize.model.CreateCampaignRequest;
import software.amazon.awssdk.services.personalize.model.CreateCampaignResponse;
import software.amazon.awssdk.services.personalize.model.DescribeCampaignRequest;
import software.amazon.awssdk.services.personalize.model.DescribeCampaignResponse;
import software.amazon.awssdk.services.personalize.model.UpdateCampaignRequest;
import software.amazon.awssdk.services.personalize.model.UpdateCampaignResponse;

class CampaignResourceTest {
    private static final String ARN = ResourceCase.ACCOUNT + "campaign/movierec-dev-recommendations-1a2b3c4d";
    private static final String SOLUTION = ResourceCase.ACCOUNT + "solution/movierec-dev-user-personalization-1a2b3c4d";
    private static final String VERSION = SOLUTION + "/4f5e6d7c";
    private static final String NEW_VERSION = SOLUTION + "/8a9b0c1d";
    private static final String LATEST = SOLUTION + "/$LATEST";
    /** What Personalize reports back: the requested exploration settings plus the defaults it fills in. */
    private static final CampaignConfig REPORTED_CONFIG = CampaignConfig.builder()
            .itemExplorationConfig(Map.of("explorationWeight", "0.3", "explorationItemAgeCutOff", "30"))
            .enableMetadataWithRecommendations(false)
            .syncWithLatestSolutionVersion(false)
            .build();

    private final Harness harness = new Harness();

    @Test
    void createsWithTheConfigReadIntoTheSdkShape() {
        when(harness.personalize.createCampaign(any(CreateCampaignRequest.class)))
                .thenReturn(CreateCampaignResponse.builder().campaignArn(ARN).build());

        harness.onEvent(Events.load("campaign/create"));

        ArgumentCaptor<CreateCampaignRequest> request = ArgumentCaptor.forClass(CreateCampaignRequest.class);
        verify(harness.personalize).createCampaign(request.capture());
        assertThat(request.getValue().name()).isEqualTo("movierec-dev-recommendations-1a2b3c4d");
        assertThat(request.getValue().solutionVersionArn()).isEqualTo(VERSION);
        assertThat(request.getValue().minProvisionedTPS()).isEqualTo(1);
        assertThat(request.getValue().campaignConfig().itemExplorationConfig())
                .containsExactlyInAnyOrderEntriesOf(Map.of("explorationWeight", "0.3", "explorationItemAgeCutOff", "30"));
    }

    @Test
    void movesToANewSolutionVersionInPlaceAndWaitsForTheUpdate() {
        Map<String, Object> event = Events.load("campaign/update-solution-version");
        describeAnswers(
                campaign(VERSION, 1, update(NEW_VERSION, 1, "CREATE PENDING")),
                campaign(VERSION, 1, update(NEW_VERSION, 1, "CREATE IN_PROGRESS")),
                campaign(NEW_VERSION, 1, update(NEW_VERSION, 1, "ACTIVE")));

        Map<String, Object> answer = harness.onEvent(event);

        assertThat(answer).isEqualTo(Map.of("PhysicalResourceId", ARN, "Data", Map.of("Arn", ARN)));
        UpdateCampaignRequest request = updateRequest();
        assertThat(request.campaignArn()).isEqualTo(ARN);
        assertThat(request.solutionVersionArn()).isEqualTo(NEW_VERSION);
        assertThat(request.minProvisionedTPS()).isEqualTo(1);
        assertThat(harness.isComplete(event, answer)).isEqualTo(Map.of("IsComplete", false));
        assertThat(harness.isComplete(event, answer)).isEqualTo(Map.of("IsComplete", false));
        assertThat(harness.isComplete(event, answer)).isEqualTo(Map.of("IsComplete", true, "Data", Map.of("Arn", ARN)));
        verify(harness.personalize, times(1)).updateCampaign(any(UpdateCampaignRequest.class));
    }

    @Test
    void changesMinProvisionedTpsInPlace() {
        Map<String, Object> event = Events.load("campaign/update-tps");
        describeAnswers(campaign(VERSION, 1, update(VERSION, 5, "CREATE IN_PROGRESS")),
                campaign(VERSION, 5, update(VERSION, 5, "ACTIVE")));

        Map<String, Object> answer = harness.onEvent(event);

        assertThat(answer).containsEntry("PhysicalResourceId", ARN);
        assertThat(updateRequest().minProvisionedTPS()).isEqualTo(5);
        assertThat(harness.isComplete(event, answer)).isEqualTo(Map.of("IsComplete", false));
        assertThat(harness.isComplete(event, answer)).containsEntry("IsComplete", true);
    }

    @Test
    void changesTheCampaignConfigInPlaceAndMatchesItAgainstWhatPersonalizeFillsIn() {
        Map<String, Object> event = Events.load("campaign/update-config");
        CampaignConfig requested = CampaignConfig.builder()
                .itemExplorationConfig(Map.of("explorationWeight", "0.1", "explorationItemAgeCutOff", "30"))
                .enableMetadataWithRecommendations(true)
                .syncWithLatestSolutionVersion(false)
                .build();
        describeAnswers(
                campaign(VERSION, 1, REPORTED_CONFIG, update(VERSION, 1, requested, "CREATE IN_PROGRESS")),
                campaign(VERSION, 1, requested, update(VERSION, 1, requested, "ACTIVE")));

        Map<String, Object> answer = harness.onEvent(event);

        CampaignConfig sent = updateRequest().campaignConfig();
        assertThat(sent.itemExplorationConfig()).containsEntry("explorationWeight", "0.1");
        assertThat(sent.enableMetadataWithRecommendations()).isTrue();
        assertThat(harness.isComplete(event, answer)).isEqualTo(Map.of("IsComplete", false));
        assertThat(harness.isComplete(event, answer)).containsEntry("IsComplete", true);
    }

    @Test
    void failsWithTheUpdatesFailureReasonWhenTheUpdateFails() {
        Map<String, Object> event = Events.load("campaign/update-solution-version");
        CampaignUpdateSummary failed = update(NEW_VERSION, 1, "CREATE FAILED").toBuilder()
                .failureReason("The solution version is not ACTIVE.").build();
        describeAnswers(campaign(VERSION, 1, failed));

        Map<String, Object> answer = harness.onEvent(event);

        assertThatThrownBy(() -> harness.isComplete(event, answer))
                .isInstanceOf(Failure.class)
                .hasMessage("Custom::PersonalizeCampaign movierec-dev-recommendations-1a2b3c4d update is CREATE FAILED: "
                        + "The solution version is not ACTIVE.");
    }

    @Test
    void sendsAnUpdateRefusedWhileAnotherRanAgainOnceThatOneSettles() {
        Map<String, Object> event = Events.load("campaign/update-tps");
        when(harness.personalize.updateCampaign(any(UpdateCampaignRequest.class)))
                .thenThrow(Errors.inUse("An update is already in progress for this campaign."))
                .thenReturn(UpdateCampaignResponse.builder().campaignArn(ARN).build());
        when(harness.personalize.describeCampaign(any(DescribeCampaignRequest.class))).thenReturn(
                described(campaign(VERSION, 1, update(NEW_VERSION, 1, "CREATE IN_PROGRESS"))),
                described(campaign(NEW_VERSION, 1, update(NEW_VERSION, 1, "ACTIVE"))),
                described(campaign(NEW_VERSION, 1, update(VERSION, 5, "CREATE PENDING"))),
                described(campaign(VERSION, 5, update(VERSION, 5, "ACTIVE"))));

        Map<String, Object> answer = harness.onEvent(event);
        assertThat(answer).containsEntry("PhysicalResourceId", ARN);

        assertThat(harness.isComplete(event, answer)).as("someone else's update still runs").containsEntry("IsComplete", false);
        verify(harness.personalize, times(1)).updateCampaign(any(UpdateCampaignRequest.class));
        assertThat(harness.isComplete(event, answer)).as("it settled: ours is sent again").containsEntry("IsComplete", false);
        verify(harness.personalize, times(2)).updateCampaign(any(UpdateCampaignRequest.class));
        assertThat(harness.isComplete(event, answer)).containsEntry("IsComplete", false);
        assertThat(harness.isComplete(event, answer)).containsEntry("IsComplete", true);
        verify(harness.personalize, times(2)).updateCampaign(any(UpdateCampaignRequest.class));
    }

    @Test
    void aRollbackToValuesAlreadyInEffectCompletesWithoutAnotherUpdate() {
        Map<String, Object> event = Events.load("campaign/update-solution-version");
        CampaignUpdateSummary failedEarlier = update(VERSION, 1, "CREATE FAILED");
        when(harness.personalize.updateCampaign(any(UpdateCampaignRequest.class)))
                .thenThrow(Errors.inUse("An update is already in progress for this campaign."));
        describeAnswers(campaign(NEW_VERSION, 1, failedEarlier));

        Map<String, Object> answer = harness.onEvent(event);

        assertThat(harness.isComplete(event, answer)).isEqualTo(Map.of("IsComplete", true, "Data", Map.of("Arn", ARN)));
        verify(harness.personalize, times(1)).updateCampaign(any(UpdateCampaignRequest.class));
    }

    @Test
    void rejectsAMinProvisionedTpsBelowOne() {
        Map<String, Object> event = Events.withProperty(Events.load("campaign/create"), "MinProvisionedTPS", "0");

        assertThatThrownBy(() -> harness.onEvent(event))
                .isInstanceOf(Failure.class)
                .hasMessage("Custom::PersonalizeCampaign property MinProvisionedTPS must be a whole number of at least 1, "
                        + "not '0'");
        verify(harness.personalize, never()).createCampaign(any(CreateCampaignRequest.class));
    }

    @Test
    void rejectsACampaignConfigFieldPersonalizeDoesNotKnow() {
        Map<String, Object> event = Events.withProperty(Events.load("campaign/create"), "CampaignConfig",
                "{\"explorationWeight\": \"0.3\"}");

        assertThatThrownBy(() -> harness.onEvent(event))
                .isInstanceOf(Failure.class)
                .hasMessageStartingWith("Custom::PersonalizeCampaign property CampaignConfig is invalid: "
                        + "CampaignConfig.explorationWeight is not a field Personalize knows; the fields are ")
                .hasMessageContaining("itemExplorationConfig");
    }

    @Test
    void createsSyncedWithTheSolutionsLatestVersionForAutoTraining() {
        when(harness.personalize.createCampaign(any(CreateCampaignRequest.class)))
                .thenReturn(CreateCampaignResponse.builder().campaignArn(ARN).build());

        harness.onEvent(synced(Events.load("campaign/create")));

        ArgumentCaptor<CreateCampaignRequest> request = ArgumentCaptor.forClass(CreateCampaignRequest.class);
        verify(harness.personalize).createCampaign(request.capture());
        assertThat(request.getValue().solutionVersionArn()).isEqualTo(LATEST);
        assertThat(request.getValue().campaignConfig().syncWithLatestSolutionVersion()).isTrue();
    }

    @Test
    void turningSyncOnUpdatesInPlaceAndAnyVersionOfTheSolutionMatchesLatest() {
        Map<String, Object> event = synced(Events.load("campaign/update-config"));
        CampaignConfig sync = REPORTED_CONFIG.toBuilder().syncWithLatestSolutionVersion(true).build();
        describeAnswers(campaign(VERSION, 1, update(NEW_VERSION, 1, sync, "CREATE IN_PROGRESS")),
                campaign(NEW_VERSION, 1, sync, update(NEW_VERSION, 1, sync, "ACTIVE")));

        Map<String, Object> answer = harness.onEvent(event);

        assertThat(updateRequest().solutionVersionArn()).isEqualTo(LATEST);
        assertThat(harness.isComplete(event, answer)).isEqualTo(Map.of("IsComplete", false));
        assertThat(harness.isComplete(event, answer)).containsEntry("IsComplete", true);
        verify(harness.personalize, times(1)).updateCampaign(any(UpdateCampaignRequest.class));
    }

    @Test
    void syncAndLatestGoTogether() {
        Map<String, Object> syncOnly = Events.withProperty(synced(Events.load("campaign/create")),
                "SolutionVersionArn", VERSION);
        Map<String, Object> latestOnly = Events.withProperty(Events.load("campaign/create"), "SolutionVersionArn",
                LATEST);

        assertThatThrownBy(() -> harness.onEvent(syncOnly)).hasMessage("Custom::PersonalizeCampaign property "
                + "SolutionVersionArn must be <solution ARN>/$LATEST with CampaignConfig's "
                + "syncWithLatestSolutionVersion, not '" + VERSION + "'");
        assertThatThrownBy(() -> harness.onEvent(latestOnly)).hasMessage("Custom::PersonalizeCampaign property "
                + "SolutionVersionArn ends in /$LATEST, which needs CampaignConfig's syncWithLatestSolutionVersion: "
                + "true");
        verify(harness.personalize, never()).createCampaign(any(CreateCampaignRequest.class));
    }

    /** What infra's Campaign sends with auto-training: the solution's $LATEST and the sync flag. */
    private static Map<String, Object> synced(Map<String, Object> event) {
        return Events.withProperty(Events.withProperty(event, "SolutionVersionArn", LATEST), "CampaignConfig",
                "{\"syncWithLatestSolutionVersion\": true}");
    }

    private void describeAnswers(Campaign... campaigns) {
        DescribeCampaignResponse[] responses = new DescribeCampaignResponse[campaigns.length];
        for (int i = 0; i < campaigns.length; i++) {
            responses[i] = described(campaigns[i]);
        }
        when(harness.personalize.describeCampaign(any(DescribeCampaignRequest.class)))
                .thenReturn(responses[0], java.util.Arrays.copyOfRange(responses, 1, responses.length));
        when(harness.personalize.updateCampaign(any(UpdateCampaignRequest.class)))
                .thenReturn(UpdateCampaignResponse.builder().campaignArn(ARN).build());
    }

    private UpdateCampaignRequest updateRequest() {
        ArgumentCaptor<UpdateCampaignRequest> request = ArgumentCaptor.forClass(UpdateCampaignRequest.class);
        verify(harness.personalize).updateCampaign(request.capture());
        return request.getValue();
    }

    private static DescribeCampaignResponse described(Campaign campaign) {
        return DescribeCampaignResponse.builder().campaign(campaign).build();
    }

    private static Campaign campaign(String version, int tps, CampaignUpdateSummary update) {
        return campaign(version, tps, REPORTED_CONFIG, update);
    }

    private static Campaign campaign(String version, int tps, CampaignConfig config, CampaignUpdateSummary update) {
        return Campaign.builder().campaignArn(ARN).name("movierec-dev-recommendations-1a2b3c4d").status("ACTIVE")
                .solutionVersionArn(version).minProvisionedTPS(tps).campaignConfig(config)
                .latestCampaignUpdate(update).build();
    }

    private static CampaignUpdateSummary update(String version, int tps, String status) {
        return update(version, tps, REPORTED_CONFIG, status);
    }

    private static CampaignUpdateSummary update(String version, int tps, CampaignConfig config, String status) {
        return CampaignUpdateSummary.builder().solutionVersionArn(version).minProvisionedTPS(tps)
                .campaignConfig(config).status(status).build();
    }
}
