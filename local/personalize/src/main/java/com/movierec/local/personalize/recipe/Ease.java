package com.movierec.local.personalize.recipe;

import com.movierec.local.personalize.data.Interactions;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * EASE (Steck, "Embarrassingly Shallow Autoencoders for Sparse Data", WWW 2019): the item-item weights
 * B = I - P diag(1/diag(P)) with P = (X^T X + lambda I)^-1 and X the binary user x item matrix; a user's scores are
 * x_u B, the sum of B's rows over the items in the user's history. The closed form needs no randomness, so training
 * is deterministic; the score of an item never counts the item itself (diag(B) = 0).
 *
 * <p>X^T X is dense items x items, so only the {@code maxItems} items with the most users are modelled (ties by
 * id); with catalogues up to that size (MovieLens 100K and 1M) every item is.
 */
final class Ease {
    private final String[] itemIds;
    private final Map<String, Integer> column;
    private final float[][] weights;

    private Ease(String[] itemIds, float[][] weights) {
        this.itemIds = itemIds;
        this.weights = weights;
        this.column = HashMap.newHashMap(itemIds.length);
        for (int c = 0; c < itemIds.length; c++) {
            column.put(itemIds[c], c);
        }
    }

    static Ease train(Interactions data, int maxItems, double lambda, Parallel parallel) {
        int[] columnOf = modelledItems(data, maxItems);
        int n = (int) Arrays.stream(columnOf).filter(c -> c >= 0).count();
        String[] ids = new String[n];
        for (int i = 0; i < columnOf.length; i++) {
            if (columnOf[i] >= 0) {
                ids[columnOf[i]] = data.items().id(i);
            }
        }
        CoOccurrence x = CoOccurrence.of(data, columnOf, n);
        double[][] p = new double[n][];
        parallel.forRanges(n, (from, to) -> {
            for (int c = from; c < to; c++) {
                p[c] = new double[n];
                x.addRow(c, p[c]);
                p[c][c] += lambda;
            }
        });
        SpdInverse.invertInPlace(p, parallel);
        double[] diagonal = new double[n];
        for (int c = 0; c < n; c++) {
            diagonal[c] = p[c][c];
        }
        float[][] b = new float[n][];
        parallel.forRanges(n, (from, to) -> {
            for (int i = from; i < to; i++) {
                float[] row = new float[n];
                double[] pi = p[i];
                for (int j = 0; j < n; j++) {
                    row[j] = (float) (-pi[j] / diagonal[j]);
                }
                row[i] = 0;
                b[i] = row;
                p[i] = null; // halves peak memory on large catalogues
            }
        });
        return new Ease(ids, b);
    }

    /** Column per data item: the most-used {@code maxItems} items, numbered in id order; -1 for the rest. */
    private static int[] modelledItems(Interactions data, int maxItems) {
        int items = data.itemCount();
        int[] users = new int[items];
        for (int u = 0; u < data.userCount(); u++) {
            for (int i : data.distinctItems(u)) {
                users[i]++;
            }
        }
        boolean[] kept = new boolean[items];
        if (items <= maxItems) {
            Arrays.fill(kept, true);
        } else {
            float[] byUsers = new float[items];
            for (int i = 0; i < items; i++) {
                byUsers[i] = users[i];
            }
            int[] order = Ranked.order(byUsers);
            for (int r = 0; r < maxItems; r++) {
                kept[order[r]] = true;
            }
        }
        int[] columnOf = new int[items];
        int next = 0;
        for (int i = 0; i < items; i++) {
            columnOf[i] = kept[i] ? next++ : -1;
        }
        return columnOf;
    }

    int size() {
        return itemIds.length;
    }

    String itemId(int c) {
        return itemIds[c];
    }

    /** The column of {@code itemId}, or -1 when it is not modelled. */
    int columnOf(String itemId) {
        Integer c = column.get(itemId);
        return c == null ? -1 : c;
    }

    /**
     * Scores of every modelled item for a user with this history, or null when no history item is modelled.
     * Repeats count once, and rows are summed in column order, so the same set of items gives the same floats.
     */
    float[] scores(Collection<String> history) {
        int[] columns = history.stream().mapToInt(this::columnOf).filter(c -> c >= 0).sorted().distinct().toArray();
        if (columns.length == 0) {
            return null;
        }
        float[] s = new float[itemIds.length];
        for (int c : columns) {
            float[] row = weights[c];
            for (int j = 0; j < s.length; j++) {
                s[j] += row[j];
            }
        }
        return s;
    }
}
