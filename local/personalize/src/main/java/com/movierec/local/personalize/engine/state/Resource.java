package com.movierec.local.personalize.engine.state;

import java.time.Instant;

/** A Personalize resource: its ARN, name and progress. The order of creation orders List answers. */
public abstract sealed class Resource
        permits Schema, DatasetGroup, Dataset, ImportJob, Solution, SolutionVersion, Campaign, EventTracker, Filter,
        BatchInferenceJob {
    private final String arn;
    private final String name;
    private final long sequence;
    private final Progress progress;

    protected Resource(String arn, String name, long sequence, String initialStatus, Instant now) {
        this.arn = arn;
        this.name = name;
        this.sequence = sequence;
        this.progress = new Progress(initialStatus, now);
    }

    public String arn() {
        return arn;
    }

    public String name() {
        return name;
    }

    /** Creation order across the engine: later resources have higher numbers. */
    public long sequence() {
        return sequence;
    }

    public Progress progress() {
        return progress;
    }

    public String status() {
        return progress.status();
    }

    /** The resource type as Personalize names it in ARNs, e.g. {@code dataset-group}. */
    public abstract String kind();
}
