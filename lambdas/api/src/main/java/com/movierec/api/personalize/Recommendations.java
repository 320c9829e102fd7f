package com.movierec.api.personalize;

import com.movierec.api.ApiConfig;
import com.movierec.api.cache.AnswerCache;
import com.movierec.api.catalog.KnownUsers;
import com.movierec.api.catalog.Movie;
import com.movierec.api.catalog.MovieCatalog;
import com.movierec.api.http.ApiException;
import com.movierec.api.log.JsonLog;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.personalizeruntime.PersonalizeRuntimeClient;
import software.amazon.awssdk.services.personalizeruntime.model.GetPersonalizedRankingRequest;
import software.amazon.awssdk.services.personalizeruntime.model.GetPersonalizedRankingResponse;
import software.amazon.awssdk.services.personalizeruntime.model.GetRecommendationsRequest;
import software.amazon.awssdk.services.personalizeruntime.model.GetRecommendationsResponse;
import software.amazon.awssdk.services.personalizeruntime.model.PredictedItem;

/**
 * The four read operations on Personalize's campaigns, with catalog metadata joined to every item. Inputs arrive
 * validated; what is left here is choosing the campaign and filter, and turning failures into API errors. Answers go
 * through the answer cache, keyed by the request sent ({@link AnswerKey}); {@code maxAgeMillis} is the oldest stored
 * answer the client accepts ({@link com.movierec.api.cache.CacheControl#ANY_AGE} for any within the TTL).
 */
public final class Recommendations {
    /** The genre filter's placeholder: the filter expression says {@code Items.GENRES IN ($GENRE)}. */
    public static final String GENRE_PARAMETER = "GENRE";

    private final ApiConfig config;
    private final PersonalizeRuntimeClient runtime;
    private final MovieCatalog catalog;
    private final KnownUsers knownUsers;
    private final AnswerCache<AnswerKey, RecommendationList> cache;

    public Recommendations(ApiConfig config, PersonalizeRuntimeClient runtime, MovieCatalog catalog,
            KnownUsers knownUsers, AnswerCache<AnswerKey, RecommendationList> cache) {
        this.config = config;
        this.runtime = runtime;
        this.catalog = catalog;
        this.knownUsers = knownUsers;
        this.cache = cache;
    }

    /**
     * Movies for a user, without what they watched, optionally in one genre (the catalog's spelling). A user the model
     * does not know gets the popular list, marked as a fallback, when the popularity campaign exists.
     */
    public RecommendationList forUser(String userId, int count, String genre, long maxAgeMillis) {
        String campaign = require(config.userPersonalizationCampaignArn(), "User personalization");
        String filter = config.unwatchedFilterArn();
        Map<String, String> filterValues = Map.of();
        if (genre != null) {
            filter = require(config.unwatchedInGenreFilterArn(), "Filtering by genre");
            // Personalize takes filter values as a list of quoted strings; the genre comes from the catalog.
            filterValues = Map.of(GENRE_PARAMETER, "\"" + genre + "\"");
        }
        boolean fallback = !knownUsers.isKnown(userId) && config.popularityCampaignArn() != null;
        var request = GetRecommendationsRequest.builder()
                .campaignArn(fallback ? config.popularityCampaignArn() : campaign)
                .userId(userId)
                .numResults(count)
                .filterArn(filter);
        if (!filterValues.isEmpty()) {
            request.filterValues(filterValues);
        }
        return recommendations("GetRecommendations(user)", request.build(), fallback, maxAgeMillis);
    }

    /** Movies similar to one in the catalog ("because you watched"). */
    public RecommendationList similarTo(String movieId, int count, long maxAgeMillis) {
        String campaign = require(config.relatedItemsCampaignArn(), "Similar movies");
        return recommendations("GetRecommendations(similar)", GetRecommendationsRequest.builder()
                .campaignArn(campaign).itemId(movieId).numResults(count).build(), false, maxAgeMillis);
    }

    /** The most popular movies overall. */
    public RecommendationList popular(int count, long maxAgeMillis) {
        String campaign = require(config.popularityCampaignArn(), "Popular movies");
        return recommendations("GetRecommendations(popular)", GetRecommendationsRequest.builder()
                .campaignArn(campaign).numResults(count).build(), false, maxAgeMillis);
    }

    /** The given catalog movies ordered for the user. */
    public RecommendationList rank(String userId, List<String> movieIds, long maxAgeMillis) {
        String campaign = require(config.rankingCampaignArn(), "Personalized ranking");
        GetPersonalizedRankingRequest request = GetPersonalizedRankingRequest.builder()
                .campaignArn(campaign).userId(userId).inputList(movieIds).build();
        return cache.get(AnswerKey.of(request), maxAgeMillis, () -> {
            GetPersonalizedRankingResponse response;
            try {
                response = runtime.getPersonalizedRanking(request);
            } catch (SdkException e) {
                throw PersonalizeErrors.translate("GetPersonalizedRanking", e);
            }
            return new RecommendationList(response.recommendationId(), false,
                    withMetadata(response.personalizedRanking()));
        });
    }

    private RecommendationList recommendations(String operation, GetRecommendationsRequest request, boolean fallback,
            long maxAgeMillis) {
        return cache.get(AnswerKey.of(request), maxAgeMillis, () -> {
            GetRecommendationsResponse response;
            try {
                response = runtime.getRecommendations(request);
            } catch (SdkException e) {
                throw PersonalizeErrors.translate(operation, e);
            }
            return new RecommendationList(response.recommendationId(), fallback, withMetadata(response.itemList()));
        });
    }

    /** Joins titles, years and genres; an item the catalog lacks (items.csv older than the model) is left out. */
    private List<RecommendedMovie> withMetadata(List<PredictedItem> predicted) {
        List<RecommendedMovie> items = new ArrayList<>(predicted.size());
        int missing = 0;
        for (PredictedItem item : predicted) {
            Movie movie = item.itemId() == null ? null : catalog.find(item.itemId());
            if (movie == null) {
                missing++;
            } else {
                items.add(new RecommendedMovie(movie, item.score()));
            }
        }
        if (missing > 0) {
            JsonLog.warn("Left out " + missing + " recommended items that the items file does not have: is ITEMS_FILE "
                    + "older than the model?", "missingItems", missing);
        }
        return items;
    }

    private static String require(String arn, String feature) {
        if (arn == null) {
            throw ApiException.notConfigured(feature);
        }
        return arn;
    }
}
