package com.movierec.local.personalize.engine.datasetimport;

import static org.assertj.core.api.Assertions.assertThat;

import com.movierec.local.personalize.data.Interactions;
import org.junit.jupiter.api.Test;

class InteractionMinimumsTest {
    @Test
    void a1000InteractionsFrom25ActiveUsersIsEnough() {
        assertThat(InteractionMinimums.violation(data(1000, 25))).isEmpty();
    }

    @Test
    void oneInteractionShortIsNot() {
        assertThat(InteractionMinimums.violation(data(999, 25))).hasValueSatisfying(reason ->
                assertThat(reason).contains("at least 1000 interactions").contains("it has 999"));
    }

    @Test
    void oneActiveUserShortIsNot() {
        Interactions.Builder b = Interactions.builder();
        for (int i = 0; i < 1000; i++) {
            b.add("user" + (i < 976 ? i % 24 : 100 + i), "item" + i % 40, i, "Watch", Double.NaN);
        }
        assertThat(InteractionMinimums.violation(b.build())).hasValueSatisfying(reason ->
                assertThat(reason).contains("at least 25 unique users").contains("has 24"));
    }

    /** {@code events} events spread evenly over {@code users} users. */
    private static Interactions data(int events, int users) {
        Interactions.Builder b = Interactions.builder();
        for (int i = 0; i < events; i++) {
            b.add("user" + i % users, "item" + i % 40, i, "Watch", Double.NaN);
        }
        return b.build();
    }
}
