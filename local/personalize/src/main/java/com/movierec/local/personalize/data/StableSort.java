package com.movierec.local.personalize.data;

/** A stable merge sort of an int index range by a long key per index, without boxing. */
final class StableSort {
    private static final int INSERTION_LIMIT = 32;

    private StableSort() {
    }

    /** Sorts {@code order[from..to)} by {@code key[order[i]]}; equal keys keep their relative order. */
    static void byKey(int[] order, int[] scratch, int from, int to, long[] key) {
        if (to - from <= INSERTION_LIMIT) {
            insertion(order, from, to, key);
            return;
        }
        int mid = (from + to) >>> 1;
        byKey(order, scratch, from, mid, key);
        byKey(order, scratch, mid, to, key);
        if (key[order[mid - 1]] <= key[order[mid]]) {
            return; // already in order, the common case for time-ordered input
        }
        System.arraycopy(order, from, scratch, from, to - from);
        int i = from;
        int j = mid;
        for (int k = from; k < to; k++) {
            if (j >= to || (i < mid && key[scratch[i]] <= key[scratch[j]])) {
                order[k] = scratch[i++];
            } else {
                order[k] = scratch[j++];
            }
        }
    }

    private static void insertion(int[] order, int from, int to, long[] key) {
        for (int i = from + 1; i < to; i++) {
            int v = order[i];
            long k = key[v];
            int j = i - 1;
            while (j >= from && key[order[j]] > k) {
                order[j + 1] = order[j];
                j--;
            }
            order[j + 1] = v;
        }
    }
}
