package com.movierec.local.personalize.engine;

import com.movierec.local.personalize.engine.state.DatasetGroup;
import com.movierec.local.personalize.engine.state.EventTracker;
import java.time.Instant;
import java.util.List;

/** PutEvents: records events into the tracker's dataset group, where filters and models see them at once. */
public final class EventIngest {
    /** One event of a PutEvents request. {@code eventValue} is null when the event has none. */
    public record Event(String eventType, String itemId, Instant sentAt, Float eventValue) {
    }

    private final EngineContext ctx;

    EventIngest(EngineContext ctx) {
        this.ctx = ctx;
    }

    /** @param userId null for an anonymous session: its events are recorded under the sessionId */
    public void put(String trackingId, String userId, String sessionId, List<Event> events) {
        for (int i = 0; i < events.size(); i++) {
            // The model leaves itemId optional, but the interactions schema requires ITEM_ID.
            Validation.require("eventList." + (i + 1) + ".member.itemId", events.get(i).itemId());
        }
        EventTracker tracker = ctx.store.trackers.list(t -> t.trackingId().equals(trackingId)).stream()
                .filter(t -> Status.ACTIVE.equals(t.status())).findFirst()
                .orElseThrow(() -> new PersonalizeException(ErrorType.RESOURCE_NOT_FOUND, "No ACTIVE event tracker "
                        + "has the trackingId " + trackingId + "."));
        DatasetGroup group = ctx.store.groups.require(tracker.groupArn());
        String who = userId != null ? userId : sessionId;
        for (Event e : events) {
            group.activity().record(who, e.itemId(), e.eventType(), e.sentAt().getEpochSecond(),
                    e.eventValue() == null ? Double.NaN : e.eventValue());
        }
    }
}
