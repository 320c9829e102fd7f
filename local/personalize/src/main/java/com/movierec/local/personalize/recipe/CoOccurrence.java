package com.movierec.local.personalize.recipe;

import com.movierec.local.personalize.data.Interactions;
import java.util.Arrays;

/**
 * The binary user x item matrix X, stored both ways (user to items and item to users), to compute rows of X^T X:
 * how many users two items share. Repeated events on one item count once.
 */
final class CoOccurrence {
    private final int itemCount;
    private final int[] userStart;
    private final int[] userItems;
    private final int[] itemStart;
    private final int[] itemUsers;

    private CoOccurrence(int itemCount, int[] userStart, int[] userItems, int[] itemStart, int[] itemUsers) {
        this.itemCount = itemCount;
        this.userStart = userStart;
        this.userItems = userItems;
        this.itemStart = itemStart;
        this.itemUsers = itemUsers;
    }

    /**
     * X over the items {@code column[dataItem] >= 0}, numbered by {@code column}; other items are left out.
     *
     * @param itemCount the number of columns, one more than the largest value in {@code column}
     */
    static CoOccurrence of(Interactions data, int[] column, int itemCount) {
        int users = data.userCount();
        int[] userStart = new int[users + 1];
        int[][] perUser = new int[users][];
        for (int u = 0; u < users; u++) {
            perUser[u] = Arrays.stream(data.distinctItems(u)).map(i -> column[i]).filter(c -> c >= 0).sorted().toArray();
            userStart[u + 1] = userStart[u] + perUser[u].length;
        }
        int[] userItems = new int[userStart[users]];
        int[] itemStart = new int[itemCount + 1];
        for (int u = 0; u < users; u++) {
            System.arraycopy(perUser[u], 0, userItems, userStart[u], perUser[u].length);
            for (int c : perUser[u]) {
                itemStart[c + 1]++;
            }
        }
        for (int c = 0; c < itemCount; c++) {
            itemStart[c + 1] += itemStart[c];
        }
        int[] itemUsers = new int[userItems.length];
        int[] next = Arrays.copyOf(itemStart, itemCount);
        for (int u = 0; u < users; u++) {
            for (int p = userStart[u]; p < userStart[u + 1]; p++) {
                itemUsers[next[userItems[p]]++] = u;
            }
        }
        return new CoOccurrence(itemCount, userStart, userItems, itemStart, itemUsers);
    }

    int itemCount() {
        return itemCount;
    }

    /** How many users have item {@code c}. */
    int users(int c) {
        return itemStart[c + 1] - itemStart[c];
    }

    /** Adds row {@code c} of X^T X to {@code row}: for every other item, the number of users it shares with c. */
    void addRow(int c, double[] row) {
        for (int p = itemStart[c]; p < itemStart[c + 1]; p++) {
            int u = itemUsers[p];
            for (int q = userStart[u]; q < userStart[u + 1]; q++) {
                row[userItems[q]]++;
            }
        }
    }

    /** As {@link #addRow(int, double[])}, also listing each item the first time it is counted. */
    int addRow(int c, int[] row, int[] touched) {
        int count = 0;
        for (int p = itemStart[c]; p < itemStart[c + 1]; p++) {
            int u = itemUsers[p];
            for (int q = userStart[u]; q < userStart[u + 1]; q++) {
                int j = userItems[q];
                if (row[j]++ == 0) {
                    touched[count++] = j;
                }
            }
        }
        return count;
    }
}
