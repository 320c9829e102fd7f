package com.movierec.local.personalize.engine;

import com.movierec.local.personalize.recipe.ScoredItem;
import java.util.List;

/**
 * What GetRecommendations or GetPersonalizedRanking returns.
 *
 * @param items  best first
 * @param scored whether Personalize shows scores for this recipe (user personalization and ranking do;
 *               popularity and related items do not), so the wire format includes them
 */
public record RuntimeAnswer(List<ScoredItem> items, boolean scored) {
}
