package com.movierec.local.personalize.engine;

/** Builds ARNs the way Personalize spells them, in one region and account. */
public final class Arns {
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

    public String batchInferenceJob(String jobName) {
        return prefix + "batch-inference-job/" + jobName;
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
}
