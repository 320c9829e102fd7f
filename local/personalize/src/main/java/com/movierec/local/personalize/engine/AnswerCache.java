package com.movierec.local.personalize.engine;

import com.movierec.local.personalize.data.ItemCatalog;
import com.movierec.local.personalize.data.UserEvents;
import com.movierec.local.personalize.engine.state.Filter;
import com.movierec.local.personalize.recipe.TrainedModel;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * GetRecommendations answers, kept by everything an answer depends on. Every input is immutable and replaced,
 * never changed, when the world changes: a campaign update swaps the model, PutEvents swaps the user's history
 * snapshot, an import swaps the catalogue and the histories. So a key holding those objects (compared by identity)
 * can never return a stale answer: a change simply makes new keys. Bounded: when full it starts over.
 */
final class AnswerCache {
    /** What one answer depends on; the objects compare by identity, the values by value. */
    record Key(TrainedModel model, UserEvents user, ItemCatalog items, Filter filter, Map<String, String> filterValues,
               String itemId, int numResults) {
    }

    private final int capacity;
    private final ConcurrentHashMap<Key, RuntimeAnswer> answers = new ConcurrentHashMap<>();

    /** @param capacity answers kept at most; 0 turns the cache off */
    AnswerCache(int capacity) {
        this.capacity = capacity;
    }

    RuntimeAnswer get(Key key, Supplier<RuntimeAnswer> compute) {
        if (capacity == 0) {
            return compute.get();
        }
        RuntimeAnswer answer = answers.get(key);
        if (answer == null) {
            answer = compute.get();
            if (answers.size() >= capacity) {
                answers.clear(); // keys of replaced snapshots pile up otherwise; recomputing is cheap
            }
            answers.put(key, answer);
        }
        return answer;
    }

    void clear() {
        answers.clear();
    }
}
