package com.movierec.schemas.contract;

/**
 * Personalize's status strings, as its Describe calls report them: {@code CREATE PENDING > CREATE IN_PROGRESS >
 * ACTIVE -or- CREATE FAILED}, and {@code CREATE STOPPING > CREATE STOPPED} for training and import jobs. Updates
 * (latestCampaignUpdate, latestSolutionUpdate, latestDatasetUpdate) report the same CREATE-prefixed states. The
 * client-side copy; personalize-local keeps its own on purpose ({@link com.movierec.schemas.contract}).
 */
public final class PersonalizeStatus {
    public static final String ACTIVE = "ACTIVE";
    public static final String CREATE_PENDING = "CREATE PENDING";
    public static final String CREATE_IN_PROGRESS = "CREATE IN_PROGRESS";
    public static final String CREATE_FAILED = "CREATE FAILED";
    public static final String CREATE_STOPPING = "CREATE STOPPING";
    public static final String CREATE_STOPPED = "CREATE STOPPED";

    private PersonalizeStatus() {
    }
}
