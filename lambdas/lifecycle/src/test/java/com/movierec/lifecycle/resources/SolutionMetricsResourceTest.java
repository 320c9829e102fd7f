package com.movierec.lifecycle.resources;

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
import com.movierec.lifecycle.testing.Harness;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.personalize.model.DescribeSolutionVersionRequest;
import software.amazon.awssdk.services.personalize.model.DescribeSolutionVersionResponse;
import software.amazon.awssdk.services.personalize.model.GetSolutionMetricsRequest;
import software.amazon.awssdk.services.personalize.model.GetSolutionMetricsResponse;
import software.amazon.awssdk.services.personalize.model.SolutionVersion;

class SolutionMetricsResourceTest {
    private static final String SOLUTION = ResourceCase.ACCOUNT + "solution/movierec-dev-user-personalization-1a2b3c4d";
    private static final String VERSION = SOLUTION + "/4f5e6d7c";
    private static final String NEW_VERSION = SOLUTION + "/8a9b0c1d";
    private static final String NAME = "movierec-dev-user-personalization-1a2b3c4d/4f5e6d7c";
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
    void rejectsAQualityGateWithoutMinimums() {
        Map<String, Object> event = Events.withProperty(Events.load("solution-metrics/create"), "QualityGate",
                "{\"normalized_discounted_cumulative_gain_at_10\": 0.1}");

        assertThatThrownBy(() -> harness.onEvent(event))
                .hasMessage("Custom::PersonalizeSolutionMetrics property QualityGate must be "
                        + "{\"minimums\": {\"<metric>\": <number>, ...}}");
    }

    @Test
    void printsAtLeastTwoAndAtMostFourDecimals() {
        assertThat(QualityGate.format(0.08)).isEqualTo("0.08");
        assertThat(QualityGate.format(0.1)).isEqualTo("0.10");
        assertThat(QualityGate.format(0.09996)).isEqualTo("0.10");
        assertThat(QualityGate.format(0.0834)).isEqualTo("0.0834");
        assertThat(QualityGate.format(1)).isEqualTo("1.00");
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

    private static DescribeSolutionVersionResponse described(String status) {
        return DescribeSolutionVersionResponse.builder()
                .solutionVersion(SolutionVersion.builder().solutionVersionArn(VERSION).status(status).build()).build();
    }
}
