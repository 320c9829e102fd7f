package com.movierec.local.personalize.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.movierec.local.personalize.engine.state.Campaign;
import com.movierec.local.personalize.engine.state.SolutionVersion;
import com.movierec.local.personalize.engine.state.Update;
import java.util.List;

/**
 * CreateCampaign, DescribeCampaign, UpdateCampaign, ListCampaigns, DeleteCampaign. A campaign serves an ACTIVE
 * version's model; an update switches the model only once it is ACTIVE, so the campaign never stops serving.
 */
public final class Campaigns {
    private final EngineContext ctx;

    Campaigns(EngineContext ctx) {
        this.ctx = ctx;
    }

    /** @param minProvisionedTPS null for Personalize's default of 1 */
    public Campaign create(String name, String solutionVersionArn, Integer minProvisionedTPS, JsonNode campaignConfig) {
        int tps = tps(minProvisionedTPS, 1);
        synchronized (ctx.store) {
            SolutionVersion version = servable(solutionVersionArn);
            Campaign campaign = new Campaign(ctx.arns.campaign(name), name, ctx.store.nextSequence(), ctx.now(),
                    new Campaign.Settings(version, tps, campaignConfig));
            ctx.store.campaigns.add(campaign);
            ctx.transitions.create(campaign);
            return campaign;
        }
    }

    public Campaign describe(String campaignArn) {
        return ctx.store.campaigns.require(campaignArn);
    }

    /** The campaigns of the solution, or every campaign when {@code solutionArn} is null. */
    public List<Campaign> list(String solutionArn) {
        if (solutionArn != null) {
            ctx.store.solutions.require(solutionArn);
        }
        return ctx.store.campaigns.list(c -> solutionArn == null
                || solutionArn.equals(c.settings().version().solution().arn()));
    }

    /** Each argument null keeps the current value. The new version must belong to the same solution. */
    public Campaign update(String campaignArn, String solutionVersionArn, Integer minProvisionedTPS,
                           JsonNode campaignConfig) {
        synchronized (ctx.store) {
            Campaign campaign = describe(campaignArn);
            EngineContext.requireActive(campaign, "to be updated");
            requireNoUpdateRunning(campaign);
            Campaign.Settings current = campaign.settings();
            SolutionVersion version = solutionVersionArn == null ? current.version() : servable(solutionVersionArn);
            if (version.solution() != current.version().solution()) {
                throw PersonalizeException.invalidInput("Solution version " + version.arn() + " belongs to another "
                        + "solution than the campaign's " + current.version().solution().arn()
                        + "; create a new campaign for it.");
            }
            Campaign.Settings requested = new Campaign.Settings(version, tps(minProvisionedTPS,
                    current.minProvisionedTPS()), campaignConfig != null ? campaignConfig : current.campaignConfig());
            Update<Campaign.Settings> update = new Update<>(requested, Status.CREATE_PENDING, ctx.now());
            campaign.latestUpdate(update);
            ctx.transitions.update(campaign, update.progress(), () -> campaign.settings(requested));
            return campaign;
        }
    }

    public void delete(String campaignArn) {
        synchronized (ctx.store) {
            Campaign campaign = describe(campaignArn);
            EngineContext.requireDeletable(campaign);
            requireNoUpdateRunning(campaign);
            ctx.transitions.delete(campaign, () -> ctx.store.remove(campaign));
        }
    }

    private SolutionVersion servable(String solutionVersionArn) {
        SolutionVersion version = ctx.store.versions.require(solutionVersionArn);
        EngineContext.requireActive(version, "to be deployed in a campaign");
        return version;
    }

    private static void requireNoUpdateRunning(Campaign campaign) {
        Update<Campaign.Settings> update = campaign.latestUpdate();
        if (update != null && Status.inFlight(update.progress().status())) {
            throw PersonalizeException.inUse("Resource " + campaign.arn() + " has an update "
                    + update.progress().status() + ".");
        }
    }

    private static int tps(Integer requested, int otherwise) {
        if (requested == null) {
            return otherwise;
        }
        return requested;
    }
}
