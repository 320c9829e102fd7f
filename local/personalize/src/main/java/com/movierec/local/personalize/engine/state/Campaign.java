package com.movierec.local.personalize.engine.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.movierec.local.personalize.engine.Status;
import java.time.Instant;

/**
 * A campaign: serves one solution version's model. UpdateCampaign moves it to another version of the same solution;
 * it keeps serving the current one until the update is ACTIVE.
 */
public final class Campaign extends Resource {
    /** The values a campaign serves with; an UpdateCampaign asks for new ones. */
    public record Settings(SolutionVersion version, int minProvisionedTPS, JsonNode campaignConfig) {
    }

    private volatile Settings settings;
    private volatile Update<Settings> latestUpdate;

    public Campaign(String arn, String name, long sequence, Instant now, Settings settings) {
        super(arn, name, sequence, Status.CREATE_PENDING, now);
        this.settings = settings;
    }

    /** What the campaign serves now. */
    public Settings settings() {
        return settings;
    }

    public void settings(Settings value) {
        settings = value;
    }

    public Update<Settings> latestUpdate() {
        return latestUpdate;
    }

    public void latestUpdate(Update<Settings> value) {
        latestUpdate = value;
    }

    @Override
    public String kind() {
        return "campaign";
    }
}
