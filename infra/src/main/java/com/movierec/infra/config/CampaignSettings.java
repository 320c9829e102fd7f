package com.movierec.infra.config;

/** @param minProvisionedTps the transactions per second each campaign is provisioned (and billed) for, at least 1 */
public record CampaignSettings(int minProvisionedTps) {
    public static final int DEFAULT_MIN_PROVISIONED_TPS = 1;

    public CampaignSettings {
        if (minProvisionedTps < 1) {
            throw new IllegalArgumentException("minProvisionedTps is " + minProvisionedTps + ": use 1 or more");
        }
    }
}
