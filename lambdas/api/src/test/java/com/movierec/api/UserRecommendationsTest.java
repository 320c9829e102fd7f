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
import software.amazon.awssdk.services.personalizeevents.model.PutEventsRequest;
import software.amazon.awssdk.services.personalizeevents.model.PutEventsResponse;
import software.amazon.awssdk.services.personalizeruntime.model.GetRecommendationsRequest;

class UserRecommendationsTest {
    private final TestApi api = new TestApi();

    @BeforeEach
    void personalizeAnswers() {
        when(api.runtime.getRecommendations(any(GetRecommendationsRequest.class)))
                .thenReturn(TestApi.recommendations("RID-user-1", "50", "1", "12"));
    }

    @Test
    void knownUserGetsTheUserCampaignWithoutWatchedMoviesAndCatalogMetadata() {
        APIGatewayProxyResponseEvent response = api.call("get-user-recommendations");

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getHeaders()).containsEntry("Content-Type", "application/json")
                .containsEntry("Access-Control-Allow-Origin", TestApi.ORIGIN);
        JsonNode body = TestApi.body(response);
        assertThat(body.path("userId").asText()).isEqualTo("42");
        assertThat(body.path("recommendationId").asText()).isEqualTo("RID-user-1");
        assertThat(body.path("fallback").asBoolean()).isFalse();
        JsonNode first = body.path("items").get(0);
        assertThat(first.path("movieId").asText()).isEqualTo("50");
        assertThat(first.path("title").asText()).isEqualTo("Star Wars");
        assertThat(first.path("year").asInt()).isEqualTo(1977);
        assertThat(first.path("genres").toString()).isEqualTo("[\"Action\",\"Adventure\",\"Romance\",\"Sci-Fi\",\"War\"]");
        assertThat(first.path("score").asDouble()).isEqualTo(0.9);
        assertThat(body.path("items").get(2).path("title").asText()).isEqualTo("Usual Suspects, The");

        GetRecommendationsRequest sent = sentRequest();
        assertThat(sent.campaignArn()).isEqualTo(TestApi.USER_CAMPAIGN);
        assertThat(sent.userId()).isEqualTo("42");
        assertThat(sent.numResults()).isEqualTo(10);
        assertThat(sent.filterArn()).isEqualTo(TestApi.UNWATCHED_FILTER);
        assertThat(sent.filterValues()).isEmpty();
    }

    @Test
    void genreUsesTheGenreFilterWithTheCatalogSpellingQuotedForPersonalize() {
        APIGatewayProxyResponseEvent response = api.call("get-user-recommendations-genre");

        assertThat(response.getStatusCode()).isEqualTo(200);
        GetRecommendationsRequest sent = sentRequest();
        assertThat(sent.filterArn()).isEqualTo(TestApi.GENRE_FILTER);
        assertThat(sent.filterValues()).containsExactlyEntriesOf(java.util.Map.of("GENRE", "\"Comedy\""));
        assertThat(sent.numResults()).isEqualTo(5);
    }

    @Test
    void userTheModelDoesNotKnowGetsThePopularListMarkedAsFallback() {
        APIGatewayProxyResponseEvent response = api.call("get-user-recommendations-unknown-user");

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(TestApi.body(response).path("fallback").asBoolean()).isTrue();
        GetRecommendationsRequest sent = sentRequest();
        assertThat(sent.campaignArn()).isEqualTo(TestApi.POPULAR_CAMPAIGN);
        assertThat(sent.numResults()).isEqualTo(Validation.DEFAULT_COUNT);
    }

    @Test
    void unknownUserWithoutAPopularityCampaignIsLeftToTheUserCampaign() {
        ApiHandler handler = api.handler(TestApi.configWithout("POPULARITY_CAMPAIGN_ARN"));

        APIGatewayProxyResponseEvent response =
                handler.handleRequest(TestApi.event("get-user-recommendations-unknown-user"), null);

        assertThat(TestApi.body(response).path("fallback").asBoolean()).isFalse();
        assertThat(sentRequest().campaignArn()).isEqualTo(TestApi.USER_CAMPAIGN);
    }

    @Test
    void userWhoRecordedAnEventThroughThisInstanceStopsGettingTheFallback() {
        when(api.events.putEvents(any(PutEventsRequest.class))).thenReturn(PutEventsResponse.builder().build());
        ApiHandler handler = api.handler();

        assertThat(handler.handleRequest(TestApi.event("post-event-base64"), null).getStatusCode()).isEqualTo(202);
        APIGatewayProxyResponseEvent response =
                handler.handleRequest(TestApi.event("get-user-recommendations-unknown-user"), null);

        assertThat(TestApi.body(response).path("fallback").asBoolean()).isFalse();
        assertThat(sentRequest().campaignArn()).isEqualTo(TestApi.USER_CAMPAIGN);
    }

    @Test
    void everyUserIsKnownWhenThereIsNoKnownUsersFile() {
        var env = TestApi.environment();
        env.put("KNOWN_USERS_FILE", "/nonexistent/known-users.txt");

        APIGatewayProxyResponseEvent response = api.handler(ApiConfig.fromEnvironment(env))
                .handleRequest(TestApi.event("get-user-recommendations-unknown-user"), null);

        assertThat(TestApi.body(response).path("fallback").asBoolean()).isFalse();
    }

    @Test
    void recommendedItemsMissingFromTheCatalogAreLeftOut() {
        when(api.runtime.getRecommendations(any(GetRecommendationsRequest.class)))
                .thenReturn(TestApi.recommendations("RID-2", "1", "not-in-catalog", "2"));

        JsonNode items = TestApi.body(api.call("get-user-recommendations")).path("items");

        assertThat(items).extracting(item -> item.path("movieId").asText()).containsExactly("1", "2");
    }

    @Test
    void aNonNumericCountIsABadRequestAndPersonalizeIsNotCalled() {
        APIGatewayProxyResponseEvent response = api.call("get-user-recommendations-bad-count");

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(TestApi.body(response).path("error").asText()).isEqualTo("BAD_REQUEST");
        assertThat(TestApi.body(response).path("message").asText()).startsWith("count must be");
        verifyNoInteractions(api.runtime);
    }

    @Test
    void aPathTraversalUserIdIsABadRequest() {
        APIGatewayProxyResponseEvent response = api.call("get-user-recommendations-path-traversal");

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(TestApi.body(response).path("message").asText()).startsWith("userId must be");
        verifyNoInteractions(api.runtime);
    }

    @Test
    void aGenreTheCatalogDoesNotHaveIsABadRequestListingTheGenres() {
        APIGatewayProxyResponseEvent response = api.call("get-user-recommendations-unknown-genre");

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(TestApi.body(response).path("message").asText()).contains("Comedy", "Thriller");
        verifyNoInteractions(api.runtime);
    }

    @Test
    void withoutTheUserCampaignTheEndpointIsNotConfigured() {
        APIGatewayProxyResponseEvent response = api.handler(TestApi.configWithout("USER_PERSONALIZATION_CAMPAIGN_ARN"))
                .handleRequest(TestApi.event("get-user-recommendations"), null);

        assertThat(response.getStatusCode()).isEqualTo(503);
        assertThat(TestApi.body(response).path("error").asText()).isEqualTo("NOT_CONFIGURED");
        verifyNoInteractions(api.runtime);
    }

    @Test
    void aGenreWithoutTheGenreFilterIsNotConfigured() {
        APIGatewayProxyResponseEvent response = api.handler(TestApi.configWithout("UNWATCHED_IN_GENRE_FILTER_ARN"))
                .handleRequest(TestApi.event("get-user-recommendations-genre"), null);

        assertThat(response.getStatusCode()).isEqualTo(503);
        assertThat(TestApi.body(response).path("error").asText()).isEqualTo("NOT_CONFIGURED");
    }

    @Test
    void withoutTheUnwatchedFilterNoFilterIsSent() {
        api.handler(TestApi.configWithout("UNWATCHED_FILTER_ARN"))
                .handleRequest(TestApi.event("get-user-recommendations"), null);

        assertThat(sentRequest().filterArn()).isNull();
    }

    @Test
    void aProxyResourceIsRoutedByItsPath() {
        APIGatewayProxyResponseEvent response = api.call("get-user-recommendations-proxy-resource");

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(sentRequest().numResults()).isEqualTo(3);
    }

    private GetRecommendationsRequest sentRequest() {
        ArgumentCaptor<GetRecommendationsRequest> sent = ArgumentCaptor.forClass(GetRecommendationsRequest.class);
        verify(api.runtime, org.mockito.Mockito.atLeastOnce()).getRecommendations(sent.capture());
        return sent.getValue();
    }
}
