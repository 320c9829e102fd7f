package com.movierec.local.personalize.data;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An immutable two-way mapping between string ids and dense indices 0..size-1. Indices follow the ids' natural
 * (String) order, so "ties broken by index" means "ties broken by id" and no index depends on input order.
 */
public final class IdDictionary {
    private final String[] ids;
    private final Map<String, Integer> index;

    private IdDictionary(String[] sortedDistinctIds) {
        this.ids = sortedDistinctIds;
        this.index = HashMap.newHashMap(ids.length);
        for (int i = 0; i < ids.length; i++) {
            index.put(ids[i], i);
        }
    }

    /** A dictionary of the distinct ids in {@code ids}, in sorted order. */
    public static IdDictionary of(Collection<String> ids) {
        String[] sorted = ids.stream().distinct().sorted().toArray(String[]::new);
        return new IdDictionary(sorted);
    }

    public int size() {
        return ids.length;
    }

    /** The index of {@code id}, or -1 when it is not in the dictionary. */
    public int indexOf(String id) {
        Integer i = index.get(id);
        return i == null ? -1 : i;
    }

    public String id(int index) {
        return ids[index];
    }

    public List<String> ids() {
        return List.of(ids);
    }
}
