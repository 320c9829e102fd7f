package com.movierec.local.personalize.recipe;

import java.util.List;

/**
 * The answer to one query, best first.
 *
 * @param items     the recommended (or ranked) items
 * @param coldStart true when the model knew nothing about the user (no modelled item in the history) or, for
 *                  related items, about the item, so the answer is popularity instead
 */
public record Recommendations(List<ScoredItem> items, boolean coldStart) {

    public Recommendations {
        items = List.copyOf(items);
    }

    /** The item ids in order. */
    public List<String> itemIds() {
        return items.stream().map(ScoredItem::itemId).toList();
    }
}
