package com.movierec.local.personalize.server.control;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.movierec.local.personalize.engine.Campaigns;
import com.movierec.local.personalize.engine.state.Campaign;
import com.movierec.local.personalize.engine.state.Update;
import com.movierec.local.personalize.server.Json;

/** CreateCampaign, DescribeCampaign, UpdateCampaign, ListCampaigns, DeleteCampaign. */
final class CampaignOperations {
    private CampaignOperations() {
    }

    static void register(OperationTable table, Campaigns campaigns) {
        table.add("CreateCampaign", r -> Shapes.arn("campaignArn", campaigns.create(r.string("name"),
                r.string("solutionVersionArn"), r.integer("minProvisionedTPS"), r.json("campaignConfig")).arn()));
        table.add("DescribeCampaign", r -> Json.object().set("campaign",
                campaign(campaigns.describe(r.string("campaignArn")))));
        table.add("UpdateCampaign", r -> Shapes.arn("campaignArn", campaigns.update(r.string("campaignArn"),
                r.string("solutionVersionArn"), r.integer("minProvisionedTPS"), r.json("campaignConfig")).arn()));
        table.add("ListCampaigns", r -> Pages.page(r, "campaigns", campaigns.list(r.string("solutionArn")),
                CampaignOperations::summary));
        table.add("DeleteCampaign", r -> {
            campaigns.delete(r.string("campaignArn"));
            return Json.object();
        });
    }

    private static ObjectNode campaign(Campaign c) {
        ObjectNode n = settings(summary(c), c.settings());
        Update<Campaign.Settings> update = c.latestUpdate();
        if (update != null) {
            n.set("latestCampaignUpdate", Shapes.progress(settings(Json.object(), update.requested()),
                    update.progress()));
        }
        return n;
    }

    private static ObjectNode settings(ObjectNode n, Campaign.Settings s) {
        n.put("solutionVersionArn", s.version().arn()).put("minProvisionedTPS", s.minProvisionedTPS());
        return Json.put(n, "campaignConfig", s.campaignConfig());
    }

    private static ObjectNode summary(Campaign c) {
        return Shapes.progress(Json.object().put("name", c.name()).put("campaignArn", c.arn()), c.progress());
    }
}
