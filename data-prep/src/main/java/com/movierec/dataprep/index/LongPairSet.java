package com.movierec.dataprep.index;

import java.util.Arrays;

/**
 * A set of (long, long) pairs for duplicate detection. {@link #clear()} costs as much as the pairs added since the
 * last clear, not the table size, so it can be cleared once per user on a 25-million-row file.
 */
public final class LongPairSet {
    private long[] firsts = new long[16];
    private long[] seconds = new long[16];
    private boolean[] used = new boolean[16];
    private int[] usedSlots = new int[8];
    private int size;
    private int mask = 15;

    /** Adds the pair; false if it was already present. */
    public boolean add(long a, long b) {
        int slot = hash(a, b) & mask;
        while (used[slot]) {
            if (firsts[slot] == a && seconds[slot] == b) {
                return false;
            }
            slot = (slot + 1) & mask;
        }
        used[slot] = true;
        firsts[slot] = a;
        seconds[slot] = b;
        if (size == usedSlots.length) {
            usedSlots = Arrays.copyOf(usedSlots, size * 2);
        }
        usedSlots[size++] = slot;
        if (size * 2 > used.length) {
            grow();
        }
        return true;
    }

    public int size() {
        return size;
    }

    public void clear() {
        for (int i = 0; i < size; i++) {
            used[usedSlots[i]] = false;
        }
        size = 0;
    }

    private void grow() {
        long[] oldFirsts = firsts;
        long[] oldSeconds = seconds;
        int[] oldSlots = Arrays.copyOf(usedSlots, size);
        int n = size;
        firsts = new long[used.length * 2];
        seconds = new long[used.length * 2];
        used = new boolean[used.length * 2];
        mask = used.length - 1;
        size = 0;
        for (int i = 0; i < n; i++) {
            add(oldFirsts[oldSlots[i]], oldSeconds[oldSlots[i]]);
        }
    }

    private static int hash(long a, long b) {
        long h = a * 0x9E3779B97F4A7C15L + b * 0xC2B2AE3D27D4EB4FL;
        return (int) (h ^ (h >>> 29));
    }
}
