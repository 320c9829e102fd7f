package com.movierec.local.personalize.engine.datasetimport;

import static org.assertj.core.api.Assertions.assertThat;

import com.movierec.local.personalize.data.Interactions;
import com.movierec.local.personalize.data.UserEvents;
import org.junit.jupiter.api.Test;

class GroupActivityTest {
    @Test
    void aRecordedEventShowsAtOnceAndSurvivesTheNextImport() {
        GroupActivity activity = new GroupActivity();
        activity.imported(Interactions.builder().add("u1", "a", 1, "Watch", 4).build());
        UserEvents before = activity.history().events("u1");

        activity.record("u1", "b", "Watch", 2, Double.NaN);
        assertThat(activity.history().events("u1").items()).containsExactly("a", "b");
        assertThat(before.items()).as("snapshots never change").containsExactly("a");

        activity.imported(Interactions.builder().add("u1", "c", 0, "Watch", 3).build());
        assertThat(activity.history().events("u1").items()).containsExactly("c", "b");
    }

    @Test
    void trainingDataIsTheImportPlusEveryRecordedEvent() {
        GroupActivity activity = new GroupActivity();
        activity.imported(Interactions.builder().add("u1", "a", 1, "Watch", 4).build());
        activity.record("u2", "a", "Click", 5, 2.5);

        Interactions training = activity.trainingData();
        assertThat(training.size()).isEqualTo(2);
        int u2 = training.users().indexOf("u2");
        assertThat(training.eventType(training.start(u2))).isEqualTo("Click");
        assertThat(training.eventValue(training.start(u2))).isEqualTo(2.5);
        assertThat(activity.recordedEvents()).isEqualTo(1);
    }

    @Test
    void clearingTheInteractionsDropsImportedAndRecordedEvents() {
        GroupActivity activity = new GroupActivity();
        activity.imported(Interactions.builder().add("u1", "a", 1, "Watch", 4).build());
        activity.record("u1", "b", "Watch", 2, Double.NaN);

        activity.clearInteractions();
        assertThat(activity.history().events("u1").isEmpty()).isTrue();
        assertThat(activity.trainingData().size()).isZero();
    }
}
