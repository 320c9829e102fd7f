package com.movierec.local.personalize.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Filters see only a user's newest 100 events of each type, as Personalize's filters do; models see them all. */
class UserEventsFilterWindowTest {
    private static List<UserEvents.Event> watches(int count, String eventType, long firstTimestamp) {
        List<UserEvents.Event> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add(new UserEvents.Event(eventType + "-" + i, eventType, firstTimestamp + i));
        }
        return events;
    }

    @Test
    void anEventOlderThanTheNewestHundredOfItsTypeNoLongerCountsForFilters() {
        UserEvents user = UserEvents.of(watches(101, "Watch", 1_000));

        assertThat(user.interacted("Watch-0", "Watch")).as("the 101st newest").isFalse();
        assertThat(user.interacted("Watch-1", "Watch")).as("the 100th newest").isTrue();
        assertThat(user.interacted("Watch-100", "watch")).isTrue();
        assertThat(user.items()).hasSize(101).contains("Watch-0");
    }

    @Test
    void eachEventTypeHasItsOwnHundredAndAnyTypeIsTheirUnion() {
        List<UserEvents.Event> events = new ArrayList<>(watches(150, "Watch", 1_000));
        events.addAll(watches(3, "Click", 10));

        UserEvents user = UserEvents.of(events);

        assertThat(user.interacted("Click-0", "Click")).as("old, but among the newest clicks").isTrue();
        assertThat(user.interacted("Click-0", UserEvents.ANY_EVENT_TYPE)).isTrue();
        assertThat(user.interacted("Watch-49", UserEvents.ANY_EVENT_TYPE)).isFalse();
        assertThat(user.interacted("Watch-50", UserEvents.ANY_EVENT_TYPE)).isTrue();
    }

    @Test
    void aNewEventPushesTheOldestOfItsTypeOutOfTheWindow() {
        UserEvents user = UserEvents.of(watches(100, "Watch", 1_000));

        UserEvents after = user.with(new UserEvents.Event("new", "Watch", 5_000));

        assertThat(user.interacted("Watch-0", "Watch")).isTrue();
        assertThat(after.interacted("Watch-0", "Watch")).isFalse();
        assertThat(after.interacted("new", "Watch")).isTrue();
    }
}
