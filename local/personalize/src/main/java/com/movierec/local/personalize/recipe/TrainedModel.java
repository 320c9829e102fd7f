package com.movierec.local.personalize.recipe;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A trained solution version: immutable and safe to share between threads. Each recipe type answers one call,
 * like a Personalize campaign; the others throw. Nothing is excluded unless {@code allowed} says so: removing what
 * a user has watched is a filter's job, as in Personalize. Histories are item ids, oldest first, as
 * {@link com.movierec.local.personalize.data.UserEvents#items()} gives them, so events recorded after training count at once.
 */
public final class TrainedModel {
    private final Recipe recipe;
    private final Popularity popularity;
    private final Ease ease;
    private final ItemSimilarity similarity;

    TrainedModel(Recipe recipe, Popularity popularity, Ease ease, ItemSimilarity similarity) {
        this.recipe = recipe;
        this.popularity = popularity;
        this.ease = ease;
        this.similarity = similarity;
    }

    public Recipe recipe() {
        return recipe;
    }

    /**
     * GetRecommendations for a user (USER_PERSONALIZATION recipes): the {@code numResults} best items that
     * {@code allowed} accepts. A user without a modelled item in {@code history} gets popular items, marked cold
     * start. When the filter leaves too few modelled items, popular ones fill the list, as in Personalize.
     */
    public Recommendations recommend(List<String> history, int numResults, Predicate<String> allowed) {
        require(RecipeType.USER_PERSONALIZATION, "GetRecommendations with a userId");
        if (ease == null) {
            return new Recommendations(popularity.top(numResults, allowed, Set.of(), true), false);
        }
        float[] scores = ease.scores(history);
        if (scores == null) {
            return new Recommendations(popularity.top(numResults, allowed, Set.of(), true), true);
        }
        double logTotal = logSumExp(scores);
        List<ScoredItem> out = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        for (int c : Ranked.order(scores)) {
            if (out.size() >= numResults) {
                break;
            }
            String id = ease.itemId(c);
            if (allowed.test(id)) {
                out.add(new ScoredItem(id, Math.exp(scores[c] - logTotal)));
                taken.add(id);
            }
        }
        out.addAll(popularity.top(numResults - out.size(), allowed, taken, false));
        return new Recommendations(out, false);
    }

    /**
     * GetRecommendations for an item (RELATED_ITEMS recipes): its nearest neighbours that {@code allowed} accepts,
     * then popular items if the neighbours run out. An item the model does not know gets popular items, marked
     * cold start, as Personalize's SIMS does. The item itself is never in the list.
     */
    public Recommendations similarItems(String itemId, int numResults, Predicate<String> allowed) {
        require(RecipeType.RELATED_ITEMS, "GetRecommendations with an itemId");
        List<ScoredItem> out = new ArrayList<>(similarity.similar(itemId, numResults, allowed, Set.of(itemId)));
        Set<String> taken = new HashSet<>();
        taken.add(itemId);
        out.forEach(s -> taken.add(s.itemId()));
        out.addAll(popularity.top(numResults - out.size(), allowed, taken, false));
        return new Recommendations(out, !similarity.knows(itemId));
    }

    /**
     * GetPersonalizedRanking (PERSONALIZED_RANKING recipes): {@code inputList} without repeats and without the
     * items {@code allowed} rejects, best first for this user. Scores are a softmax over the modelled input items;
     * items the model does not know come last, in input order, with score 0. Without a modelled item in the
     * history the modelled items are ordered by popularity (scores: their share of the input's users), marked cold
     * start. Equal scores keep input order.
     */
    public Recommendations rank(List<String> history, List<String> inputList, Predicate<String> allowed) {
        require(RecipeType.PERSONALIZED_RANKING, "GetPersonalizedRanking");
        List<String> items = new LinkedHashSet<>(inputList).stream().filter(allowed).toList();
        float[] all = ease.scores(history);
        boolean cold = all == null;
        float[] scores = new float[items.size()];
        List<Integer> known = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            int c = ease.columnOf(items.get(i));
            if (c >= 0) {
                known.add(i);
                scores[i] = cold ? popularity.users(items.get(i)) : all[c];
            }
        }
        long[] keys = known.stream().mapToLong(i -> Ranked.key(scores[i], i)).sorted().toArray();
        double norm = cold ? known.stream().mapToDouble(i -> scores[i]).sum() : logSumExp(scores, known);
        List<ScoredItem> out = new ArrayList<>(items.size());
        for (long key : keys) {
            int i = Ranked.index(key);
            double score = cold ? (norm > 0 ? scores[i] / norm : 0) : Math.exp(scores[i] - norm);
            out.add(new ScoredItem(items.get(i), score));
        }
        for (String id : items) {
            if (ease.columnOf(id) < 0) {
                out.add(new ScoredItem(id, 0));
            }
        }
        return new Recommendations(out, cold);
    }

    private void require(RecipeType type, String call) {
        if (recipe.type() != type) {
            throw new UnsupportedOperationException(call + " needs a " + type + " recipe, but this model was trained"
                    + " with " + recipe.recipeName() + " (" + recipe.type() + ")");
        }
    }

    private static double logSumExp(float[] scores) {
        double max = Double.NEGATIVE_INFINITY;
        for (float s : scores) {
            max = Math.max(max, s);
        }
        double sum = 0;
        for (float s : scores) {
            sum += Math.exp(s - max);
        }
        return max + Math.log(sum);
    }

    private static double logSumExp(float[] scores, List<Integer> subset) {
        float[] picked = new float[subset.size()];
        for (int k = 0; k < picked.length; k++) {
            picked[k] = scores[subset.get(k)];
        }
        return picked.length == 0 ? 0 : logSumExp(picked);
    }
}
