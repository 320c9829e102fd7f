package com.movierec.local.personalize.recipe;

import java.util.Arrays;

/**
 * Ordering by score, highest first, ties by index (= by id, since indices follow id order). A (score, index) pair
 * is packed into one long whose natural order is that order, so sorting needs no boxing or comparator.
 */
final class Ranked {
    private Ranked() {
    }

    /** A key that sorts before every key of a lower score, and of the same score with a higher index. */
    static long key(float score, int index) {
        int bits = Float.floatToIntBits(-score + 0.0f); // + 0.0f turns -0.0 into 0.0
        int ordered = bits ^ ((bits >> 31) & 0x7fffffff);
        return ((long) ordered << 32) | index;
    }

    static int index(long key) {
        return (int) key;
    }

    /** The score packed in {@code key}. */
    static float score(long key) {
        int ordered = (int) (key >> 32);
        int bits = ordered ^ ((ordered >> 31) & 0x7fffffff);
        return -Float.intBitsToFloat(bits) + 0.0f;
    }

    /** All indices of {@code scores}, best first. */
    static int[] order(float[] scores) {
        long[] keys = new long[scores.length];
        for (int i = 0; i < scores.length; i++) {
            keys[i] = key(scores[i], i);
        }
        Arrays.sort(keys);
        int[] order = new int[keys.length];
        for (int i = 0; i < keys.length; i++) {
            order[i] = index(keys[i]);
        }
        return order;
    }

    /** The k best of many offered keys, in a bounded heap: O(offers x log k). */
    static final class Best {
        private final long[] heap; // max-heap: the worst kept key on top
        private int size;

        Best(int k) {
            heap = new long[k];
        }

        void offer(long key) {
            if (size < heap.length) {
                heap[size] = key;
                up(size++);
            } else if (heap.length > 0 && key < heap[0]) {
                heap[0] = key;
                down(0);
            }
        }

        /** The kept keys, best first. */
        long[] sorted() {
            long[] out = Arrays.copyOf(heap, size);
            Arrays.sort(out);
            return out;
        }

        void clear() {
            size = 0;
        }

        private void up(int i) {
            while (i > 0) {
                int parent = (i - 1) / 2;
                if (heap[parent] >= heap[i]) {
                    return;
                }
                swap(i, parent);
                i = parent;
            }
        }

        private void down(int i) {
            while (true) {
                int l = 2 * i + 1;
                int largest = i;
                if (l < size && heap[l] > heap[largest]) {
                    largest = l;
                }
                if (l + 1 < size && heap[l + 1] > heap[largest]) {
                    largest = l + 1;
                }
                if (largest == i) {
                    return;
                }
                swap(i, largest);
                i = largest;
            }
        }

        private void swap(int a, int b) {
            long t = heap[a];
            heap[a] = heap[b];
            heap[b] = t;
        }
    }
}
