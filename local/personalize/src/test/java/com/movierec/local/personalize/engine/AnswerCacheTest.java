package com.movierec.local.personalize.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.movierec.local.personalize.data.ItemCatalog;
import com.movierec.local.personalize.data.UserEvents;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AnswerCacheTest {
    private final AtomicInteger computed = new AtomicInteger();

    @Test
    void theSameInputsAreComputedOnceAndNewSnapshotsAreNewKeys() {
        AnswerCache cache = new AnswerCache(10);
        UserEvents before = UserEvents.of(List.of(new UserEvents.Event("a", "Watch", 1)));
        UserEvents after = before.with(new UserEvents.Event("b", "Watch", 2));

        RuntimeAnswer first = cache.get(key(before, 5), this::compute);
        assertThat(cache.get(key(before, 5), this::compute)).isSameAs(first);
        cache.get(key(after, 5), this::compute);
        cache.get(key(before, 6), this::compute);
        assertThat(computed).hasValue(3);
    }

    @Test
    void aFullCacheStartsOverAndSizeZeroKeepsNothing() {
        AnswerCache small = new AnswerCache(1);
        small.get(key(UserEvents.empty(), 1), this::compute);
        small.get(key(UserEvents.empty(), 2), this::compute);
        small.get(key(UserEvents.empty(), 1), this::compute);
        assertThat(computed).hasValue(3);

        AnswerCache off = new AnswerCache(0);
        off.get(key(UserEvents.empty(), 1), this::compute);
        off.get(key(UserEvents.empty(), 1), this::compute);
        assertThat(computed).hasValue(5);
    }

    private static AnswerCache.Key key(UserEvents user, int n) {
        return new AnswerCache.Key(null, user, ItemCatalog.empty(), null, Map.of(), null, n);
    }

    private RuntimeAnswer compute() {
        computed.incrementAndGet();
        return new RuntimeAnswer(List.of(), false);
    }
}
