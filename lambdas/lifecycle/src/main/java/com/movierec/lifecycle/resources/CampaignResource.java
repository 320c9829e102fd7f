package com.movierec.lifecycle.resources;

import com.movierec.lifecycle.core.CustomResourceEvent;
import com.movierec.lifecycle.core.Failure;
import com.movierec.lifecycle.core.Properties;
import com.movierec.lifecycle.core.Retry;
import com.movierec.lifecycle.core.SdkJson;
import com.movierec.schemas.contract.CustomResourceType;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.personalize.PersonalizeClient;
import software.amazon.awssdk.services.personalize.model.Campaign;
import software.amazon.awssdk.services.personalize.model.CampaignConfig;
import software.amazon.awssdk.services.personalize.model.CampaignUpdateSummary;
import software.amazon.awssdk.services.personalize.model.CreateCampaignRequest;
import software.amazon.awssdk.services.personalize.model.DeleteCampaignRequest;
import software.amazon.awssdk.services.personalize.model.DescribeCampaignRequest;
import software.amazon.awssdk.services.personalize.model.UpdateCampaignRequest;

/**
 * {@code Custom::PersonalizeCampaign}: Name, SolutionVersionArn, MinProvisionedTPS, CampaignConfig. The last three
 * change in place with UpdateCampaign, during which the campaign keeps serving the previous version.
 *
 * <p>With CampaignConfig's {@code syncWithLatestSolutionVersion: true} (auto-training), Personalize requires
 * SolutionVersionArn in the form {@code <solution ARN>/$LATEST} and moves the campaign to each new version of that
 * solution by itself; a reported version of that solution then matches the request.
 */
public final class CampaignResource extends UpdatableResource<Campaign> {
    private static final String SOLUTION_VERSION_ARN = "SolutionVersionArn";
    private static final String MIN_TPS = "MinProvisionedTPS";
    private static final String CONFIG = "CampaignConfig";
    private static final String LATEST = "/$LATEST";

    private final PersonalizeClient personalize;

    public CampaignResource(PersonalizeClient personalize, Retry retry) {
        super(CustomResourceType.CAMPAIGN, retry);
        this.personalize = personalize;
    }

    @Override
    protected PersonalizeClient tagging() {
        return personalize;
    }

    @Override
    protected Set<String> inPlaceProperties() {
        return Set.of(SOLUTION_VERSION_ARN, MIN_TPS, CONFIG);
    }

    @Override
    protected String create(CustomResourceEvent event) {
        Properties properties = event.properties();
        requireSyncMatchesVersion(properties);
        CreateCampaignRequest request = CreateCampaignRequest.builder()
                .name(properties.required("Name"))
                .solutionVersionArn(properties.required(SOLUTION_VERSION_ARN))
                .minProvisionedTPS(properties.requiredInt(MIN_TPS, 1))
                .campaignConfig(config(properties))
                .tags(ResourceTags.forCreate(type, properties))
                .build();
        return call("CreateCampaign", () -> personalize.createCampaign(request)).campaignArn();
    }

    @Override
    protected void requestUpdate(CustomResourceEvent event, String arn) {
        Properties properties = event.properties();
        requireSyncMatchesVersion(properties);
        UpdateCampaignRequest request = UpdateCampaignRequest.builder()
                .campaignArn(arn)
                .solutionVersionArn(properties.required(SOLUTION_VERSION_ARN))
                .minProvisionedTPS(properties.requiredInt(MIN_TPS, 1))
                .campaignConfig(config(properties))
                .build();
        call("UpdateCampaign", () -> personalize.updateCampaign(request));
    }

    @Override
    protected Optional<LatestUpdate> latestUpdate(CustomResourceEvent event, Campaign campaign) {
        CampaignUpdateSummary update = campaign.latestCampaignUpdate();
        return Optional.ofNullable(update).map(u -> new LatestUpdate(u.status(), u.failureReason(),
                matches(event, u.solutionVersionArn(), u.minProvisionedTPS(), u.campaignConfig())));
    }

    @Override
    protected boolean currentMatchesRequest(CustomResourceEvent event, Campaign campaign) {
        return matches(event, campaign.solutionVersionArn(), campaign.minProvisionedTPS(), campaign.campaignConfig());
    }

    /** Personalize fills in config defaults, so the requested config only has to be contained in the reported one. */
    private boolean matches(CustomResourceEvent event, String solutionVersionArn, Integer minTps, CampaignConfig config) {
        Properties properties = event.properties();
        return sameVersion(properties.required(SOLUTION_VERSION_ARN), solutionVersionArn)
                && Objects.equals(properties.requiredInt(MIN_TPS, 1), minTps)
                && SdkJson.covers(config, config(properties));
    }

    /** The requested version, or with {@code <solution>/$LATEST} any version of that solution Personalize reports. */
    private static boolean sameVersion(String requested, String reported) {
        if (requested.equals(reported)) {
            return true;
        }
        return requested.endsWith(LATEST) && reported != null
                && reported.startsWith(requested.substring(0, requested.length() - LATEST.length() + 1));
    }

    /** Personalize's rule: syncWithLatestSolutionVersion true if and only if SolutionVersionArn ends in /$LATEST. */
    private void requireSyncMatchesVersion(Properties properties) {
        CampaignConfig config = config(properties);
        boolean sync = config != null && Boolean.TRUE.equals(config.syncWithLatestSolutionVersion());
        String version = properties.required(SOLUTION_VERSION_ARN);
        if (sync != version.endsWith(LATEST)) {
            throw Failure.property(type, SOLUTION_VERSION_ARN, sync
                    ? "must be <solution ARN>/$LATEST with CampaignConfig's syncWithLatestSolutionVersion, not '"
                            + version + "'"
                    : "ends in /$LATEST, which needs CampaignConfig's syncWithLatestSolutionVersion: true");
        }
    }

    private CampaignConfig config(Properties properties) {
        return properties.optionalJson(CONFIG)
                .<CampaignConfig>map(json -> SdkJson.read(json, CampaignConfig.builder(), CONFIG,
                        sentence -> Failure.property(type, CONFIG, "is invalid: " + sentence)))
                .orElse(null);
    }

    @Override
    protected Optional<Campaign> describe(String arn) {
        return found(() -> call("DescribeCampaign", () -> personalize.describeCampaign(
                DescribeCampaignRequest.builder().campaignArn(arn).build())).campaign());
    }

    @Override
    protected String status(Campaign campaign) {
        return campaign.status();
    }

    @Override
    protected String failureReason(Campaign campaign) {
        return campaign.failureReason();
    }

    @Override
    protected void requestDelete(String arn) {
        run("DeleteCampaign", () -> personalize.deleteCampaign(DeleteCampaignRequest.builder().campaignArn(arn).build()));
    }
}
