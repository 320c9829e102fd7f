package com.movierec.api;

import com.movierec.api.cache.CacheControl;
import com.movierec.api.auth.SignedInUsers;
import com.movierec.api.catalog.MovieCatalog;
import com.movierec.api.http.ApiException;
import com.movierec.api.http.ApiRequest;
import com.movierec.api.http.ApiResponse;
import com.movierec.api.json.JsonFields;
import com.movierec.api.personalize.EventRecorder;
import com.movierec.api.personalize.RecommendationList;
import com.movierec.api.personalize.Recommendations;
import com.movierec.api.personalize.UserEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One method per endpoint: check who may call it, validate everything the client sent, call the service, render the
 * body.
 */
final class Operations {
    private final Recommendations recommendations;
    private final EventRecorder events;
    private final MovieCatalog catalog;
    private final Set<String> eventTypes;
    private final Clock clock;
    private final SignedInUsers users;

    Operations(Recommendations recommendations, EventRecorder events, MovieCatalog catalog, ApiConfig config,
            Clock clock, SignedInUsers users) {
        this.recommendations = recommendations;
        this.events = events;
        this.catalog = catalog;
        this.eventTypes = new LinkedHashSet<>(List.of("Watch", "Click", config.eventType()));
        this.clock = clock;
        this.users = users;
    }

    ApiResponse handle(Endpoint.Match match, ApiRequest request) {
        if (match.endpoint() != Endpoint.OPENAPI_DOCUMENT) {
            users.requireSignedIn(request);
        }
        return switch (match.endpoint()) {
            case USER_RECOMMENDATIONS -> userRecommendations(match.parameter(), request);
            case SIMILAR_MOVIES -> similarMovies(match.parameter(), request);
            case POPULAR_MOVIES -> popularMovies(request);
            case MOVIE -> movie(match.parameter());
            case USER_RANKINGS -> userRankings(match.parameter(), request);
            case EVENTS -> recordEvent(request);
            case OPENAPI_DOCUMENT -> new ApiResponse(200, Map.of("Content-Type", "application/yaml"),
                    OpenApiDocument.text());
        };
    }

    private ApiResponse userRecommendations(String userIdParameter, ApiRequest request) {
        String userId = Validation.id("userId", userIdParameter);
        users.requireActingFor(request, userId);
        int count = Validation.count(request.queryParameter("count"));
        String genre = Validation.genre(request.queryParameter("genre"), catalog);
        RecommendationList list = recommendations.forUser(userId, count, genre, maxAge(request));
        return ApiResponse.json(200, ResponseBodies.recommendations("userId", userId, list));
    }

    private ApiResponse similarMovies(String movieIdParameter, ApiRequest request) {
        int count = Validation.count(request.queryParameter("count"));
        String movieId = Validation.knownMovie("movieId", movieIdParameter, catalog);
        RecommendationList list = recommendations.similarTo(movieId, count, maxAge(request));
        return ApiResponse.json(200, ResponseBodies.recommendations("movieId", movieId, list));
    }

    private ApiResponse popularMovies(ApiRequest request) {
        int count = Validation.count(request.queryParameter("count"));
        return ApiResponse.json(200, ResponseBodies.recommendations(null, null,
                recommendations.popular(count, maxAge(request))));
    }

    private ApiResponse movie(String movieIdParameter) {
        String movieId = Validation.knownMovie("movieId", movieIdParameter, catalog);
        return ApiResponse.json(200, ResponseBodies.movie(catalog.find(movieId)));
    }

    private ApiResponse userRankings(String userIdParameter, ApiRequest request) {
        String userId = Validation.id("userId", userIdParameter);
        users.requireActingFor(request, userId);
        JsonFields body = JsonFields.parse(request.body(Validation.MAX_RANKING_BODY_BYTES));
        List<String> movieIds = body.strings("movieIds");
        if (movieIds == null || movieIds.isEmpty() || movieIds.size() > Validation.MAX_RANKING_IDS) {
            throw ApiException.badRequest("movieIds must be an array of 1 to " + Validation.MAX_RANKING_IDS
                    + " movie ids.");
        }
        Set<String> seen = new HashSet<>();
        for (String movieId : movieIds) {
            Validation.id("Each of movieIds", movieId);
            if (!seen.add(movieId)) {
                throw ApiException.badRequest("movieIds lists movie " + movieId + " more than once.");
            }
        }
        for (String movieId : movieIds) {
            Validation.knownMovie("movieIds", movieId, catalog);
        }
        RecommendationList ranked = recommendations.rank(userId, movieIds, maxAge(request));
        return ApiResponse.json(200, ResponseBodies.recommendations("userId", userId, ranked));
    }

    private ApiResponse recordEvent(ApiRequest request) {
        JsonFields body = JsonFields.parse(request.body(Validation.MAX_EVENT_BODY_BYTES));
        String userId = Validation.id("userId", body.string("userId"));
        users.requireActingFor(request, userId);
        String movieId = Validation.id("movieId", body.string("movieId"));
        String eventType = body.string("eventType");
        if (eventType != null && !eventTypes.contains(eventType)) {
            throw ApiException.badRequest("eventType must be one of " + String.join(", ", eventTypes) + ".");
        }
        String sessionId = Validation.optionalId("sessionId", body.string("sessionId"));
        String recommendationId = Validation.optionalId("recommendationId", body.string("recommendationId"));
        Instant sentAt = sentAt(body.wholeNumber("timestamp", "a whole number of epoch seconds"));
        Validation.knownMovie("movieId", movieId, catalog);
        events.record(new UserEvent(userId, movieId, eventType, sessionId, recommendationId, sentAt));
        return ApiResponse.json(202, ResponseBodies.accepted(1));
    }

    /** The oldest cached answer the client accepts ({@code Cache-Control: max-age=N}); any, without one. */
    private static long maxAge(ApiRequest request) {
        return CacheControl.maxAgeMillis(request.header("Cache-Control"));
    }

    private Instant sentAt(Long epochSeconds) {
        if (epochSeconds == null) {
            return null;
        }
        long latest = clock.instant().getEpochSecond() + Validation.MAX_FUTURE_SECONDS;
        if (epochSeconds < 0 || epochSeconds > latest) {
            throw ApiException.badRequest("timestamp must be epoch seconds (not milliseconds) and not in the future.");
        }
        return Instant.ofEpochSecond(epochSeconds);
    }
}
