package com.movierec.local.personalize.engine.state;

import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Every resource of one engine. Changes to resources and to their status happen while holding this object's
 * monitor ({@code synchronized (store)}), so checks such as "no dataset uses this schema" and the change they guard
 * are atomic; reads need no lock.
 */
public final class ResourceStore {
    public final Registry<Schema> schemas = new Registry<>();
    public final Registry<DatasetGroup> groups = new Registry<>();
    public final Registry<Dataset> datasets = new Registry<>();
    public final Registry<ImportJob> importJobs = new Registry<>();
    public final Registry<Solution> solutions = new Registry<>();
    public final Registry<SolutionVersion> versions = new Registry<>();
    public final Registry<Campaign> campaigns = new Registry<>();
    public final Registry<EventTracker> trackers = new Registry<>();
    public final Registry<Filter> filters = new Registry<>();
    public final Registry<BatchInferenceJob> batchJobs = new Registry<>();
    private final AtomicLong sequence = new AtomicLong();

    /** The next creation number. */
    /** The number {@link #nextSequence()} will hand out next (for naming a resource before it is created). */
    public long peekSequence() {
        return sequence.get() + 1;
    }

    public long nextSequence() {
        return sequence.incrementAndGet();
    }

    /** Whether {@code resource} is still registered (not deleted, not reset away). */
    public boolean holds(Resource resource) {
        return registryOf(resource).holds(resource);
    }

    public void remove(Resource resource) {
        registryOf(resource).remove(resource);
    }

    /** Every resource, oldest first. */
    public List<Resource> all() {
        return Stream.of(schemas, groups, datasets, importJobs, solutions, versions, campaigns, trackers, filters,
                        batchJobs)
                .flatMap(r -> r.list(x -> true).stream())
                .map(Resource.class::cast)
                .sorted(Comparator.comparingLong(Resource::sequence))
                .toList();
    }

    public void clear() {
        Stream.of(schemas, groups, datasets, importJobs, solutions, versions, campaigns, trackers, filters,
                        batchJobs)
                .forEach(Registry::clear);
    }

    private Registry<?> registryOf(Resource resource) {
        return switch (resource) {
            case Schema s -> schemas;
            case DatasetGroup g -> groups;
            case Dataset d -> datasets;
            case ImportJob j -> importJobs;
            case Solution s -> solutions;
            case SolutionVersion v -> versions;
            case Campaign c -> campaigns;
            case EventTracker t -> trackers;
            case Filter f -> filters;
            case BatchInferenceJob b -> batchJobs;
        };
    }
}
