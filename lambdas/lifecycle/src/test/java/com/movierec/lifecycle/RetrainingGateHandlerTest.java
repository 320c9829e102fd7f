package com.movierec.lifecycle;

import static com.movierec.lifecycle.testing.GateFixtures.CAMPAIGN;
import static com.movierec.lifecycle.testing.GateFixtures.NDCG;
import static com.movierec.lifecycle.testing.GateFixtures.REGRESSION_GATE;
import static com.movierec.lifecycle.testing.GateFixtures.SERVED;
import static com.movierec.lifecycle.testing.GateFixtures.VERSION;
import static com.movierec.lifecycle.testing.GateFixtures.VERSION_NAME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.movierec.lifecycle.testing.Errors;
import com.movierec.lifecycle.testing.GateFixtures;
import com.movierec.lifecycle.testing.RecordingSleeper;
import com.movierec.lifecycle.testing.TestContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.personalize.PersonalizeClient;
import software.amazon.awssdk.services.personalize.model.Campaign;
import software.amazon.awssdk.services.personalize.model.DescribeCampaignRequest;
import software.amazon.awssdk.services.personalize.model.DescribeCampaignResponse;
import software.amazon.awssdk.services.personalize.model.GetSolutionMetricsRequest;

/** The scheduled retraining's gate: the deploy's check (the same sentences) on a version the workflow trained. */
class RetrainingGateHandlerTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PersonalizeClient personalize = mock(PersonalizeClient.class);
    private final RecordingSleeper sleeper = new RecordingSleeper();
    private final RetrainingGateHandler handler = new RetrainingGateHandler(personalize, sleeper);

    @Test
    void aVersionWithinTheMinimumsAndTheRegressionPassesWithItsMetrics() {
        newAgainstServed(0.0881, 0.0927, 0.05);

        Map<String, Object> output = handler.handleRequest(input(REGRESSION_GATE), new TestContext());

        assertThat(output).containsEntry("passed", true).containsEntry("violations", List.of())
                .containsEntry("cause", "").containsEntry("solutionVersionArn", VERSION)
                .containsEntry("metrics", Map.of(NDCG, 0.0881, "precision_at_10", 0.05));
    }

    @Test
    void aMissedMinimumFailsWithTheDeploysSentenceNamingMetricValueAndBound() {
        newAgainstServed(0.04, 0.04, 0.02);

        Map<String, Object> output = handler.handleRequest(input(REGRESSION_GATE), new TestContext());

        String sentence = "metric " + NDCG + " is 0.04, below the minimum 0.05 for this environment";
        assertThat(output).containsEntry("passed", false).containsEntry("violations", List.of(sentence))
                .containsEntry("cause", VERSION_NAME + ": " + sentence);
    }

    @Test
    void aRegressionBeyondMaxRegressionAgainstTheServedVersionFails() {
        newAgainstServed(0.0812, 0.0927, 0.05);

        Map<String, Object> output = handler.handleRequest(input(REGRESSION_GATE), new TestContext());

        assertThat(output).containsEntry("passed", false).containsEntry("cause", VERSION_NAME + ": metric " + NDCG
                + " is 0.0812, 12.4% below the served version's 0.0927 "
                + "(movierec-dev-user-personalization-1a2b3c4d/0a1b2c3d), more than the 5.0% allowed (at least 0.0881)");
        verify(personalize).getSolutionMetrics(GetSolutionMetricsRequest.builder().solutionVersionArn(SERVED).build());
    }

    @Test
    void withoutABaselineOnlyTheMinimumsCount() {
        GateFixtures.metrics(personalize, VERSION, Map.of(NDCG, 0.01, "precision_at_10", 0.02));
        when(personalize.describeCampaign(any(DescribeCampaignRequest.class))).thenThrow(Errors.notFound(CAMPAIGN));

        Map<String, Object> output = handler.handleRequest(input(REGRESSION_GATE), new TestContext());

        assertThat(output).containsEntry("passed", false).containsEntry("violations", List.of("metric " + NDCG
                + " is 0.01, below the minimum 0.05 for this environment"));
        verify(personalize).getSolutionMetrics(any(GetSolutionMetricsRequest.class));
    }

    @Test
    void aCampaignServingNoVersionYetIsNoBaselineEither() {
        GateFixtures.metrics(personalize, VERSION, Map.of(NDCG, 0.06, "precision_at_10", 0.02));
        GateFixtures.campaign(personalize, null, "CREATE IN_PROGRESS");

        assertThat(handler.handleRequest(input(REGRESSION_GATE), new TestContext())).containsEntry("passed", true);
        verify(personalize).getSolutionMetrics(any(GetSolutionMetricsRequest.class));
    }

    @Test
    void aSlotWithoutAGatePassesWithoutReadingTheCampaign() {
        GateFixtures.metrics(personalize, VERSION, Map.of(NDCG, 0.001));

        assertThat(handler.handleRequest(input(null), new TestContext())).containsEntry("passed", true);
        verify(personalize, never()).describeCampaign(any(DescribeCampaignRequest.class));
    }

    @Test
    void throttledReadsAreRetried() {
        newAgainstServed(0.1, 0.1, 0.05);
        when(personalize.describeCampaign(any(DescribeCampaignRequest.class))).thenThrow(Errors.throttled())
                .thenReturn(DescribeCampaignResponse.builder().campaign(Campaign.builder().campaignArn(CAMPAIGN)
                        .status("ACTIVE").solutionVersionArn(SERVED).build()).build());

        assertThat(handler.handleRequest(input(REGRESSION_GATE), new TestContext())).containsEntry("passed", true);
        assertThat(sleeper.sleeps()).hasSize(1);
    }

    @Test
    void aMalformedInputIsAnErrorNotAVerdict() {
        Map<String, Object> input = input(REGRESSION_GATE);
        input.put("solutionVersionArn", "movierec-dev-x");

        assertThatThrownBy(() -> handler.handleRequest(input, new TestContext()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the retraining gate needs solutionVersionArn, an ARN, not movierec-dev-x");
        verifyNoInteractions(personalize);
    }

    private void newAgainstServed(double newNdcg, double servedNdcg, double precision) {
        GateFixtures.metrics(personalize, VERSION, Map.of(NDCG, newNdcg, "precision_at_10", precision));
        GateFixtures.metrics(personalize, SERVED, Map.of(NDCG, servedNdcg, "precision_at_10", precision));
        GateFixtures.campaign(personalize, SERVED, "ACTIVE");
    }

    /** What the state machine passes: the gate as a JSON object (or null), as the template holds it. */
    private static Map<String, Object> input(String gate) {
        Map<String, Object> input = new HashMap<>();
        input.put("solutionVersionArn", VERSION);
        input.put("campaignArn", CAMPAIGN);
        try {
            input.put("gate", gate == null ? null : JSON.readValue(gate, new TypeReference<Map<String, Object>>() {
            }));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return input;
    }
}
