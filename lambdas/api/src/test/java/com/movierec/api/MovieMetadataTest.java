package com.movierec.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.verifyNoInteractions;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MovieMetadataTest {
    private final TestApi api = new TestApi();

    @AfterEach
    void metadataNeverCallsPersonalize() {
        verifyNoInteractions(api.runtime, api.events);
    }

    @Test
    void aMovieHasItsTitleWithoutTheYearItsYearAndGenres() {
        APIGatewayProxyResponseEvent response = api.call("get-movie");

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getBody()).isEqualTo(
                "{\"movieId\":\"12\",\"title\":\"Usual Suspects, The\",\"year\":1995,\"genres\":[\"Crime\",\"Thriller\"]}");
    }

    @Test
    void aTitleWithDoubledQuotesAndNoTimestampTakesTheYearFromTheTitle() {
        JsonNode body = TestApi.body(get("101"));

        assertThat(body.path("title").asText()).isEqualTo("\"Great Performances\" Cats");
        assertThat(body.path("year").asInt()).isEqualTo(1998);
    }

    @Test
    void aTitleWithoutAYearAndNoTimestampHasANullYear() {
        JsonNode body = TestApi.body(get("103"));

        assertThat(body.path("title").asText()).isEqualTo("Untitled Home Movie");
        assertThat(body.path("year").isNull()).isTrue();
    }

    @Test
    void nonAsciiTitlesComeBackIntact() {
        assertThat(TestApi.body(get("102")).path("title").asText()).isEqualTo("Amélie");
    }

    @Test
    void aMovieTheCatalogDoesNotHaveIsNotFound() {
        APIGatewayProxyResponseEvent response = api.call("get-movie-unknown");

        assertThat(response.getStatusCode()).isEqualTo(404);
        assertThat(TestApi.body(response).path("message").asText()).isEqualTo("There is no movie 424242 in the catalog.");
    }

    @Test
    void anIdLongerThan256CharactersIsABadRequest() {
        APIGatewayProxyResponseEvent response = api.call("get-movie-too-long-id");

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(TestApi.body(response).path("message").asText()).doesNotContain("999999");
    }

    private APIGatewayProxyResponseEvent get(String movieId) {
        APIGatewayProxyRequestEvent event = TestApi.event("get-movie")
                .withPath("/movies/" + movieId).withPathParameters(Map.of("movieId", movieId));
        return api.handler().handleRequest(event, null);
    }
}
