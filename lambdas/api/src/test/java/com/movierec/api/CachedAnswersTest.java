package com.movierec.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.movierec.api.cache.ManualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.personalizeevents.model.PutEventsRequest;
import software.amazon.awssdk.services.personalizeevents.model.PutEventsResponse;
import software.amazon.awssdk.services.personalizeruntime.model.GetPersonalizedRankingRequest;
import software.amazon.awssdk.services.personalizeruntime.model.GetRecommendationsRequest;
import software.amazon.awssdk.services.personalizeruntime.model.PersonalizeRuntimeException;

/**
 * The answer cache through the handler, with API Gateway's events: repeated requests answered without a Personalize
 * call, everything the answer depends on in the key, the TTL on an injected clock, an event dropping its user's
 * answers, errors never kept. Personalize (a mock) numbers its answers RID-1, RID-2, ... so a reused one shows.
 */
class CachedAnswersTest {
    private static final int TTL_SECONDS = 60;

    private final TestApi api = new TestApi();
    private final ManualClock clock = new ManualClock();
    private final AtomicInteger answers = new AtomicInteger();
    /** The movies the mock's user-personalization campaign leaves out: what the users were seen to watch. */
    private final List<String> watched = new ArrayList<>();
    private ApiHandler handler;

    @BeforeEach
    void personalizeAnswers() {
        when(api.runtime.getRecommendations(any(GetRecommendationsRequest.class))).thenAnswer(call -> {
            List<String> movies = new ArrayList<>(List.of("12", "50", "1", "2"));
            movies.removeAll(watched);
            return TestApi.recommendations("RID-" + answers.incrementAndGet(), movies.toArray(String[]::new));
        });
        when(api.runtime.getPersonalizedRanking(any(GetPersonalizedRankingRequest.class)))
                .thenAnswer(call -> TestApi.ranking("RID-" + answers.incrementAndGet(), "12", "1", "2", "3"));
        when(api.events.putEvents(any(PutEventsRequest.class))).thenAnswer(call -> {
            watched.add(call.<PutEventsRequest>getArgument(0).eventList().get(0).itemId());
            return PutEventsResponse.builder().build();
        });
        handler = api.handler(cachedConfig(100), clock);
    }

    private static ApiConfig cachedConfig(int maxEntries) {
        Map<String, String> env = TestApi.environment();
        env.put("CACHE_TTL_SECONDS", Integer.toString(TTL_SECONDS));
        env.put("CACHE_MAX_ENTRIES", Integer.toString(maxEntries));
        return ApiConfig.fromEnvironment(env);
    }

    @Test
    void aRepeatedRequestIsAnsweredWithoutCallingPersonalize() {
        APIGatewayProxyResponseEvent first = call("get-user-recommendations");
        APIGatewayProxyResponseEvent second = call("get-user-recommendations");

        assertThat(second.getStatusCode()).isEqualTo(200);
        assertThat(second.getBody()).isEqualTo(first.getBody()).contains("\"recommendationId\":\"RID-1\"");
        assertThat(second.getHeaders()).containsEntry("Access-Control-Allow-Origin", TestApi.ORIGIN);
        verify(api.runtime, times(1)).getRecommendations(any(GetRecommendationsRequest.class));
        assertThat(handler.answerCache().hits()).isEqualTo(1);
    }

    @Test
    void anotherCountGenreOrUserIsAskedOfPersonalize() {
        call("get-user-recommendations");
        handle(withCount(TestApi.event("get-user-recommendations"), "25"));
        call("get-user-recommendations-genre");
        handle(forUser(TestApi.event("get-user-recommendations"), "7"));

        assertThat(sentRequests()).extracting(GetRecommendationsRequest::userId, GetRecommendationsRequest::numResults,
                        GetRecommendationsRequest::filterArn)
                .containsExactly(
                        tuple("42", 10, TestApi.UNWATCHED_FILTER),
                        tuple("42", 25, TestApi.UNWATCHED_FILTER),
                        tuple("42", 5, TestApi.GENRE_FILTER),
                        tuple("7", 10, TestApi.UNWATCHED_FILTER));

        call("get-user-recommendations");
        handle(withCount(TestApi.event("get-user-recommendations"), "25"));
        call("get-user-recommendations-genre");
        handle(forUser(TestApi.event("get-user-recommendations"), "7"));
        verify(api.runtime, times(4)).getRecommendations(any(GetRecommendationsRequest.class));
    }

    @Test
    void anAnswerIsReusedForTheTtlAndAskedAgainAfterIt() {
        call("get-user-recommendations");
        clock.advance(Duration.ofSeconds(TTL_SECONDS).minusMillis(1));
        assertThat(body(call("get-user-recommendations")).path("recommendationId").asText()).isEqualTo("RID-1");

        clock.advance(Duration.ofMillis(1));
        assertThat(body(call("get-user-recommendations")).path("recommendationId").asText()).isEqualTo("RID-2");
        verify(api.runtime, times(2)).getRecommendations(any(GetRecommendationsRequest.class));
    }

    @Test
    void markingAMovieWatchedRemovesItFromTheNextAnswerAtOnce() {
        assertThat(movieIds(call("get-user-recommendations"))).containsExactly("12", "50", "1", "2");

        assertThat(call("post-event").getStatusCode()).isEqualTo(202); // user 42 watched movie 12

        assertThat(movieIds(call("get-user-recommendations"))).containsExactly("50", "1", "2");
        verify(api.runtime, times(2)).getRecommendations(any(GetRecommendationsRequest.class));
    }

    @Test
    void anEventDropsAllOfItsUsersAnswersAndNoOneElses() {
        List<String> requests = List.of("get-user-recommendations", "get-user-recommendations-genre", "post-rankings",
                "get-similar-movies", "get-popular-movies");
        requests.forEach(this::call);
        handle(forUser(TestApi.event("get-user-recommendations"), "7"));
        int asked = answers.get();

        call("post-event"); // user 42

        requests.forEach(this::call);
        handle(forUser(TestApi.event("get-user-recommendations"), "7"));
        // 42's recommendations, genre recommendations and ranking are asked again; 7's, similar and popular are not.
        assertThat(answers.get() - asked).isEqualTo(3);
        verify(api.runtime, times(2)).getPersonalizedRanking(any(GetPersonalizedRankingRequest.class));
    }

    @Test
    void anUnknownUsersCachedFallbackEndsWithTheirFirstEvent() {
        JsonNode before = body(call("get-user-recommendations-unknown-user"));
        assertThat(before.path("fallback").asBoolean()).isTrue();
        assertThat(body(call("get-user-recommendations-unknown-user")).path("fallback").asBoolean()).isTrue();

        assertThat(call("post-event-base64").getStatusCode()).isEqualTo(202); // u-new-9999 clicked movie 1

        JsonNode after = body(call("get-user-recommendations-unknown-user"));
        assertThat(after.path("fallback").asBoolean()).isFalse();
        assertThat(sentRequests()).extracting(GetRecommendationsRequest::campaignArn)
                .containsExactly(TestApi.POPULAR_CAMPAIGN, TestApi.USER_CAMPAIGN);
    }

    @Test
    void aFailedCallIsNotKeptAndTheNextRequestAsksAgain() {
        when(api.runtime.getRecommendations(any(GetRecommendationsRequest.class)))
                .thenThrow(error(400, "ThrottlingException"))
                .thenAnswer(call -> TestApi.recommendations("RID-after-throttling", "50"));

        assertThat(call("get-user-recommendations").getStatusCode()).isEqualTo(429);
        assertThat(call("get-user-recommendations").getStatusCode()).isEqualTo(200);
        assertThat(body(call("get-user-recommendations")).path("recommendationId").asText())
                .isEqualTo("RID-after-throttling");
        verify(api.runtime, times(2)).getRecommendations(any(GetRecommendationsRequest.class));
    }

    @Test
    void aFailedEventStillDropsItsUsersAnswersSinceItMayHaveBeenRecorded() {
        call("get-user-recommendations");
        when(api.events.putEvents(any(PutEventsRequest.class))).thenThrow(error(500, "InternalFailure"));

        assertThat(call("post-event").getStatusCode()).isEqualTo(502);

        assertThat(body(call("get-user-recommendations")).path("recommendationId").asText()).isEqualTo("RID-2");
    }

    @Test
    void cacheControlMaxAgeZeroAsksPersonalizeAndKeepsTheNewAnswer() {
        call("get-user-recommendations");
        clock.advance(Duration.ofSeconds(1));

        APIGatewayProxyResponseEvent fresh = handle(withCacheControl(TestApi.event("get-user-recommendations"),
                "max-age=0")); // what fetch(url, {cache: "no-cache"}) sends

        assertThat(body(fresh).path("recommendationId").asText()).isEqualTo("RID-2");
        assertThat(body(call("get-user-recommendations")).path("recommendationId").asText()).isEqualTo("RID-2");
        verify(api.runtime, times(2)).getRecommendations(any(GetRecommendationsRequest.class));
    }

    @Test
    void cacheControlNoCacheFromTheWebPagesNoStoreFetchesStillGetsTheCachedAnswer() {
        call("get-user-recommendations");

        // fetch(url, {cache: "no-store"}), as web/app.js calls the API, sends these with every request.
        APIGatewayProxyRequestEvent noStore = withCacheControl(TestApi.event("get-user-recommendations"), "no-cache");
        noStore.getHeaders().put("Pragma", "no-cache");

        assertThat(body(handle(noStore)).path("recommendationId").asText()).isEqualTo("RID-1");
        verify(api.runtime, times(1)).getRecommendations(any(GetRecommendationsRequest.class));
    }

    @Test
    void aRankingIsReusedForTheSameMoviesInTheSameOrderOnly() {
        APIGatewayProxyRequestEvent reordered = TestApi.event("post-rankings")
                .withBody("{\"movieIds\": [\"12\", \"3\", \"2\", \"1\"]}");

        call("post-rankings");
        call("post-rankings");
        handle(reordered);

        verify(api.runtime, times(2)).getPersonalizedRanking(any(GetPersonalizedRankingRequest.class));
    }

    @Test
    void similarAndPopularMoviesAreReusedForEveryone() {
        call("get-similar-movies");
        call("get-similar-movies");
        call("get-popular-movies");
        call("get-popular-movies");

        assertThat(sentRequests()).extracting(GetRecommendationsRequest::campaignArn)
                .containsExactly(TestApi.RELATED_CAMPAIGN, TestApi.POPULAR_CAMPAIGN);
    }

    @Test
    void whenTheCacheIsFullTheOldestAnswerMakesRoom() {
        handler = api.handler(cachedConfig(2), clock);
        for (String user : List.of("42", "7", "8", "42", "8")) {
            handle(forUser(TestApi.event("get-user-recommendations"), user));
        }

        // 42 was dropped for 8, so it is asked again; 8 is still held.
        assertThat(sentRequests()).extracting(GetRecommendationsRequest::userId).containsExactly("42", "7", "8", "42");
    }

    @Test
    void withoutACacheTtlEveryRequestReachesPersonalize() {
        handler = api.handler(TestApi.config(), clock);

        call("get-user-recommendations");
        call("get-user-recommendations");

        verify(api.runtime, times(2)).getRecommendations(any(GetRecommendationsRequest.class));
        assertThat(handler.answerCache().enabled()).isFalse();
    }

    private APIGatewayProxyResponseEvent call(String fixture) {
        return handle(TestApi.event(fixture));
    }

    private APIGatewayProxyResponseEvent handle(APIGatewayProxyRequestEvent event) {
        return handler.handleRequest(event, null);
    }

    private static APIGatewayProxyRequestEvent forUser(APIGatewayProxyRequestEvent event, String userId) {
        return event.withPath("/users/" + userId + "/recommendations").withPathParameters(Map.of("userId", userId));
    }

    private static APIGatewayProxyRequestEvent withCacheControl(APIGatewayProxyRequestEvent event, String value) {
        Map<String, String> headers = new HashMap<>(event.getHeaders());
        headers.put("cache-control", value);
        return event.withHeaders(headers).withMultiValueHeaders(null);
    }

    private static APIGatewayProxyRequestEvent withCount(APIGatewayProxyRequestEvent event, String count) {
        return event.withQueryStringParameters(Map.of("count", count))
                .withMultiValueQueryStringParameters(Map.of("count", List.of(count)));
    }

    private static JsonNode body(APIGatewayProxyResponseEvent response) {
        return TestApi.body(response);
    }

    private static List<String> movieIds(APIGatewayProxyResponseEvent response) {
        List<String> ids = new ArrayList<>();
        body(response).path("items").forEach(item -> ids.add(item.path("movieId").asText()));
        return ids;
    }

    private List<GetRecommendationsRequest> sentRequests() {
        ArgumentCaptor<GetRecommendationsRequest> sent = ArgumentCaptor.forClass(GetRecommendationsRequest.class);
        verify(api.runtime, org.mockito.Mockito.atLeast(0)).getRecommendations(sent.capture());
        return sent.getAllValues();
    }

    private static PersonalizeRuntimeException error(int status, String code) {
        return (PersonalizeRuntimeException) PersonalizeRuntimeException.builder().statusCode(status)
                .message(code + " from Personalize")
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).serviceName("Personalize").build()).build();
    }
}
