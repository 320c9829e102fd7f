package com.movierec.local.personalize.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An immutable interactions dataset: users and items as dense indices (see {@link IdDictionary}), and each user's
 * events in time order. Events are addressed by position: user {@code u}'s events are positions
 * {@code start(u) .. end(u)-1}, oldest first; events with equal timestamps keep the order they were added in.
 */
public final class Interactions {
    private final IdDictionary users;
    private final IdDictionary items;
    private final String[] eventTypes;
    private final int[] userStart;
    private final int[] item;
    private final long[] timestamp;
    private final int[] eventType;
    private final float[] eventValue;

    private Interactions(IdDictionary users, IdDictionary items, String[] eventTypes, int[] userStart, int[] item,
                         long[] timestamp, int[] eventType, float[] eventValue) {
        this.users = users;
        this.items = items;
        this.eventTypes = eventTypes;
        this.userStart = userStart;
        this.item = item;
        this.timestamp = timestamp;
        this.eventType = eventType;
        this.eventValue = eventValue;
    }

    public static Builder builder() {
        return new Builder();
    }

    public IdDictionary users() {
        return users;
    }

    public IdDictionary items() {
        return items;
    }

    public int userCount() {
        return users.size();
    }

    public int itemCount() {
        return items.size();
    }

    /** Number of events. */
    public int size() {
        return item.length;
    }

    /** Position of user {@code u}'s oldest event. */
    public int start(int u) {
        return userStart[u];
    }

    /** One past the position of user {@code u}'s newest event. */
    public int end(int u) {
        return userStart[u + 1];
    }

    public int item(int position) {
        return item[position];
    }

    public long timestamp(int position) {
        return timestamp[position];
    }

    public String eventType(int position) {
        return eventTypes[eventType[position]];
    }

    /** The EVENT_VALUE, or NaN when the event has none. */
    public double eventValue(int position) {
        return eventValue[position];
    }

    /** The distinct items user {@code u} interacted with, as sorted indices. */
    public int[] distinctItems(int u) {
        return Arrays.stream(item, start(u), end(u)).sorted().distinct().toArray();
    }

    /** A copy holding only the events {@code keep} accepts; users left without events disappear. */
    public Interactions where(EventFilter keep) {
        Builder b = builder();
        for (int u = 0; u < userCount(); u++) {
            for (int p = start(u); p < end(u); p++) {
                if (keep.accepts(this, p)) {
                    b.add(users.id(u), items.id(item[p]), timestamp[p], eventType(p), eventValue[p]);
                }
            }
        }
        return b.build();
    }

    /** Decides per event position whether {@link #where} keeps it. */
    @FunctionalInterface
    public interface EventFilter {
        boolean accepts(Interactions data, int position);
    }

    /** Collects events in any order; {@link #build()} indexes them and sorts each user's events by time. */
    public static final class Builder {
        private final Map<String, Integer> userSeen = new HashMap<>();
        private final Map<String, Integer> itemSeen = new HashMap<>();
        private final Map<String, Integer> typeSeen = new HashMap<>();
        private final List<String> userNames = new ArrayList<>();
        private final List<String> itemNames = new ArrayList<>();
        private final List<String> typeNames = new ArrayList<>();
        private int[] user = new int[1024];
        private int[] item = new int[1024];
        private long[] timestamp = new long[1024];
        private int[] type = new int[1024];
        private float[] value = new float[1024];
        private int size;

        private Builder() {
        }

        /** Adds one event; {@code eventValue} is NaN when the event has none. */
        public Builder add(String userId, String itemId, long timestamp, String eventType, double eventValue) {
            if (userId == null || userId.isEmpty() || itemId == null || itemId.isEmpty()) {
                throw new IllegalArgumentException("an interaction needs a USER_ID and an ITEM_ID");
            }
            if (size == user.length) {
                grow();
            }
            user[size] = provisional(userSeen, userNames, userId);
            item[size] = provisional(itemSeen, itemNames, itemId);
            this.timestamp[size] = timestamp;
            type[size] = provisional(typeSeen, typeNames, eventType == null ? "" : eventType);
            value[size] = (float) eventValue;
            size++;
            return this;
        }

        public Interactions build() {
            IdDictionary users = IdDictionary.of(userNames);
            IdDictionary items = IdDictionary.of(itemNames);
            int[] userIndex = remap(userNames, users);
            int[] itemIndex = remap(itemNames, items);
            int[] userStart = new int[users.size() + 1];
            for (int e = 0; e < size; e++) {
                userStart[userIndex[user[e]] + 1]++;
            }
            for (int u = 0; u < users.size(); u++) {
                userStart[u + 1] += userStart[u];
            }
            // Counting sort by user keeps insertion order; a stable sort by time per user finishes the job.
            int[] order = new int[size];
            int[] next = Arrays.copyOf(userStart, users.size());
            for (int e = 0; e < size; e++) {
                order[next[userIndex[user[e]]]++] = e;
            }
            int[] scratch = new int[size];
            for (int u = 0; u < users.size(); u++) {
                StableSort.byKey(order, scratch, userStart[u], userStart[u + 1], timestamp);
            }
            int[] items2 = new int[size];
            long[] times2 = new long[size];
            int[] types2 = new int[size];
            float[] values2 = new float[size];
            for (int p = 0; p < size; p++) {
                int e = order[p];
                items2[p] = itemIndex[item[e]];
                times2[p] = timestamp[e];
                types2[p] = type[e];
                values2[p] = value[e];
            }
            return new Interactions(users, items, typeNames.toArray(String[]::new), userStart, items2, times2,
                    types2, values2);
        }

        private static int provisional(Map<String, Integer> seen, List<String> names, String id) {
            Integer i = seen.get(id);
            if (i == null) {
                i = names.size();
                seen.put(id, i);
                names.add(id);
            }
            return i;
        }

        private static int[] remap(List<String> names, IdDictionary dictionary) {
            int[] index = new int[names.size()];
            for (int i = 0; i < index.length; i++) {
                index[i] = dictionary.indexOf(names.get(i));
            }
            return index;
        }

        private void grow() {
            int n = user.length * 2;
            user = Arrays.copyOf(user, n);
            item = Arrays.copyOf(item, n);
            timestamp = Arrays.copyOf(timestamp, n);
            type = Arrays.copyOf(type, n);
            value = Arrays.copyOf(value, n);
        }
    }
}
