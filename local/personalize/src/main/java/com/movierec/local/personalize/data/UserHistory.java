package com.movierec.local.personalize.data;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What each user has done: the imported interactions plus every event recorded since (PutEvents). Thread-safe;
 * {@link #events} is a map lookup returning an immutable snapshot, and {@link #record} replaces the user's
 * snapshot atomically, so filters and recommendations see a new event as soon as it is recorded.
 *
 * <p>A user's snapshot is built from the imported data on first use, so a large dataset costs nothing until its
 * users are asked for.
 */
public final class UserHistory {
    private final Interactions imported;
    private final ConcurrentHashMap<String, UserEvents> snapshots = new ConcurrentHashMap<>();

    private UserHistory(Interactions imported) {
        this.imported = imported;
    }

    /** A history seeded with the imported interactions. */
    public static UserHistory of(Interactions imported) {
        return new UserHistory(imported);
    }

    /** A history with no imported data. */
    public static UserHistory empty() {
        return new UserHistory(Interactions.builder().build());
    }

    /** The user's events now; empty for a user nobody has seen. */
    public UserEvents events(String userId) {
        UserEvents e = snapshots.get(userId);
        if (e != null) {
            return e;
        }
        if (imported.users().indexOf(userId) < 0) {
            return UserEvents.empty();
        }
        return snapshots.computeIfAbsent(userId, this::fromImported);
    }

    /** Records one event (PutEvents), visible to every later {@link #events} call. */
    public void record(String userId, String itemId, String eventType, long timestamp) {
        UserEvents.Event event = new UserEvents.Event(itemId, eventType, timestamp);
        snapshots.compute(userId, (id, current) -> (current != null ? current : fromImported(id)).with(event));
    }

    private UserEvents fromImported(String userId) {
        int u = imported.users().indexOf(userId);
        if (u < 0) {
            return UserEvents.empty();
        }
        List<UserEvents.Event> events = new ArrayList<>(imported.end(u) - imported.start(u));
        for (int p = imported.start(u); p < imported.end(u); p++) {
            events.add(new UserEvents.Event(imported.items().id(imported.item(p)), imported.eventType(p),
                    imported.timestamp(p)));
        }
        return UserEvents.of(events);
    }
}
