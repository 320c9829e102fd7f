package com.movierec.local.personalize.engine.state;

import com.movierec.local.personalize.engine.Status;
import java.time.Instant;

/** A dataset import job: a CSV in (local) S3 into a dataset, replacing (FULL) or adding to (INCREMENTAL) its data. */
public final class ImportJob extends Resource {
    private final String datasetArn;
    private final String dataLocation;
    private final String roleArn;
    private final String importMode;
    private final boolean publishAttributionMetricsToS3;

    public ImportJob(String arn, String name, long sequence, Instant now, String datasetArn, String dataLocation,
                     String roleArn, String importMode, boolean publishAttributionMetricsToS3) {
        super(arn, name, sequence, Status.CREATE_PENDING, now);
        this.datasetArn = datasetArn;
        this.dataLocation = dataLocation;
        this.roleArn = roleArn;
        this.importMode = importMode;
        this.publishAttributionMetricsToS3 = publishAttributionMetricsToS3;
    }

    public String datasetArn() {
        return datasetArn;
    }

    public String dataLocation() {
        return dataLocation;
    }

    public String roleArn() {
        return roleArn;
    }

    /** FULL or INCREMENTAL. */
    public String importMode() {
        return importMode;
    }

    public boolean incremental() {
        return "INCREMENTAL".equals(importMode);
    }

    public boolean publishAttributionMetricsToS3() {
        return publishAttributionMetricsToS3;
    }

    @Override
    public String kind() {
        return "dataset-import-job";
    }
}
