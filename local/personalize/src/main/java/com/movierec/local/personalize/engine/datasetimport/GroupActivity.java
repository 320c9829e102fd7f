package com.movierec.local.personalize.engine.datasetimport;

import com.movierec.local.personalize.data.Interactions;
import com.movierec.local.personalize.data.ItemCatalog;
import com.movierec.local.personalize.data.UserHistory;
import java.util.ArrayList;
import java.util.List;

/**
 * A dataset group's live data: the imported interactions and items, the events recorded since (PutEvents), and the
 * users' histories built from both. Recorded events survive a FULL import, as Personalize keeps individually
 * recorded data. Readers ({@link #history()}, {@link #items()}) take no lock; writers synchronise on this object.
 */
public final class GroupActivity {
    private record RecordedEvent(String userId, String itemId, String eventType, long timestamp, double value) {
    }

    private final List<RecordedEvent> recorded = new ArrayList<>();
    private Interactions imported = Interactions.builder().build();
    private volatile UserHistory history = UserHistory.empty();
    private volatile ItemCatalog items = ItemCatalog.empty();

    /** Every user's events now: imported plus recorded. */
    public UserHistory history() {
        return history;
    }

    /** The Items dataset's data; empty when there is none. */
    public ItemCatalog items() {
        return items;
    }

    public void items(ItemCatalog value) {
        items = value;
    }

    /** New imported interactions (an import finished, or the dataset went away): histories are rebuilt from them. */
    public synchronized void imported(Interactions data) {
        imported = data;
        UserHistory next = UserHistory.of(data);
        for (RecordedEvent e : recorded) {
            next.record(e.userId(), e.itemId(), e.eventType(), e.timestamp());
        }
        history = next;
    }

    /** The Interactions dataset went away, and with it the imported and the recorded events. */
    public synchronized void clearInteractions() {
        recorded.clear();
        imported(Interactions.builder().build());
    }

    /** Records one event (PutEvents): the user's history shows it at once, the next training trains on it. */
    public synchronized void record(String userId, String itemId, String eventType, long timestamp, double value) {
        recorded.add(new RecordedEvent(userId, itemId, eventType, timestamp, value));
        history.record(userId, itemId, eventType, timestamp);
    }

    /** What a training starting now trains on: the imported interactions plus the recorded events. */
    public synchronized Interactions trainingData() {
        if (recorded.isEmpty()) {
            return imported;
        }
        Interactions.Builder b = Interactions.builder();
        Concatenation.addAll(b, imported);
        for (RecordedEvent e : recorded) {
            b.add(e.userId(), e.itemId(), e.timestamp(), e.eventType(), e.value());
        }
        return b.build();
    }

    public synchronized int recordedEvents() {
        return recorded.size();
    }
}
