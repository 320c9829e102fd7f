package com.movierec.local.engine;

import java.util.regex.Pattern;

/** Builds ARNs the way Personalize spells them, in one region and account. */
public final class Arns {
    /** Personalize's Arn shape: anything else fails validation before a lookup. */
    private static final Pattern ARN = Pattern.compile("arn:([a-z\\d-]+):personalize:.*:.*:.+");
    private static final int MAX_LENGTH = 256;

    private final String prefix;

    public Arns(String region, String accountId) {
        this.prefix = "arn:aws:personalize:" + region + ":" + accountId + ":";
    }

    public String schema(String name) {
        return prefix + "schema/" + name;
    }

    public String datasetGroup(String name) {
        return prefix + "dataset-group/" + name;
    }

    /** {@code dataset/<group name>/INTERACTIONS}: a group holds one dataset per type. */
    public String dataset(String groupName, String datasetType) {
        return prefix + "dataset/" + groupName + "/" + datasetType;
    }

    public String importJob(String jobName) {
        return prefix + "dataset-import-job/" + jobName;
    }

    public String solution(String name) {
        return prefix + "solution/" + name;
    }

    public String solutionVersion(String solutionName, String versionId) {
        return prefix + "solution/" + solutionName + "/" + versionId;
    }

    public String campaign(String name) {
        return prefix + "campaign/" + name;
    }

    public String eventTracker(String id) {
        return prefix + "event-tracker/" + id;
    }

    public String filter(String name) {
        return prefix + "filter/" + name;
    }

    /** Whether {@code value} has the shape of a Personalize ARN (the service validates it before a lookup). */
    public static boolean isArn(String value) {
        return value != null && value.length() <= MAX_LENGTH && ARN.matcher(value).matches();
    }
}
