package com.movierec.local.personalize.recipe;

/**
 * One recommended item and its score. User personalization scores are Personalize-style shares: a softmax over
 * every modelled item, so all of them sum to 1; ranking scores sum to 1 over the ranked input. Popularity and
 * related-items scores (a share of interactions, a cosine similarity) are for ordering only: Personalize shows no
 * score for those recipes. Items added only to fill the list (popular items, unknown items in a ranking) score 0.
 */
public record ScoredItem(String itemId, double score) {
}
