package com.movierec.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import software.amazon.awssdk.services.personalizeruntime.model.GetRecommendationsRequest;

class SimilarAndPopularMoviesTest {
    private final TestApi api = new TestApi();

    @BeforeEach
    void personalizeAnswers() {
        when(api.runtime.getRecommendations(any(GetRecommendationsRequest.class)))
                .thenReturn(TestApi.recommendations("RID-sims-1", "2", "3"));
    }

    @Test
    void similarMoviesComeFromTheRelatedItemsCampaignForTheMovie() {
        APIGatewayProxyResponseEvent response = api.call("get-similar-movies");

        assertThat(response.getStatusCode()).isEqualTo(200);
        JsonNode body = TestApi.body(response);
        assertThat(body.path("movieId").asText()).isEqualTo("1");
        assertThat(body.path("recommendationId").asText()).isEqualTo("RID-sims-1");
        assertThat(body.path("items").get(0).path("title").asText()).isEqualTo("GoldenEye");
        GetRecommendationsRequest sent = sentRequest();
        assertThat(sent.campaignArn()).isEqualTo(TestApi.RELATED_CAMPAIGN);
        assertThat(sent.itemId()).isEqualTo("1");
        assertThat(sent.userId()).isNull();
        assertThat(sent.numResults()).isEqualTo(5);
        assertThat(sent.filterArn()).isNull();
    }

    @Test
    void similarMoviesOfAMovieTheCatalogLacksIsNotFoundWithoutCallingPersonalize() {
        APIGatewayProxyResponseEvent response = api.call("get-similar-movies-unknown-movie");

        assertThat(response.getStatusCode()).isEqualTo(404);
        assertThat(TestApi.body(response).path("error").asText()).isEqualTo("NOT_FOUND");
        verifyNoInteractions(api.runtime);
    }

    @Test
    void aNegativeCountIsABadRequest() {
        APIGatewayProxyResponseEvent response = api.call("get-similar-movies-negative-count");

        assertThat(response.getStatusCode()).isEqualTo(400);
        verifyNoInteractions(api.runtime);
    }

    @Test
    void similarMoviesWithoutTheRelatedItemsCampaignIsNotConfigured() {
        APIGatewayProxyResponseEvent response = api.handler(TestApi.configWithout("RELATED_ITEMS_CAMPAIGN_ARN"))
                .handleRequest(TestApi.event("get-similar-movies"), null);

        assertThat(response.getStatusCode()).isEqualTo(503);
        assertThat(TestApi.body(response).path("error").asText()).isEqualTo("NOT_CONFIGURED");
    }

    @Test
    void popularMoviesComeFromThePopularityCampaignWithTheDefaultCount() {
        APIGatewayProxyResponseEvent response = api.call("get-popular-movies");

        assertThat(response.getStatusCode()).isEqualTo(200);
        JsonNode body = TestApi.body(response);
        assertThat(body.has("userId")).isFalse();
        assertThat(body.path("items")).hasSize(2);
        GetRecommendationsRequest sent = sentRequest();
        assertThat(sent.campaignArn()).isEqualTo(TestApi.POPULAR_CAMPAIGN);
        assertThat(sent.userId()).isNull();
        assertThat(sent.numResults()).isEqualTo(25);
    }

    @Test
    void aCountAboveOneHundredIsABadRequest() {
        APIGatewayProxyResponseEvent response = api.call("get-popular-movies-count-too-large");

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(TestApi.body(response).path("message").asText()).contains("1 to 100");
        verifyNoInteractions(api.runtime);
    }

    @Test
    void popularMoviesWithoutThePopularityCampaignIsNotConfigured() {
        APIGatewayProxyResponseEvent response = api.handler(TestApi.configWithout("POPULARITY_CAMPAIGN_ARN"))
                .handleRequest(TestApi.event("get-popular-movies"), null);

        assertThat(response.getStatusCode()).isEqualTo(503);
    }

    @Test
    void anAnswerWithoutRecommendationIdOrScoresIsStillComplete() {
        when(api.runtime.getRecommendations(any(GetRecommendationsRequest.class))).thenReturn(
                software.amazon.awssdk.services.personalizeruntime.model.GetRecommendationsResponse.builder()
                        .itemList(software.amazon.awssdk.services.personalizeruntime.model.PredictedItem.builder()
                                .itemId("103").build())
                        .build());

        JsonNode body = TestApi.body(api.call("get-popular-movies"));

        assertThat(body.has("recommendationId")).isFalse();
        JsonNode item = body.path("items").get(0);
        assertThat(item.path("score").isNull()).isTrue();
        assertThat(item.path("year").isNull()).isTrue();
        assertThat(item.path("title").asText()).isEqualTo("Untitled Home Movie");
    }

    private GetRecommendationsRequest sentRequest() {
        ArgumentCaptor<GetRecommendationsRequest> sent = ArgumentCaptor.forClass(GetRecommendationsRequest.class);
        verify(api.runtime).getRecommendations(sent.capture());
        return sent.getValue();
    }
}
