package com.movierec.lifecycle.testing;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;

import java.util.Map;
import org.mockito.ArgumentMatchers;
import software.amazon.awssdk.services.personalize.PersonalizeClient;
import software.amazon.awssdk.services.personalize.model.Campaign;
import software.amazon.awssdk.services.personalize.model.DescribeCampaignRequest;
import software.amazon.awssdk.services.personalize.model.DescribeCampaignResponse;
import software.amazon.awssdk.services.personalize.model.GetSolutionMetricsRequest;
import software.amazon.awssdk.services.personalize.model.GetSolutionMetricsResponse;

/**
 * The quality gate's fixtures, shared by the deploy's ({@code SolutionMetricsResourceTest}) and the scheduled
 * retraining's ({@code RetrainingGateHandlerTest}) tests: a user-personalization solution, the version under test,
 * the version its campaign serves, and stubs for their metrics and the campaign.
 */
public final class GateFixtures {
    public static final String ACCOUNT = "arn:aws:personalize:us-east-1:123456789012:";
    public static final String SOLUTION = ACCOUNT + "solution/movierec-dev-user-personalization-1a2b3c4d";
    public static final String VERSION = SOLUTION + "/4f5e6d7c";
    public static final String VERSION_NAME = "movierec-dev-user-personalization-1a2b3c4d/4f5e6d7c";
    public static final String SERVED = SOLUTION + "/0a1b2c3d";
    public static final String CAMPAIGN = ACCOUNT + "campaign/movierec-dev-user-personalization-5e6f7a8b";
    public static final String NDCG = "normalized_discounted_cumulative_gain_at_10";
    /** Minimums NDCG@10 0.05 and precision@10 0.02, maxRegression 0.05, as the contract's JSON. */
    public static final String REGRESSION_GATE = "{\"minimums\": {\"" + NDCG + "\": \"0.05\", \"precision_at_10\": "
            + "\"0.02\"}, \"maxRegression\": \"0.05\"}";

    private GateFixtures() {
    }

    /** GetSolutionMetrics of {@code version} answers {@code metrics}. */
    public static void metrics(PersonalizeClient personalize, String version, Map<String, Double> metrics) {
        when(personalize.getSolutionMetrics(ArgumentMatchers.<GetSolutionMetricsRequest>argThat(
                request -> request != null && request.solutionVersionArn().equals(version))))
                .thenReturn(GetSolutionMetricsResponse.builder().solutionVersionArn(version).metrics(metrics).build());
    }

    /** DescribeCampaign answers {@link #CAMPAIGN} with this status, serving {@code servedVersion} (null for none). */
    public static void campaign(PersonalizeClient personalize, String servedVersion, String status) {
        when(personalize.describeCampaign(any(DescribeCampaignRequest.class))).thenReturn(
                DescribeCampaignResponse.builder().campaign(Campaign.builder().campaignArn(CAMPAIGN).status(status)
                        .solutionVersionArn(servedVersion).build()).build());
    }
}
