package com.movierec.lifecycle.resources;

import static com.movierec.lifecycle.testing.GateFixtures.CAMPAIGN;
import static com.movierec.lifecycle.testing.GateFixtures.NDCG;
import static com.movierec.lifecycle.testing.GateFixtures.REGRESSION_GATE;
import static com.movierec.lifecycle.testing.GateFixtures.SERVED;
import static com.movierec.lifecycle.testing.GateFixtures.SOLUTION;
import static com.movierec.lifecycle.testing.GateFixtures.VERSION;
import static com.movierec.lifecycle.testing.GateFixtures.VERSION_NAME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import com.movierec.lifecycle.core.Failure;
import com.movierec.lifecycle.testing.Errors;
import com.movierec.lifecycle.testing.Events;
import com.movierec.lifecycle.testing.GateFixtures;
import com.movierec.lifecycle.testing.Harness;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentMatchers;
import software.amazon.awssdk.services.personalize.model.Campaign;
import software.amazon.awssdk.services.personalize.model.DescribeCampaignRequest;
import software.amazon.awssdk.services.personalize.model.DescribeCampaignResponse;
import software.amazon.awssdk.services.personalize.model.DescribeSolutionVersionRequest;
import software.amazon.awssdk.services.personalize.model.DescribeSolutionVersionResponse;
import software.amazon.awssdk.services.personalize.model.GetSolutionMetricsRequest;
import software.amazon.awssdk.services.personalize.model.GetSolutionMetricsResponse;
import software.amazon.awssdk.services.personalize.model.SolutionVersion;

class SolutionMetricsResourceTest {
    private static final String NEW_VERSION = SOLUTION + "/8a9b0c1d";
    private static final String NAME = VERSION_NAME;
    private static final Map<String, Double> METRICS = Map.of(
            "coverage", 0.2871,
            "mean_reciprocal_rank_at_25", 0.1873,
            "normalized_discounted_cumulative_gain_at_10", 0.1421,
            "precision_at_10", 0.0734);

    private final Harness harness = new Harness();

    @Test
    void waitsForTrainingThenReportsEveryMetricAsAnAttribute() {
        versionStatus("CREATE IN_PROGRESS", "ACTIVE");
        metrics(METRICS);
        Map<String, Object> event = Events.load("solution-metrics/create");

        Map<String, Object> answer = harness.onEvent(event);

        assertThat(answer).isEqualTo(Map.of("PhysicalResourceId", VERSION, "Data", Map.of("Arn", VERSION)));
        assertThat(harness.isComplete(event, answer)).isEqualTo(Map.of("IsComplete", false));
        assertThat(harness.isComplete(event, answer)).isEqualTo(Map.of("IsComplete", true, "Data", Map.of(
                "Arn", VERSION,
                "coverage", "0.2871",
                "mean_reciprocal_rank_at_25", "0.1873",
                "normalized_discounted_cumulative_gain_at_10", "0.1421",
                "precision_at_10", "0.0734")));
    }

    @Test
    void failsWhenAMetricIsBelowTheQualityGate() {
        versionStatus("ACTIVE");
        metrics(Map.of("normalized_discounted_cumulative_gain_at_10", 0.08, "precision_at_10", 0.05));
        Map<String, Object> event = Events.load("solution-metrics/create");
        Map<String, Object> answer = harness.onEvent(event);

        assertThatThrownBy(() -> harness.isComplete(event, answer))
                .isInstanceOf(Failure.class)
                .hasMessage("Custom::PersonalizeSolutionMetrics " + NAME + ": metric "
                        + "normalized_discounted_cumulative_gain_at_10 is 0.08, below the minimum 0.10 for this environment");
    }

    @Test
    void namesAGateMetricThePersonalizeVersionDoesNotReport() {
        versionStatus("ACTIVE");
        metrics(Map.of("normalized_discounted_cumulative_gain_at_10", 0.3, "coverage", 0.2));
        Map<String, Object> event = Events.load("solution-metrics/create");
        Map<String, Object> answer = harness.onEvent(event);

        assertThatThrownBy(() -> harness.isComplete(event, answer))
                .hasMessage("Custom::PersonalizeSolutionMetrics " + NAME + ": metric precision_at_10 is not reported for "
                        + "this solution version (it reports coverage, normalized_discounted_cumulative_gain_at_10)");
    }

    @Test
    void failsWithFailureReasonWhenTrainingFails() {
        when(harness.personalize.describeSolutionVersion(any(DescribeSolutionVersionRequest.class))).thenReturn(
                DescribeSolutionVersionResponse.builder().solutionVersion(SolutionVersion.builder()
                        .solutionVersionArn(VERSION).status("CREATE FAILED")
                        .failureReason("Not enough interactions to train the model.").build()).build());
        Map<String, Object> event = Events.load("solution-metrics/create");
        Map<String, Object> answer = harness.onEvent(event);

        assertThatThrownBy(() -> harness.isComplete(event, answer))
                .hasMessage("Custom::PersonalizeSolutionMetrics " + NAME + " is CREATE FAILED: "
                        + "Not enough interactions to train the model.");
        verify(harness.personalize, never()).getSolutionMetrics(any(GetSolutionMetricsRequest.class));
    }

    @Test
    void aNewSolutionVersionGetsANewPhysicalId() {
        Map<String, Object> answer = harness.onEvent(Events.load("solution-metrics/update-solution-version"));

        assertThat(answer).containsEntry("PhysicalResourceId", NEW_VERSION);
    }

    @Test
    void aNewQualityGateReReadsTheSameVersion() {
        versionStatus("ACTIVE");
        metrics(METRICS);
        Map<String, Object> event = Events.load("solution-metrics/update-quality-gate");

        Map<String, Object> answer = harness.onEvent(event);

        assertThat(answer).containsEntry("PhysicalResourceId", VERSION);
        assertThatThrownBy(() -> harness.isComplete(event, answer))
                .hasMessageEndingWith("metric normalized_discounted_cumulative_gain_at_10 is 0.1421, below the minimum "
                        + "0.20 for this environment");
    }

    @Test
    void deleteTouchesNothing() {
        Map<String, Object> event = Events.load("solution-metrics/delete");

        Map<String, Object> answer = harness.onEvent(event);

        assertThat(answer).isEqualTo(Map.of("PhysicalResourceId", VERSION));
        assertThat(harness.isComplete(event, answer)).isEqualTo(Map.of("IsComplete", true));
        verifyNoInteractions(harness.personalize);
    }

    @Test
    void retriesThrottledMetricsReads() {
        versionStatus("ACTIVE");
        when(harness.personalize.getSolutionMetrics(any(GetSolutionMetricsRequest.class)))
                .thenThrow(Errors.throttled())
                .thenReturn(GetSolutionMetricsResponse.builder().solutionVersionArn(VERSION).metrics(METRICS).build());
        Map<String, Object> event = Events.load("solution-metrics/create");

        assertThat(harness.isComplete(event, harness.onEvent(event))).containsEntry("IsComplete", true);
        assertThat(harness.sleeper.sleeps()).hasSize(1);
    }

    @Test
    void withoutMaxRegressionTheServedVersionIsNeverRead() {
        versionStatus("ACTIVE");
        metrics(VERSION, METRICS);
        Map<String, Object> event =
                Events.withProperty(Events.load("solution-metrics/create"), "CampaignArn", CAMPAIGN);

        assertThat(harness.isComplete(event, harness.onEvent(event))).containsEntry("IsComplete", true);
        verify(harness.personalize, never()).describeCampaign(any(DescribeCampaignRequest.class));
    }

    @Test
    void failsWhenAMetricDropsMoreThanMaxRegressionBelowTheVersionTheCampaignServes() {
        Map<String, Object> event = newAgainstServed(0.0812, 0.0927, 0.05);
        Map<String, Object> answer = harness.onEvent(event);

        assertThatThrownBy(() -> harness.isComplete(event, answer))
                .isInstanceOf(Failure.class)
                .hasMessage("Custom::PersonalizeSolutionMetrics " + NAME + ": metric " + NDCG + " is 0.0812, 12.4% "
                        + "below the served version's 0.0927 (movierec-dev-user-personalization-1a2b3c4d/0a1b2c3d), "
                        + "more than the 5.0% allowed (at least 0.0881)");
        verify(harness.personalize).describeCampaign(
                ArgumentMatchers.<DescribeCampaignRequest>argThat(r -> r.campaignArn().equals(CAMPAIGN)));
    }

    @Test
    void passesWhenTheDropIsWithinMaxRegressionAndReportsTheNewVersionsMetrics() {
        Map<String, Object> event = newAgainstServed(0.0881, 0.0927, 0.05);

        assertThat(harness.isComplete(event, harness.onEvent(event))).isEqualTo(Map.of("IsComplete", true, "Data",
                Map.of("Arn", VERSION, NDCG, "0.0881", "precision_at_10", "0.05")));
    }

    @Test
    void aCampaignThatDoesNotExistYetLeavesOnlyTheMinimums() {
        when(harness.personalize.describeCampaign(any(DescribeCampaignRequest.class)))
                .thenThrow(Errors.notFound(CAMPAIGN));

        assertOnlyTheMinimumsAreChecked();
    }

    @Test
    void aCampaignThatServesNoVersionYetLeavesOnlyTheMinimums() {
        campaign(null, "CREATE IN_PROGRESS");

        assertOnlyTheMinimumsAreChecked();
    }

    @Test
    void aCampaignThatAlreadyServesTheVersionIsNotComparedWithItself() {
        campaign(VERSION, "ACTIVE");

        assertOnlyTheMinimumsAreChecked();
    }

    @Test
    void theMinimumsStillCountWhenTheServedVersionIsNoBetter() {
        Map<String, Object> event = newAgainstServed(0.04, 0.04, 0.02);
        Map<String, Object> answer = harness.onEvent(event);

        assertThatThrownBy(() -> harness.isComplete(event, answer)).hasMessageEndingWith(
                "metric " + NDCG + " is 0.04, below the minimum 0.05 for this environment");
    }

    @Test
    void retriesAThrottledReadOfTheCampaign() {
        versionStatus("ACTIVE");
        metrics(VERSION, Map.of(NDCG, 0.1, "precision_at_10", 0.02));
        metrics(SERVED, Map.of(NDCG, 0.1, "precision_at_10", 0.02));
        when(harness.personalize.describeCampaign(any(DescribeCampaignRequest.class)))
                .thenThrow(Errors.throttled())
                .thenReturn(DescribeCampaignResponse.builder().campaign(Campaign.builder().campaignArn(CAMPAIGN)
                        .status("ACTIVE").solutionVersionArn(SERVED).build()).build());
        Map<String, Object> event = regressionGated();

        assertThat(harness.isComplete(event, harness.onEvent(event))).containsEntry("IsComplete", true);
        assertThat(harness.sleeper.sleeps()).hasSize(1);
    }

    @Test
    void maxRegressionNeedsTheCampaignArn() {
        Map<String, Object> event = Events.withProperty(regressionGated(), "CampaignArn", null);

        assertThatThrownBy(() -> harness.onEvent(event))
                .hasMessage("Custom::PersonalizeSolutionMetrics property CampaignArn is required with the "
                        + "QualityGate's maxRegression: the ARN of the campaign that will serve this version, whose "
                        + "current version is the baseline");
        verifyNoInteractions(harness.personalize);
    }

    @Test
    void theCampaignArnMustBeAnArn() {
        Map<String, Object> event = Events.withProperty(regressionGated(), "CampaignArn", "movierec-dev-x");

        assertThatThrownBy(() -> harness.onEvent(event))
                .hasMessage("Custom::PersonalizeSolutionMetrics property CampaignArn must be a campaign ARN, not "
                        + "'movierec-dev-x'");
    }

    @Test
    void aNewCampaignArnReReadsTheSameVersion() {
        Map<String, Object> event = Events.withProperty(Events.load("solution-metrics/update-quality-gate"),
                "CampaignArn", CAMPAIGN);

        assertThat(harness.onEvent(event)).containsEntry("PhysicalResourceId", VERSION);
    }

    private void versionStatus(String first, String... then) {
        DescribeSolutionVersionResponse[] rest = new DescribeSolutionVersionResponse[then.length];
        for (int i = 0; i < then.length; i++) {
            rest[i] = described(then[i]);
        }
        when(harness.personalize.describeSolutionVersion(any(DescribeSolutionVersionRequest.class)))
                .thenReturn(described(first), rest);
    }

    private void metrics(Map<String, Double> metrics) {
        when(harness.personalize.getSolutionMetrics(any(GetSolutionMetricsRequest.class)))
                .thenReturn(GetSolutionMetricsResponse.builder().solutionVersionArn(VERSION).metrics(metrics).build());
    }

    private void metrics(String version, Map<String, Double> metrics) {
        GateFixtures.metrics(harness.personalize, version, metrics);
    }

    private void campaign(String servedVersion, String status) {
        GateFixtures.campaign(harness.personalize, servedVersion, status);
    }

    /** A version that meets {@link #regressionGated()}'s minimums passes, and no other version's metrics are read. */
    private void assertOnlyTheMinimumsAreChecked() {
        versionStatus("ACTIVE");
        metrics(VERSION, Map.of(NDCG, 0.1, "precision_at_10", 0.02));
        Map<String, Object> event = regressionGated();

        assertThat(harness.isComplete(event, harness.onEvent(event))).containsEntry("IsComplete", true);
        verify(harness.personalize).describeCampaign(any(DescribeCampaignRequest.class));
        verify(harness.personalize).getSolutionMetrics(any(GetSolutionMetricsRequest.class));
    }

    /** {@link #regressionGated()} for a new version and the ACTIVE campaign's served one, both with these metrics. */
    private Map<String, Object> newAgainstServed(double newNdcg, double servedNdcg, double precision) {
        versionStatus("ACTIVE");
        metrics(VERSION, Map.of(NDCG, newNdcg, "precision_at_10", precision));
        metrics(SERVED, Map.of(NDCG, servedNdcg, "precision_at_10", precision));
        campaign(SERVED, "ACTIVE");
        return regressionGated();
    }

    /** Minimums NDCG@10 0.05 and precision@10 0.02, maxRegression 0.05, and the campaign. */
    private static Map<String, Object> regressionGated() {
        Map<String, Object> event = Events.withProperty(Events.load("solution-metrics/create"), "QualityGate",
                REGRESSION_GATE);
        return Events.withProperty(event, "CampaignArn", CAMPAIGN);
    }

    private static DescribeSolutionVersionResponse described(String status) {
        return DescribeSolutionVersionResponse.builder()
                .solutionVersion(SolutionVersion.builder().solutionVersionArn(VERSION).status(status).build()).build();
    }
}
