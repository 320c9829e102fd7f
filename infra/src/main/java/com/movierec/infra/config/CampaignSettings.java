package com.movierec.infra.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/** @param minProvisionedTps the transactions per second each campaign is provisioned (and billed) for, at least 1 */
public record CampaignSettings(
        @JsonProperty(value = "minProvisionedTPS", defaultValue = "" + CampaignSettings.DEFAULT_MIN_PROVISIONED_TPS)
        @Fix("set a whole number of 1 or more (each campaign is provisioned, and billed, for at least this many "
                + "requests per second)")
        int minProvisionedTps) {
    public static final int DEFAULT_MIN_PROVISIONED_TPS = 1;

    public CampaignSettings {
        new ConfigCheck(CampaignSettings.class).require(minProvisionedTps >= 1, "minProvisionedTPS", minProvisionedTps)
                .done();
    }
}
