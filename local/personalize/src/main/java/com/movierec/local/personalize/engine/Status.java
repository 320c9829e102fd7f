package com.movierec.local.personalize.engine;

/**
 * Personalize's status strings. Creation: CREATE PENDING, CREATE IN_PROGRESS, then ACTIVE or CREATE FAILED; a
 * training can also go CREATE STOPPING, CREATE STOPPED. Deletion: DELETE PENDING, DELETE IN_PROGRESS, then gone.
 */
public final class Status {
    public static final String ACTIVE = "ACTIVE";
    public static final String CREATE_PENDING = "CREATE PENDING";
    public static final String CREATE_IN_PROGRESS = "CREATE IN_PROGRESS";
    public static final String CREATE_FAILED = "CREATE FAILED";
    public static final String CREATE_STOPPING = "CREATE STOPPING";
    public static final String CREATE_STOPPED = "CREATE STOPPED";
    public static final String DELETE_PENDING = "DELETE PENDING";
    public static final String DELETE_IN_PROGRESS = "DELETE IN_PROGRESS";

    private Status() {
    }

    /** Still being created (or stopped): neither usable nor deletable yet. */
    public static boolean inFlight(String status) {
        return CREATE_PENDING.equals(status) || CREATE_IN_PROGRESS.equals(status) || CREATE_STOPPING.equals(status);
    }

    /** The states Personalize deletes a resource from. */
    public static boolean deletable(String status) {
        return ACTIVE.equals(status) || CREATE_FAILED.equals(status) || CREATE_STOPPED.equals(status);
    }
}
