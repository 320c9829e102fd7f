package com.movierec.local.deployer.deploy;

/** CloudFormation's resource and stack statuses, as the local deployer reports them in its events and state. */
public enum ResourceStatus {
    CREATE_IN_PROGRESS,
    CREATE_COMPLETE,
    CREATE_FAILED,
    UPDATE_IN_PROGRESS,
    UPDATE_COMPLETE,
    UPDATE_FAILED,
    UPDATE_COMPLETE_CLEANUP_IN_PROGRESS,
    DELETE_IN_PROGRESS,
    DELETE_COMPLETE,
    DELETE_FAILED,
    DELETE_SKIPPED,
    ROLLBACK_IN_PROGRESS,
    ROLLBACK_COMPLETE,
    ROLLBACK_FAILED,
    UPDATE_ROLLBACK_IN_PROGRESS,
    UPDATE_ROLLBACK_COMPLETE,
    UPDATE_ROLLBACK_FAILED;

    public boolean failed() {
        return name().endsWith("_FAILED");
    }
}
