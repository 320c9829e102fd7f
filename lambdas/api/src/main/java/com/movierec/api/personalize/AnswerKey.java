package com.movierec.api.personalize;

import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.personalizeruntime.model.GetPersonalizedRankingRequest;
import software.amazon.awssdk.services.personalizeruntime.model.GetRecommendationsRequest;

/**
 * What an answer of Personalize depends on, taken from the very request sent: the campaign (which also tells a known
 * user's list from an unknown user's popular fallback), the filter and its values (the genre), the user, the movie
 * of a similar-movies request, the count, and a ranking's movies in their order. Two requests with equal keys get
 * the same answer from the same model version; the model version itself is not in the key (Personalize does not
 * name it in its answers), so after a campaign moves to a new version, an answer stays at most the cache's TTL.
 *
 * @param operation    GetRecommendations or GetPersonalizedRanking
 * @param campaignArn  the campaign asked
 * @param filterArn    the filter applied, or null
 * @param filterValues the filter's parameters; empty for none
 * @param userId       the user the answer is for, or null (similar and popular movies are the same for everyone)
 * @param itemId       the movie of a similar-movies request, or null
 * @param numResults   how many movies were asked for (0 for a ranking, whose size is its input's)
 * @param inputList    a ranking's movies in the order sent; empty otherwise
 */
public record AnswerKey(String operation, String campaignArn, String filterArn, Map<String, String> filterValues,
        String userId, String itemId, int numResults, List<String> inputList) {
    public AnswerKey {
        filterValues = Map.copyOf(filterValues);
        inputList = List.copyOf(inputList);
    }

    public static AnswerKey of(GetRecommendationsRequest request) {
        return new AnswerKey("GetRecommendations", request.campaignArn(), request.filterArn(), request.filterValues(),
                request.userId(), request.itemId(), request.numResults() == null ? 0 : request.numResults(), List.of());
    }

    public static AnswerKey of(GetPersonalizedRankingRequest request) {
        return new AnswerKey("GetPersonalizedRanking", request.campaignArn(), request.filterArn(),
                request.filterValues(), request.userId(), null, 0, request.inputList());
    }
}
