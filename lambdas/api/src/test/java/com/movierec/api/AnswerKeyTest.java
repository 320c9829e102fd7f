package com.movierec.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.movierec.api.personalize.AnswerKey;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.personalizeruntime.model.GetPersonalizedRankingRequest;
import software.amazon.awssdk.services.personalizeruntime.model.GetRecommendationsRequest;

/**
 * The cache key holds everything the API sends Personalize: if the API ever sends another member (a context, a
 * promotion), this test fails until the key holds it too, so two different questions can never share an answer.
 */
class AnswerKeyTest {
    private static final Set<String> IN_THE_KEY = Set.of("campaignArn", "filterArn", "filterValues", "userId", "itemId",
            "numResults", "inputList");

    private final TestApi api = new TestApi();

    @Test
    void everyMemberTheApiSendsIsInTheKey() {
        when(api.runtime.getRecommendations(any(GetRecommendationsRequest.class)))
                .thenReturn(TestApi.recommendations("RID-1", "50"));
        when(api.runtime.getPersonalizedRanking(any(GetPersonalizedRankingRequest.class)))
                .thenReturn(TestApi.ranking("RID-2", "12"));
        ApiHandler handler = api.handler();
        for (String fixture : List.of("get-user-recommendations", "get-user-recommendations-genre",
                "get-user-recommendations-unknown-user", "get-similar-movies", "get-popular-movies", "post-rankings")) {
            assertThat(handler.handleRequest(TestApi.event(fixture), null).getStatusCode()).as(fixture).isEqualTo(200);
        }

        ArgumentCaptor<GetRecommendationsRequest> recommendations =
                ArgumentCaptor.forClass(GetRecommendationsRequest.class);
        verify(api.runtime, atLeastOnce()).getRecommendations(recommendations.capture());
        ArgumentCaptor<GetPersonalizedRankingRequest> rankings =
                ArgumentCaptor.forClass(GetPersonalizedRankingRequest.class);
        verify(api.runtime, atLeastOnce()).getPersonalizedRanking(rankings.capture());

        for (GetRecommendationsRequest request : recommendations.getAllValues()) {
            assertThat(membersSent(request)).isSubsetOf(IN_THE_KEY);
            AnswerKey key = AnswerKey.of(request);
            assertThat(List.of(key.campaignArn(), key.userId() == null ? "" : key.userId(),
                    key.itemId() == null ? "" : key.itemId(), key.numResults(), key.filterValues()))
                    .containsExactly(request.campaignArn(), request.userId() == null ? "" : request.userId(),
                            request.itemId() == null ? "" : request.itemId(), request.numResults(),
                            request.filterValues());
            assertThat(key.filterArn()).isEqualTo(request.filterArn());
        }
        GetPersonalizedRankingRequest ranking = rankings.getValue();
        assertThat(membersSent(ranking)).isSubsetOf(IN_THE_KEY);
        assertThat(AnswerKey.of(ranking).inputList()).isEqualTo(ranking.inputList()).containsExactly("1", "2", "3", "12");
        assertThat(AnswerKey.of(ranking).userId()).isEqualTo("42");
    }

    @Test
    void keysDifferInEachMemberAndAreEqualOtherwise() {
        GetRecommendationsRequest base = GetRecommendationsRequest.builder().campaignArn(TestApi.USER_CAMPAIGN)
                .userId("42").numResults(10).filterArn(TestApi.GENRE_FILTER).filterValues(Map.of("GENRE", "\"Comedy\""))
                .build();

        assertThat(AnswerKey.of(base.toBuilder().build())).isEqualTo(AnswerKey.of(base));
        assertThat(List.of(
                base.toBuilder().campaignArn(TestApi.POPULAR_CAMPAIGN).build(),
                base.toBuilder().userId("7").build(),
                base.toBuilder().numResults(25).build(),
                base.toBuilder().filterArn(TestApi.UNWATCHED_FILTER).filterValues(Map.of()).build(),
                base.toBuilder().filterValues(Map.of("GENRE", "\"Drama\"")).build(),
                base.toBuilder().userId(null).itemId("1").build()))
                .extracting(AnswerKey::of)
                .doesNotContain(AnswerKey.of(base))
                .doesNotHaveDuplicates();
        GetPersonalizedRankingRequest ranking = GetPersonalizedRankingRequest.builder()
                .campaignArn(TestApi.RANKING_CAMPAIGN).userId("42").inputList("1", "2").build();
        assertThat(AnswerKey.of(ranking)).isNotEqualTo(AnswerKey.of(ranking.toBuilder().inputList("2", "1").build()))
                .isEqualTo(AnswerKey.of(ranking.toBuilder().build()));
    }

    /** The members a request carries a value in (the SDK's empty auto-constructed lists and maps are not sent). */
    private static List<String> membersSent(SdkPojo request) {
        List<String> members = new ArrayList<>();
        for (SdkField<?> field : request.sdkFields()) {
            Object value = field.getValueOrDefault(request);
            boolean empty = value == null || value instanceof Collection<?> c && c.isEmpty()
                    || value instanceof Map<?, ?> m && m.isEmpty();
            if (!empty) {
                members.add(field.memberName());
            }
        }
        return members;
    }
}
