package com.movierec.local.personalize.recipe;

import com.movierec.local.personalize.data.ItemCatalog;
import java.util.HashMap;
import java.util.Map;

/** Items' GENRES as sorted int sets, for a cheap Jaccard overlap between two items. */
final class GenreSets {
    private GenreSets() {
    }

    /** The genre set of each item id, numbered by first appearance; empty when the catalogue has none. */
    static int[][] of(String[] itemIds, ItemCatalog catalog) {
        Map<String, Integer> number = new HashMap<>();
        int[][] sets = new int[itemIds.length][];
        for (int i = 0; i < itemIds.length; i++) {
            sets[i] = catalog.values(itemIds[i], ItemCatalog.GENRES).stream()
                    .mapToInt(g -> number.computeIfAbsent(g, k -> number.size()))
                    .sorted().distinct().toArray();
        }
        return sets;
    }

    /** |a intersect b| / |a union b| of two sorted sets; 0 when both are empty. */
    static double jaccard(int[] a, int[] b) {
        int i = 0;
        int j = 0;
        int common = 0;
        while (i < a.length && j < b.length) {
            if (a[i] == b[j]) {
                common++;
                i++;
                j++;
            } else if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        int union = a.length + b.length - common;
        return union == 0 ? 0 : (double) common / union;
    }
}
