package com.movierec.lifecycle.watcher;

import com.movierec.lifecycle.core.Failure;
import com.movierec.schemas.contract.CustomResourceType;

/** The two long-running jobs a watcher follows, by the {@code Kind} in the state machine input. */
public enum WatcherKind {
    DATASET_IMPORT_JOB("DatasetImportJob", CustomResourceType.DATASET_IMPORT_JOB),
    SOLUTION_VERSION("SolutionVersion", CustomResourceType.SOLUTION_VERSION);

    private final String wireName;
    private final CustomResourceType resourceType;

    WatcherKind(String wireName, CustomResourceType resourceType) {
        this.wireName = wireName;
        this.resourceType = resourceType;
    }

    public static WatcherKind of(String wireName) {
        for (WatcherKind kind : values()) {
            if (kind.wireName.equals(wireName)) {
                return kind;
            }
        }
        throw Failure.of("the watcher input's Kind is '" + wireName + "': it must be DatasetImportJob or SolutionVersion");
    }

    public CustomResourceType resourceType() {
        return resourceType;
    }

    @Override
    public String toString() {
        return wireName;
    }
}
