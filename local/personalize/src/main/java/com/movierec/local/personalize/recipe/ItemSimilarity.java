package com.movierec.local.personalize.recipe;

import com.movierec.local.personalize.data.Interactions;
import com.movierec.local.personalize.data.ItemCatalog;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Related items (aws-sims, aws-similar-items): for each item, the {@code k} items with the highest cosine
 * similarity of their binary user vectors, shared / sqrt(users(a) x users(b)), ties by id. Only items that share a
 * user can be neighbours, so the lists stay sparse. aws-similar-items, which uses item metadata in Personalize, may
 * add {@code genreBoost} x the Jaccard overlap of the two items' GENRES.
 */
final class ItemSimilarity {
    private final String[] itemIds;
    private final Map<String, Integer> index;
    private final int[][] neighbours;
    private final float[][] similarity;

    private ItemSimilarity(String[] itemIds, int[][] neighbours, float[][] similarity) {
        this.itemIds = itemIds;
        this.neighbours = neighbours;
        this.similarity = similarity;
        this.index = HashMap.newHashMap(itemIds.length);
        for (int i = 0; i < itemIds.length; i++) {
            index.put(itemIds[i], i);
        }
    }

    static ItemSimilarity train(Interactions data, ItemCatalog catalog, int k, double genreBoost, Parallel parallel) {
        int n = data.itemCount();
        int[] identity = new int[n];
        Arrays.setAll(identity, i -> i);
        CoOccurrence x = CoOccurrence.of(data, identity, n);
        String[] ids = data.items().ids().toArray(String[]::new);
        int[][] genres = genreBoost > 0 ? GenreSets.of(ids, catalog) : null;
        int[][] neighbours = new int[n][];
        float[][] similarity = new float[n][];
        parallel.forRanges(n, (from, to) -> {
            int[] shared = new int[n];
            int[] touched = new int[n];
            Ranked.Best best = new Ranked.Best(k);
            for (int a = from; a < to; a++) {
                int count = x.addRow(a, shared, touched);
                best.clear();
                double usersA = x.users(a);
                for (int t = 0; t < count; t++) {
                    int b = touched[t];
                    if (b != a) {
                        double s = shared[b] / Math.sqrt(usersA * x.users(b));
                        if (genres != null) {
                            s += genreBoost * GenreSets.jaccard(genres[a], genres[b]);
                        }
                        best.offer(Ranked.key((float) s, b));
                    }
                    shared[b] = 0;
                }
                long[] kept = best.sorted();
                neighbours[a] = new int[kept.length];
                similarity[a] = new float[kept.length];
                for (int r = 0; r < kept.length; r++) {
                    int b = Ranked.index(kept[r]);
                    neighbours[a][r] = b;
                    similarity[a][r] = Ranked.score(kept[r]);
                }
            }
        });
        return new ItemSimilarity(ids, neighbours, similarity);
    }

    boolean knows(String itemId) {
        return index.containsKey(itemId);
    }

    /** The neighbours of {@code itemId} that {@code allowed} accepts and {@code skip} lacks, best first, up to n. */
    List<ScoredItem> similar(String itemId, int n, Predicate<String> allowed, Set<String> skip) {
        Integer a = index.get(itemId);
        List<ScoredItem> out = new ArrayList<>();
        if (a == null) {
            return out;
        }
        for (int r = 0; r < neighbours[a].length && out.size() < n; r++) {
            String id = itemIds[neighbours[a][r]];
            if (!skip.contains(id) && allowed.test(id)) {
                out.add(new ScoredItem(id, similarity[a][r]));
            }
        }
        return out;
    }
}
