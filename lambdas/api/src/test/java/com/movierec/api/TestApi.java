package com.movierec.api;

import static org.mockito.Mockito.mock;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.movierec.api.catalog.MovieCatalog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.personalizeevents.PersonalizeEventsClient;
import software.amazon.awssdk.services.personalizeruntime.PersonalizeRuntimeClient;
import software.amazon.awssdk.services.personalizeruntime.model.GetPersonalizedRankingResponse;
import software.amazon.awssdk.services.personalizeruntime.model.GetRecommendationsResponse;
import software.amazon.awssdk.services.personalizeruntime.model.PredictedItem;

/**
 * A handler wired like Lambda's, with mocked Personalize clients, the test catalog (catalog/items.csv) and known users
 * 42 and 7; fixtures are API Gateway REST proxy events read by the Lambda runtime's own serialization.
 */
final class TestApi {
    static final String USER_CAMPAIGN = "arn:aws:personalize:eu-west-1:123456789012:campaign/movierec-dev-user-personalization";
    static final String RELATED_CAMPAIGN = "arn:aws:personalize:eu-west-1:123456789012:campaign/movierec-dev-related-items";
    static final String POPULAR_CAMPAIGN = "arn:aws:personalize:eu-west-1:123456789012:campaign/movierec-dev-popularity";
    static final String RANKING_CAMPAIGN = "arn:aws:personalize:eu-west-1:123456789012:campaign/movierec-dev-ranking";
    static final String UNWATCHED_FILTER = "arn:aws:personalize:eu-west-1:123456789012:filter/movierec-dev-unwatched";
    static final String GENRE_FILTER = "arn:aws:personalize:eu-west-1:123456789012:filter/movierec-dev-unwatched-in-genre";
    static final String TRACKER_ID = "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0";
    static final String ORIGIN = "https://app.movierec.example";

    private static final ObjectMapper JSON = new ObjectMapper();

    final PersonalizeRuntimeClient runtime = mock(PersonalizeRuntimeClient.class);
    final PersonalizeEventsClient events = mock(PersonalizeEventsClient.class);

    /** Every variable set, as the stack will set them. */
    static Map<String, String> environment() {
        Map<String, String> env = new HashMap<>();
        env.put("AWS_REGION", "eu-west-1");
        env.put("USER_PERSONALIZATION_CAMPAIGN_ARN", USER_CAMPAIGN);
        env.put("RELATED_ITEMS_CAMPAIGN_ARN", RELATED_CAMPAIGN);
        env.put("POPULARITY_CAMPAIGN_ARN", POPULAR_CAMPAIGN);
        env.put("RANKING_CAMPAIGN_ARN", RANKING_CAMPAIGN);
        env.put("UNWATCHED_FILTER_ARN", UNWATCHED_FILTER);
        env.put("UNWATCHED_IN_GENRE_FILTER_ARN", GENRE_FILTER);
        env.put("EVENT_TRACKER_ID", TRACKER_ID);
        env.put("ITEMS_FILE", resource("catalog/items.csv").toString());
        env.put("KNOWN_USERS_FILE", resource("catalog/known-users.txt").toString());
        env.put("ALLOWED_ORIGINS", ORIGIN + ",http://localhost:5173");
        return env;
    }

    static ApiConfig config() {
        return ApiConfig.fromEnvironment(environment());
    }

    /** The configuration without some variables, e.g. a campaign that is not deployed. */
    static ApiConfig configWithout(String... names) {
        Map<String, String> env = environment();
        for (String name : names) {
            env.remove(name);
        }
        return ApiConfig.fromEnvironment(env);
    }

    static MovieCatalog catalog() {
        return MovieCatalog.load(resource("catalog/items.csv"));
    }

    ApiHandler handler() {
        return handler(config());
    }

    ApiHandler handler(ApiConfig config) {
        return new ApiHandler(config, runtime, events, catalog());
    }

    /** A handler on {@code clock}'s time (the answer cache's TTL). */
    ApiHandler handler(ApiConfig config, java.time.Clock clock) {
        return new ApiHandler(config, runtime, events, catalog(), clock);
    }

    /** Runs a fixture from src/test/resources/events through a handler with every variable set. */
    APIGatewayProxyResponseEvent call(String fixture) {
        return handler().handleRequest(event(fixture), null);
    }

    static APIGatewayProxyRequestEvent event(String fixture) {
        return EventLoader.loadApiGatewayRestEvent("events/" + fixture + ".json");
    }

    static JsonNode body(APIGatewayProxyResponseEvent response) {
        try {
            return JSON.readTree(response.getBody());
        } catch (IOException e) {
            throw new UncheckedIOException("response body is not JSON: " + response.getBody(), e);
        }
    }

    /** Personalize's answer listing {@code itemIds}, scored 0.9, 0.8, ... */
    static GetRecommendationsResponse recommendations(String recommendationId, String... itemIds) {
        PredictedItem[] items = new PredictedItem[itemIds.length];
        for (int i = 0; i < itemIds.length; i++) {
            items[i] = PredictedItem.builder().itemId(itemIds[i]).score(0.9 - i / 10.0).build();
        }
        return GetRecommendationsResponse.builder().recommendationId(recommendationId).itemList(items).build();
    }

    static GetPersonalizedRankingResponse ranking(String recommendationId, String... itemIds) {
        PredictedItem[] items = new PredictedItem[itemIds.length];
        for (int i = 0; i < itemIds.length; i++) {
            items[i] = PredictedItem.builder().itemId(itemIds[i]).score(0.5 - i / 100.0).build();
        }
        return GetPersonalizedRankingResponse.builder().recommendationId(recommendationId)
                .personalizedRanking(items).build();
    }

    static Path resource(String name) {
        try {
            return Path.of(TestApi.class.getClassLoader().getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
