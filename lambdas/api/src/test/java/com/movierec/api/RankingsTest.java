package com.movierec.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import software.amazon.awssdk.services.personalizeruntime.model.GetPersonalizedRankingRequest;

class RankingsTest {
    private final TestApi api = new TestApi();

    @BeforeEach
    void personalizeAnswers() {
        when(api.runtime.getPersonalizedRanking(any(GetPersonalizedRankingRequest.class)))
                .thenReturn(TestApi.ranking("RID-rank-1", "12", "3", "1", "2"));
    }

    @Test
    void theMoviesComeBackInTheRankingCampaignsOrderWithMetadata() {
        APIGatewayProxyResponseEvent response = api.call("post-rankings");

        assertThat(response.getStatusCode()).isEqualTo(200);
        JsonNode body = TestApi.body(response);
        assertThat(body.path("userId").asText()).isEqualTo("42");
        assertThat(body.path("recommendationId").asText()).isEqualTo("RID-rank-1");
        assertThat(body.path("items")).extracting(item -> item.path("movieId").asText())
                .containsExactly("12", "3", "1", "2");
        assertThat(body.path("items").get(1).path("title").asText()).isEqualTo("Four Rooms");
        ArgumentCaptor<GetPersonalizedRankingRequest> sent = ArgumentCaptor.forClass(GetPersonalizedRankingRequest.class);
        verify(api.runtime).getPersonalizedRanking(sent.capture());
        assertThat(sent.getValue().campaignArn()).isEqualTo(TestApi.RANKING_CAMPAIGN);
        assertThat(sent.getValue().userId()).isEqualTo("42");
        assertThat(sent.getValue().inputList()).containsExactly("1", "2", "3", "12");
    }

    @Test
    void brokenJsonIsABadRequest() {
        APIGatewayProxyResponseEvent response = api.call("post-rankings-broken-json");

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(TestApi.body(response).path("message").asText()).startsWith("The request body is not well-formed JSON");
        verifyNoInteractions(api.runtime);
    }

    @Test
    void anEmptyListIsABadRequest() {
        assertThat(api.call("post-rankings-empty-list").getStatusCode()).isEqualTo(400);
        verifyNoInteractions(api.runtime);
    }

    @Test
    void aMovieTheCatalogDoesNotHaveIsNotFound() {
        APIGatewayProxyResponseEvent response = api.call("post-rankings-unknown-movie");

        assertThat(response.getStatusCode()).isEqualTo(404);
        assertThat(TestApi.body(response).path("message").asText()).contains("424242");
        verifyNoInteractions(api.runtime);
    }

    @Test
    void aMovieListedTwiceIsABadRequest() {
        assertThat(post("{\"movieIds\": [\"1\", \"2\", \"1\"]}").getStatusCode()).isEqualTo(400);
    }

    @Test
    void moreThan500MoviesIsABadRequest() {
        String ids = IntStream.range(0, 501).mapToObj(i -> "\"m" + i + "\"").collect(Collectors.joining(","));

        APIGatewayProxyResponseEvent response = post("{\"movieIds\": [" + ids + "]}");

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(TestApi.body(response).path("message").asText()).contains("1 to 500");
    }

    @Test
    void movieIdsThatAreNotStringsAreABadRequest() {
        APIGatewayProxyResponseEvent response = post("{\"movieIds\": [1, 2]}");

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(TestApi.body(response).path("message").asText()).isEqualTo("movieIds must be an array of strings.");
    }

    @Test
    void aBodyOverTheLimitIsPayloadTooLarge() {
        String padding = " ".repeat(Validation.MAX_RANKING_BODY_BYTES);

        APIGatewayProxyResponseEvent response = post("{\"movieIds\": [\"1\"]}" + padding);

        assertThat(response.getStatusCode()).isEqualTo(413);
        assertThat(TestApi.body(response).path("error").asText()).isEqualTo("PAYLOAD_TOO_LARGE");
        verifyNoInteractions(api.runtime);
    }

    @Test
    void withoutTheRankingCampaignTheEndpointIsNotConfigured() {
        APIGatewayProxyResponseEvent response = api.handler(TestApi.configWithout("RANKING_CAMPAIGN_ARN"))
                .handleRequest(TestApi.event("post-rankings"), null);

        assertThat(response.getStatusCode()).isEqualTo(503);
        assertThat(TestApi.body(response).path("error").asText()).isEqualTo("NOT_CONFIGURED");
    }

    private APIGatewayProxyResponseEvent post(String body) {
        return api.handler().handleRequest(TestApi.event("post-rankings").withBody(body), null);
    }
}
