package com.movierec.api.personalize;

import java.util.List;

/**
 * Personalize's answer with catalog metadata joined in.
 *
 * @param recommendationId Personalize's id for this answer (null when it gave none); events may quote it
 * @param fallback true when the user is unknown to the model and got the popular list instead
 */
public record RecommendationList(String recommendationId, boolean fallback, List<RecommendedMovie> items) {
    public RecommendationList {
        items = List.copyOf(items);
    }
}
