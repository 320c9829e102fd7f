package com.movierec.local.personalize.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.movierec.local.personalize.Fixtures;
import com.movierec.local.personalize.data.Interactions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class HoldoutSplitTest {

    @Test
    void holdsOutTenPercentOfTheUsersWithEnoughEventsRoundedUp() {
        List<String> lines = new ArrayList<>();
        for (int u = 0; u < 95; u++) {
            lines.add("user" + u + ": a b c");
        }
        lines.add("loner: a"); // one event: cannot be split, so neither counted nor held out

        HoldoutSplit split = HoldoutSplit.of(Fixtures.interactions(lines.toArray(String[]::new)));

        assertThat(split.evaluated()).hasSize(10).noneMatch(user -> user.userId().equals("loner"));
    }

    @Test
    void givesTheNewestTenPercentAsTruthAndTheRestAsInput() {
        String items = String.join(" ", numbered("i", 20));
        List<String> lines = new ArrayList<>();
        for (int u = 0; u < 10; u++) {
            lines.add("user" + u + ": " + items);
        }

        HoldoutSplit split = HoldoutSplit.of(Fixtures.interactions(lines.toArray(String[]::new)));

        HoldoutSplit.HeldOutUser user = split.evaluated().get(0);
        assertThat(user.input()).containsExactlyElementsOf(numbered("i", 18));
        assertThat(user.truth()).containsExactlyInAnyOrder("i18", "i19");
        int u = split.training().users().indexOf(user.userId());
        assertThat(split.training().end(u) - split.training().start(u)).isEqualTo(18);
        assertThat(split.training().size()).isEqualTo(9 * 20 + 18);
    }

    @Test
    void keepsAtLeastOneEventOnEachSideAndNeverHoldsOutAUserWithOne() {
        HoldoutSplit split = HoldoutSplit.of(Fixtures.interactions("a: x", "b: x y"));

        assertThat(split.evaluated()).singleElement().satisfies(user -> {
            assertThat(user.userId()).isEqualTo("b");
            assertThat(user.input()).containsExactly("x");
            assertThat(user.truth()).containsExactly("y");
        });
    }

    @Test
    void doesNotCountARepeatOfAnInputItemAsTruth() {
        List<String> lines = new ArrayList<>();
        for (int u = 0; u < 10; u++) {
            lines.add("user" + u + ": x x");
        }

        HoldoutSplit split = HoldoutSplit.of(Fixtures.interactions(lines.toArray(String[]::new)));

        assertThat(split.evaluated()).isEmpty(); // the held-out user's only "new" item is a repeat
        assertThat(split.training().size()).isEqualTo(9 * 2 + 1); // but its input still trains the model
    }

    @Test
    void choosesTheSameUsersWhateverTheInputOrder() {
        Interactions data = Fixtures.random(5, 200, 80);
        List<Integer> order = new ArrayList<>();
        for (int u = 0; u < data.userCount(); u++) {
            order.add(u);
        }
        Collections.shuffle(order, new Random(9));
        Interactions.Builder reordered = Interactions.builder();
        for (int u : order) {
            for (int p = data.start(u); p < data.end(u); p++) {
                reordered.add(data.users().id(u), data.items().id(data.item(p)), data.timestamp(p),
                        data.eventType(p), data.eventValue(p));
            }
        }

        assertThat(HoldoutSplit.of(reordered.build()).evaluated()).isEqualTo(HoldoutSplit.of(data).evaluated());
    }

    private static List<String> numbered(String prefix, int count) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(prefix + i);
        }
        return out;
    }
}
