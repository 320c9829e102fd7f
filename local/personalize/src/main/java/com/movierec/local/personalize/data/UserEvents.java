package com.movierec.local.personalize.data;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One user's events at one moment: an immutable snapshot, oldest first. A request takes one snapshot and uses it
 * for both scoring and filtering, so a concurrent PutEvents never shows half-applied.
 */
public final class UserEvents {
    /**
     * How many of a user's newest events of each type filters consider: Personalize's default quota ("up to 100 of
     * the most recent interactions per user per event type", filter-expressions.html). Models see every event.
     */
    public static final int FILTER_EVENTS_PER_TYPE = 100;

    /** Matches every event type in {@link #interacted}, like Personalize's {@code IN ("*")}. */
    public static final String ANY_EVENT_TYPE = "*";

    private static final UserEvents EMPTY = new UserEvents(List.of());

    /** One event as a filter and a model see it. */
    public record Event(String itemId, String eventType, long timestamp) {
    }

    private final List<Event> events;
    private final List<String> items;
    private final Map<String, Set<String>> itemsByEventType;
    private final Set<String> allItems;

    private UserEvents(List<Event> eventsInTimeOrder) {
        this.events = List.copyOf(eventsInTimeOrder);
        this.items = events.stream().map(Event::itemId).toList();
        // What filters see: per event type only the newest FILTER_EVENTS_PER_TYPE events, as in Personalize.
        Map<String, List<String>> newestByType = new HashMap<>();
        for (int i = events.size() - 1; i >= 0; i--) {
            Event e = events.get(i);
            List<String> newest = newestByType.computeIfAbsent(normalise(e.eventType()), t -> new ArrayList<>());
            if (newest.size() < FILTER_EVENTS_PER_TYPE) {
                newest.add(e.itemId());
            }
        }
        Map<String, Set<String>> byType = new HashMap<>();
        Set<String> any = new HashSet<>();
        newestByType.forEach((type, newest) -> {
            byType.put(type, Set.copyOf(newest));
            any.addAll(newest);
        });
        this.itemsByEventType = Map.copyOf(byType);
        this.allItems = Set.copyOf(any);
    }

    public static UserEvents empty() {
        return EMPTY;
    }

    /** A snapshot of {@code events} in time order (stable: equal timestamps keep their order). */
    public static UserEvents of(List<Event> events) {
        List<Event> sorted = new ArrayList<>(events);
        sorted.sort(Comparator.comparingLong(Event::timestamp));
        return new UserEvents(sorted);
    }

    public boolean isEmpty() {
        return events.isEmpty();
    }

    public List<Event> events() {
        return events;
    }

    /** The items of the events, oldest first, repeats kept. */
    public List<String> items() {
        return items;
    }

    /**
     * Whether one of the user's newest {@link #FILTER_EVENTS_PER_TYPE} events of {@code eventType} is on
     * {@code itemId}. Event types match ignoring case, the only case-insensitive match in Personalize's filters;
     * {@link #ANY_EVENT_TYPE} matches any type (the newest of each type).
     */
    public boolean interacted(String itemId, String eventType) {
        if (ANY_EVENT_TYPE.equals(eventType)) {
            return allItems.contains(itemId);
        }
        Set<String> items = itemsByEventType.get(normalise(eventType));
        return items != null && items.contains(itemId);
    }

    /** A new snapshot with {@code event} added after every event not newer than it. */
    public UserEvents with(Event event) {
        List<Event> next = new ArrayList<>(events.size() + 1);
        int at = events.size();
        while (at > 0 && events.get(at - 1).timestamp() > event.timestamp()) {
            at--;
        }
        next.addAll(events.subList(0, at));
        next.add(event);
        next.addAll(events.subList(at, events.size()));
        return new UserEvents(next);
    }

    private static String normalise(String eventType) {
        return eventType == null ? "" : eventType.toLowerCase(Locale.ROOT);
    }
}
