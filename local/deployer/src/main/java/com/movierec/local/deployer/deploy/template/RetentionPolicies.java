package com.movierec.local.deployer.deploy.template;

/** CloudFormation's DeletionPolicy values, as far as a local destroy cares. */
public final class RetentionPolicies {
    public static final String DELETE = "Delete";

    private RetentionPolicies() {
    }

    /**
     * Retain keeps the resource; Snapshot keeps it too locally (there is nothing to snapshot); RetainExceptOnCreate
     * deletes it only when the stack creation that made it is rolled back, which the rollback path handles itself.
     */
    public static boolean retainedOnDelete(String deletionPolicy) {
        return switch (deletionPolicy) {
            case "Retain", "Snapshot", "RetainExceptOnCreate" -> true;
            default -> false;
        };
    }

    /** A stack creation that rolls back keeps Retain and Snapshot resources but deletes RetainExceptOnCreate ones. */
    public static boolean retainedOnRollback(String deletionPolicy) {
        return deletionPolicy.equals("Retain") || deletionPolicy.equals("Snapshot");
    }
}
