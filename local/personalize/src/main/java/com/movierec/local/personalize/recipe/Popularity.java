package com.movierec.local.personalize.recipe;

import com.movierec.local.personalize.data.Interactions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * aws-popularity-count: items ordered by how many distinct users interacted with them (Personalize counts unique
 * users, not events), ties by id. Also the fallback of every other recipe.
 */
final class Popularity {
    private final String[] ranked;
    private final int[] rankedUsers;
    private final Map<String, Integer> users;
    private final long total;

    private Popularity(String[] ranked, int[] rankedUsers, Map<String, Integer> users, long total) {
        this.ranked = ranked;
        this.rankedUsers = rankedUsers;
        this.users = users;
        this.total = total;
    }

    static Popularity of(Interactions data) {
        int[] counts = new int[data.itemCount()];
        for (int u = 0; u < data.userCount(); u++) {
            for (int item : data.distinctItems(u)) {
                counts[item]++;
            }
        }
        float[] asScores = new float[counts.length];
        long total = 0;
        for (int i = 0; i < counts.length; i++) {
            asScores[i] = counts[i];
            total += counts[i];
        }
        int[] order = Ranked.order(asScores);
        String[] ranked = new String[order.length];
        int[] rankedUsers = new int[order.length];
        Map<String, Integer> users = HashMap.newHashMap(order.length);
        for (int r = 0; r < order.length; r++) {
            ranked[r] = data.items().id(order[r]);
            rankedUsers[r] = counts[order[r]];
            users.put(ranked[r], rankedUsers[r]);
        }
        return new Popularity(ranked, rankedUsers, users, total);
    }

    /** Distinct users of {@code itemId}; 0 when unknown. */
    int users(String itemId) {
        return users.getOrDefault(itemId, 0);
    }

    /**
     * The most popular items that {@code allowed} accepts and {@code skip} does not hold, up to {@code n}.
     *
     * @param scored whether to score them by their share of all (user, item) pairs, or 0 as fill-ins
     */
    List<ScoredItem> top(int n, Predicate<String> allowed, Set<String> skip, boolean scored) {
        List<ScoredItem> out = new ArrayList<>(Math.max(0, Math.min(n, ranked.length)));
        for (int r = 0; r < ranked.length && out.size() < n; r++) {
            String id = ranked[r];
            if (!skip.contains(id) && allowed.test(id)) {
                out.add(new ScoredItem(id, scored ? (double) rankedUsers[r] / total : 0));
            }
        }
        return out;
    }
}
