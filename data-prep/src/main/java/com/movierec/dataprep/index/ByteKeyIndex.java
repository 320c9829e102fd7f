package com.movierec.dataprep.index;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Gives each distinct byte string (a user or movie id) a dense int, without a String or boxed Integer per lookup.
 * Memory grows with the number of distinct ids, never with the number of rows.
 */
public final class ByteKeyIndex {
    private int[] table = new int[1 << 12]; // slot -> id + 1, 0 = empty
    private int mask = table.length - 1;
    private byte[] arena = new byte[1 << 16];
    private int arenaUsed;
    private int[] offsets = new int[1 << 11];
    private int[] lengths = new int[1 << 11];
    private int[] hashes = new int[1 << 11];
    private int size;
    // MovieLens ids are small decimal numbers: those map straight to their id through this array (value -> id + 1),
    // one memory access instead of a hash probe and a key comparison.
    private int[] direct = new int[1 << 10];

    /** The id of {@code key[s, e)}, assigning the next one if it is new. */
    public int getOrAdd(byte[] key, int s, int e) {
        int number = canonicalNumber(key, s, e);
        if (number >= 0) {
            if (number < direct.length && direct[number] != 0) {
                return direct[number] - 1;
            }
            int id = getOrAddHashed(key, s, e);
            if (number >= direct.length) {
                direct = Arrays.copyOf(direct, Math.max(number + 1, direct.length * 2));
            }
            direct[number] = id + 1;
            return id;
        }
        return getOrAddHashed(key, s, e);
    }

    /**
     * The value of a decimal number written the one canonical way (no sign, no leading zero: "07" is another id
     * than "7") and below {@link #MAX_DIRECT}, else -1.
     */
    public static int canonicalNumber(byte[] b, int s, int e) {
        int len = e - s;
        if (len == 0 || len > 7 || (b[s] == '0' && len > 1)) {
            return -1;
        }
        int v = 0;
        for (int i = s; i < e; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            v = v * 10 + d;
        }
        return v < MAX_DIRECT ? v : -1;
    }

    /** Ids up to this use the direct array (4 MB at most); larger numbers are hashed like any other id. */
    private static final int MAX_DIRECT = 1 << 20;

    private int getOrAddHashed(byte[] key, int s, int e) {
        int h = hash(key, s, e);
        int slot = h & mask;
        while (true) {
            int entry = table[slot];
            if (entry == 0) {
                return insert(slot, h, key, s, e);
            }
            int id = entry - 1;
            if (hashes[id] == h && equalsAt(id, key, s, e)) {
                return id;
            }
            slot = (slot + 1) & mask;
        }
    }

    /** The id of {@code key[s, e)}, or -1 if it was never added. */
    public int get(byte[] key, int s, int e) {
        int h = hash(key, s, e);
        int slot = h & mask;
        while (true) {
            int entry = table[slot];
            if (entry == 0) {
                return -1;
            }
            int id = entry - 1;
            if (hashes[id] == h && equalsAt(id, key, s, e)) {
                return id;
            }
            slot = (slot + 1) & mask;
        }
    }

    public int getOrAdd(String key) {
        byte[] b = key.getBytes(StandardCharsets.UTF_8);
        return getOrAdd(b, 0, b.length);
    }

    public int get(String key) {
        byte[] b = key.getBytes(StandardCharsets.UTF_8);
        return get(b, 0, b.length);
    }

    public int size() {
        return size;
    }

    public String key(int id) {
        return new String(arena, offsets[id], lengths[id], StandardCharsets.UTF_8);
    }

    private int insert(int slot, int h, byte[] key, int s, int e) {
        int len = e - s;
        if (arenaUsed + len > arena.length) {
            arena = Arrays.copyOf(arena, Math.max(arena.length * 2, arenaUsed + len));
        }
        System.arraycopy(key, s, arena, arenaUsed, len);
        if (size == offsets.length) {
            offsets = Arrays.copyOf(offsets, size * 2);
            lengths = Arrays.copyOf(lengths, size * 2);
            hashes = Arrays.copyOf(hashes, size * 2);
        }
        int id = size++;
        offsets[id] = arenaUsed;
        lengths[id] = len;
        hashes[id] = h;
        arenaUsed += len;
        table[slot] = id + 1;
        if (size * 2 > table.length) {
            rehash();
        }
        return id;
    }

    private void rehash() {
        table = new int[table.length * 2];
        mask = table.length - 1;
        for (int id = 0; id < size; id++) {
            int slot = hashes[id] & mask;
            while (table[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            table[slot] = id + 1;
        }
    }

    private boolean equalsAt(int id, byte[] key, int s, int e) {
        int len = e - s;
        if (lengths[id] != len) {
            return false;
        }
        // A plain loop: ids are a few bytes, too short for Arrays.equals' vectorized setup to pay off.
        byte[] a = arena;
        for (int i = 0, o = offsets[id]; i < len; i++) {
            if (a[o + i] != key[s + i]) {
                return false;
            }
        }
        return true;
    }

    private static int hash(byte[] b, int s, int e) {
        int h = 0x811C9DC5;
        for (int i = s; i < e; i++) {
            h = (h ^ b[i]) * 0x01000193;
        }
        return h ^ (h >>> 16);
    }
}
