package com.movierec.local.personalize.data;

import static org.assertj.core.api.Assertions.assertThat;

import com.movierec.local.personalize.Fixtures;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class UserHistoryTest {

    @Test
    void startsFromTheImportedInteractions() {
        UserHistory history = UserHistory.of(Fixtures.interactions("alice: a b c"));

        assertThat(history.events("alice").items()).containsExactly("a", "b", "c");
        assertThat(history.events("nobody").isEmpty()).isTrue();
    }

    @Test
    void showsARecordedEventToTheNextReadAndKeepsOlderSnapshotsUnchanged() {
        UserHistory history = UserHistory.of(Fixtures.interactions("alice: a b"));
        UserEvents before = history.events("alice");

        history.record("alice", "c", "Watch", 5000);
        history.record("bob", "a", "Click", 10);

        assertThat(history.events("alice").items()).containsExactly("a", "b", "c");
        assertThat(before.items()).containsExactly("a", "b");
        assertThat(history.events("bob").items()).containsExactly("a");
    }

    @Test
    void placesALateArrivingEventByItsTimestamp() {
        UserHistory history = UserHistory.of(Fixtures.interactions("alice: a b")); // at 1000 and 1001

        history.record("alice", "early", "Watch", 500);

        assertThat(history.events("alice").items()).containsExactly("early", "a", "b");
    }

    @Test
    void matchesEventTypesIgnoringCaseAndStarForAny() {
        UserHistory history = UserHistory.empty();
        history.record("alice", "a", "Watch", 1);
        history.record("alice", "b", "click", 2);
        UserEvents alice = history.events("alice");

        assertThat(alice.interacted("a", "WATCH")).isTrue();
        assertThat(alice.interacted("b", "Watch")).isFalse();
        assertThat(alice.interacted("b", UserEvents.ANY_EVENT_TYPE)).isTrue();
        assertThat(alice.interacted("c", UserEvents.ANY_EVENT_TYPE)).isFalse();
    }

    @Test
    void losesNoEventWhenThreadsRecordAtOnce() throws InterruptedException {
        UserHistory history = UserHistory.of(Fixtures.interactions("alice: seed"));
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int thread = t;
            threads.add(Thread.ofPlatform().start(() -> {
                for (int i = 0; i < 250; i++) {
                    history.record("alice", "t" + thread + "-" + i, "Watch", 2000 + i);
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }

        assertThat(history.events("alice").items()).hasSize(1001).startsWith("seed");
    }
}
