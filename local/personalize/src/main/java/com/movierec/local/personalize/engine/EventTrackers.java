package com.movierec.local.personalize.engine;

import com.movierec.local.personalize.engine.state.DatasetGroup;
import com.movierec.local.personalize.engine.state.EventTracker;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** CreateEventTracker (one per dataset group), DescribeEventTracker, ListEventTrackers, DeleteEventTracker. */
public final class EventTrackers {
    private final EngineContext ctx;

    EventTrackers(EngineContext ctx) {
        this.ctx = ctx;
    }

    public EventTracker create(String name, String datasetGroupArn) {
        synchronized (ctx.store) {
            Optional<EventTracker> sameName = ctx.store.trackers.list(t -> t.name().equals(name)).stream().findFirst();
            if (sameName.isPresent()) {
                throw PersonalizeException.alreadyExists(sameName.get().arn());
            }
            DatasetGroup group = ctx.store.groups.require(datasetGroupArn);
            EngineContext.requireActive(group, "to track events");
            if (ctx.store.trackers.any(t -> t.groupArn().equals(group.arn()))) {
                throw PersonalizeException.limitExceeded("Dataset group " + group.arn() + " already has an event "
                        + "tracker; a dataset group can have only one.");
            }
            long sequence = ctx.store.nextSequence();
            UUID trackingId = trackingId(name, sequence);
            EventTracker tracker = new EventTracker(arn(trackingId), name, sequence, ctx.now(), group.arn(),
                    trackingId.toString());
            ctx.store.trackers.add(tracker);
            ctx.transitions.create(tracker);
            return tracker;
        }
    }

    /**
     * The ARN a tracker created now with {@code name} gets: IAM authorises CreateEventTracker on it, and its id is
     * generated, not the name. (Another create in between would shift it; only its id would differ.)
     */
    public String nextArn(String name) {
        return arn(trackingId(name, ctx.store.peekSequence()));
    }

    /** Ids look random, as the service's do, but follow from the name and the creation order. */
    private static UUID trackingId(String name, long sequence) {
        return UUID.nameUUIDFromBytes((name + "#" + sequence).getBytes(StandardCharsets.UTF_8));
    }

    private String arn(UUID trackingId) {
        return ctx.arns.eventTracker(HexFormat.of().toHexDigits((int) trackingId.getLeastSignificantBits()));
    }

    public EventTracker describe(String eventTrackerArn) {
        return ctx.store.trackers.require(eventTrackerArn);
    }

    /** The group's tracker, or every tracker when {@code datasetGroupArn} is null. */
    public List<EventTracker> list(String datasetGroupArn) {
        if (datasetGroupArn != null) {
            ctx.store.groups.require(datasetGroupArn);
        }
        return ctx.store.trackers.list(t -> datasetGroupArn == null || datasetGroupArn.equals(t.groupArn()));
    }

    /** The tracker of the group, if it has one: the dataset's trackingId in DescribeDataset. */
    public Optional<EventTracker> ofGroup(String datasetGroupArn) {
        return ctx.store.trackers.list(t -> t.groupArn().equals(datasetGroupArn)).stream().findFirst();
    }

    public void delete(String eventTrackerArn) {
        synchronized (ctx.store) {
            EventTracker tracker = describe(eventTrackerArn);
            EngineContext.requireDeletable(tracker);
            ctx.transitions.delete(tracker, () -> ctx.store.remove(tracker));
        }
    }
}
