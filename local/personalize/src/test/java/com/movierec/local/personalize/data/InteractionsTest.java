package com.movierec.local.personalize.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InteractionsTest {

    @Test
    void numbersUsersAndItemsInIdOrderWhateverTheInputOrder() {
        Interactions data = Interactions.builder()
                .add("b", "y", 1, "Watch", 4)
                .add("a", "z", 1, "Watch", 4)
                .add("a", "x", 2, "Watch", 4)
                .build();

        assertThat(data.users().ids()).containsExactly("a", "b");
        assertThat(data.items().ids()).containsExactly("x", "y", "z");
        assertThat(data.users().indexOf("b")).isEqualTo(1);
        assertThat(data.items().indexOf("nope")).isEqualTo(-1);
        assertThat(data.size()).isEqualTo(3);
    }

    @Test
    void keepsEachUsersEventsInTimeOrderAndEqualTimesInInputOrder() {
        Interactions data = Interactions.builder()
                .add("u", "late", 30, "Watch", 5)
                .add("u", "first-at-20", 20, "Click", Double.NaN)
                .add("u", "early", 10, "Watch", 3)
                .add("u", "second-at-20", 20, "Watch", 1)
                .build();

        List<String> items = new ArrayList<>();
        for (int p = data.start(0); p < data.end(0); p++) {
            items.add(data.items().id(data.item(p)));
        }
        assertThat(items).containsExactly("early", "first-at-20", "second-at-20", "late");
        assertThat(data.eventType(data.start(0) + 1)).isEqualTo("Click");
        assertThat(data.eventValue(data.start(0) + 1)).isNaN();
        assertThat(data.eventValue(data.end(0) - 1)).isEqualTo(5.0);
    }

    @Test
    void sortsLongHistoriesStablyToo() {
        Interactions.Builder b = Interactions.builder();
        for (int i = 0; i < 500; i++) {
            b.add("u", "item" + i, (i * 7919L) % 97, "Watch", i); // many equal timestamps, scrambled
        }
        Interactions data = b.build();

        for (int p = data.start(0) + 1; p < data.end(0); p++) {
            assertThat(data.timestamp(p)).isGreaterThanOrEqualTo(data.timestamp(p - 1));
            if (data.timestamp(p) == data.timestamp(p - 1)) {
                assertThat(data.eventValue(p)).isGreaterThan(data.eventValue(p - 1)); // value = input position
            }
        }
    }

    @Test
    void listsDistinctItemsOnceEvenWhenWatchedTwice() {
        Interactions data = Interactions.builder()
                .add("u", "b", 1, "Watch", 4).add("u", "a", 2, "Watch", 4).add("u", "b", 3, "Watch", 4)
                .build();

        assertThat(data.distinctItems(0)).containsExactly(data.items().indexOf("a"), data.items().indexOf("b"));
    }

    @Test
    void whereKeepsOnlyAcceptedEventsAndDropsUsersLeftWithNone() {
        Interactions data = Interactions.builder()
                .add("u1", "a", 1, "Watch", 4).add("u1", "b", 2, "Click", 4).add("u2", "c", 1, "Click", 4)
                .build();

        Interactions watches = data.where((d, p) -> d.eventType(p).equals("Watch"));

        assertThat(watches.users().ids()).containsExactly("u1");
        assertThat(watches.items().ids()).containsExactly("a");
    }

    @Test
    void rejectsAnEventWithoutUserOrItem() {
        assertThatThrownBy(() -> Interactions.builder().add("", "a", 1, "Watch", 1))
                .hasMessageContaining("USER_ID");
    }
}
