package com.movierec.local.deployer.run;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.personalize.PersonalizeClient;
import software.amazon.awssdk.services.personalize.model.Campaign;
import software.amazon.awssdk.services.personalize.model.CampaignSummary;
import software.amazon.awssdk.services.personalize.model.SolutionVersion;

/**
 * Reads, through Personalize's own API (ListCampaigns, DescribeCampaign, DescribeSolutionVersion,
 * GetSolutionMetrics), what each campaign serves and how well it did offline: what a platform team would look at
 * in the console after a deploy.
 */
final class ServedModels {
    private ServedModels() {
    }

    /** One entry per campaign, by campaign name. */
    /** @param credentials the person's: local mode's administrator when IAM is enforced */
    static List<ServedModelMetrics> read(URI personalizeEndpoint, String region, AwsCredentialsProvider credentials) {
        try (PersonalizeClient personalize = PersonalizeClient.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .region(Region.of(region))
                .credentialsProvider(credentials)
                .endpointOverride(personalizeEndpoint)
                .build()) {
            List<ServedModelMetrics> served = new ArrayList<>();
            for (CampaignSummary summary : personalize.listCampaignsPaginator(r -> { }).campaigns()) {
                Campaign campaign = personalize.describeCampaign(r -> r.campaignArn(summary.campaignArn())).campaign();
                SolutionVersion version = personalize.describeSolutionVersion(
                        r -> r.solutionVersionArn(campaign.solutionVersionArn())).solutionVersion();
                var metrics = personalize.getSolutionMetrics(
                        r -> r.solutionVersionArn(campaign.solutionVersionArn())).metrics();
                served.add(new ServedModelMetrics(campaign.name(), recipeName(version.recipeArn()),
                        campaign.solutionVersionArn(), metrics));
            }
            served.sort(Comparator.comparing(ServedModelMetrics::campaignName));
            return served;
        }
    }

    /** {@code arn:aws:personalize:::recipe/aws-user-personalization-v2} is {@code aws-user-personalization-v2}. */
    private static String recipeName(String recipeArn) {
        return recipeArn == null ? "?" : recipeArn.substring(recipeArn.lastIndexOf('/') + 1);
    }
}
