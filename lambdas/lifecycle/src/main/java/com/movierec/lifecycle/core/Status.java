package com.movierec.lifecycle.core;

import static com.movierec.schemas.contract.PersonalizeStatus.ACTIVE;
import static com.movierec.schemas.contract.PersonalizeStatus.CREATE_IN_PROGRESS;
import static com.movierec.schemas.contract.PersonalizeStatus.CREATE_PENDING;

/**
 * What the lifecycle makes of Personalize's status strings ({@link com.movierec.schemas.contract.PersonalizeStatus}):
 * {@code CREATE PENDING > CREATE IN_PROGRESS > ACTIVE -or- CREATE FAILED}, {@code CREATE STOPPING > CREATE STOPPED}
 * for training and import jobs, {@code DELETE PENDING > DELETE IN_PROGRESS}. Updates (latestCampaignUpdate,
 * latestSolutionUpdate, latestDatasetUpdate) report the same CREATE-prefixed states.
 */
public final class Status {
    private Status() {
    }

    public static boolean isActive(String status) {
        return ACTIVE.equals(status);
    }

    /** A final state that is not ACTIVE: FAILED, or a STOPPED job that will never become ACTIVE. */
    public static boolean isFailed(String status) {
        return status != null && (status.endsWith("FAILED") || status.endsWith("STOPPED"));
    }

    public static boolean isSettled(String status) {
        return isActive(status) || isFailed(status);
    }

    public static boolean isDeleting(String status) {
        return status != null && status.startsWith("DELETE") && !isFailed(status);
    }

    /** Training or importing, and so still stoppable with StopSolutionVersionCreation. */
    public static boolean isStoppable(String status) {
        return CREATE_PENDING.equals(status) || CREATE_IN_PROGRESS.equals(status);
    }
}
