package com.movierec.local.engine;

import com.movierec.local.engine.state.DatasetGroup;
import com.movierec.local.engine.state.EventTracker;
import java.time.Instant;
import java.util.List;

/** PutEvents: records events into the tracker's dataset group, where filters and models see them at once. */
public final class EventIngest {
    private static final int MAX_EVENTS = 10;
    private static final int MAX_ID = 256;

    /** One event of a PutEvents request. {@code eventValue} is null when the event has none. */
    public record Event(String eventType, String itemId, Instant sentAt, Float eventValue) {
    }

    private final EngineContext ctx;

    EventIngest(EngineContext ctx) {
        this.ctx = ctx;
    }

    /** @param userId null for an anonymous session: its events are recorded under the sessionId */
    public void put(String trackingId, String userId, String sessionId, List<Event> events) {
        Validation.require("trackingId", trackingId);
        Validation.require("sessionId", sessionId);
        Validation.require("eventList", events);
        if (events.isEmpty() || events.size() > MAX_EVENTS) {
            throw Validation.failed("eventList", events.size() + " events",
                    "Member must have between 1 and " + MAX_EVENTS + " items");
        }
        for (int i = 0; i < events.size(); i++) {
            Event e = events.get(i);
            String at = "eventList." + (i + 1) + ".member";
            Validation.require(at + ".eventType", e.eventType());
            Validation.require(at + ".sentAt", e.sentAt());
            // The interactions schema requires ITEM_ID, so Personalize rejects an event without one.
            Validation.require(at + ".itemId", e.itemId());
            if (e.itemId().length() > MAX_ID) {
                throw Validation.failed(at + ".itemId", e.itemId(), "Member must have length less than or equal to "
                        + MAX_ID);
            }
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
