package com.movierec.schemas.contract;

/**
 * The API Lambda's environment variables (lambdas/api/README.md): infra's API stack and the local deployer set them,
 * the API reads them. The client-side half of the contract ({@link com.movierec.schemas.contract}).
 */
public final class ApiEnvironment {
    /** The campaign for {@code GET /users/{userId}/recommendations}. */
    public static final String USER_PERSONALIZATION_CAMPAIGN_ARN = "USER_PERSONALIZATION_CAMPAIGN_ARN";
    /** The campaign for {@code GET /movies/{movieId}/similar}. */
    public static final String RELATED_ITEMS_CAMPAIGN_ARN = "RELATED_ITEMS_CAMPAIGN_ARN";
    /** The campaign for {@code GET /movies/popular} and the fallback for users the model does not know. */
    public static final String POPULARITY_CAMPAIGN_ARN = "POPULARITY_CAMPAIGN_ARN";
    /** The campaign for {@code POST /users/{userId}/rankings}. */
    public static final String RANKING_CAMPAIGN_ARN = "RANKING_CAMPAIGN_ARN";
    /** The filter that excludes what the user watched. */
    public static final String UNWATCHED_FILTER_ARN = "UNWATCHED_FILTER_ARN";
    /** The same filter with a genre parameter. */
    public static final String UNWATCHED_IN_GENRE_FILTER_ARN = "UNWATCHED_IN_GENRE_FILTER_ARN";
    /** The event tracker's tracking id, for {@code POST /events}. */
    public static final String EVENT_TRACKER_ID = "EVENT_TRACKER_ID";
    /** The event type recorded when a {@code POST /events} body names none. */
    public static final String EVENT_TYPE = "EVENT_TYPE";
    /** data-prep's items.csv; {@link #DEFAULT_ITEMS_FILE} when unset. */
    public static final String ITEMS_FILE = "ITEMS_FILE";
    /** The users of the training data, one a line; {@link #DEFAULT_KNOWN_USERS_FILE} when unset. */
    public static final String KNOWN_USERS_FILE = "KNOWN_USERS_FILE";
    /** The CORS origins, comma-separated. */
    public static final String ALLOWED_ORIGINS = "ALLOWED_ORIGINS";
    /** Seconds an answer of Personalize is reused for the same request; 0 or unset: no answer cache. */
    public static final String CACHE_TTL_SECONDS = "CACHE_TTL_SECONDS";
    /** The most answers the cache of one execution environment holds; {@link #DEFAULT_CACHE_MAX_ENTRIES} when unset. */
    public static final String CACHE_MAX_ENTRIES = "CACHE_MAX_ENTRIES";
    /** A Personalize-runtime-compatible endpoint instead of AWS's (local mode). */
    public static final String PERSONALIZE_RUNTIME_ENDPOINT = "PERSONALIZE_RUNTIME_ENDPOINT";
    /** A Personalize-events-compatible endpoint instead of AWS's (local mode). */
    public static final String PERSONALIZE_EVENTS_ENDPOINT = "PERSONALIZE_EVENTS_ENDPOINT";
    /**
     * How API Gateway authenticates callers, api.auth's value: {@link #AUTH_MODE_JWT} makes the API read the signed-in
     * user from the Cognito authorizer's claims and refuse (403) acting for another user; unset means apiKey.
     */
    public static final String AUTH_MODE = "AUTH_MODE";
    public static final String AUTH_MODE_API_KEY = "apiKey";
    public static final String AUTH_MODE_IAM = "iam";
    public static final String AUTH_MODE_JWT = "jwt";

    /** Where the API's data layer puts items.csv (Lambda unpacks layers into /opt), and so the API's default. */
    public static final String DEFAULT_ITEMS_FILE = "/opt/movierec/items.csv";
    /** Where the API's data layer puts the known users, and so the API's default. */
    public static final String DEFAULT_KNOWN_USERS_FILE = "/opt/movierec/known-users.txt";

    /** The answer cache's size when {@link #CACHE_MAX_ENTRIES} is unset. */
    public static final int DEFAULT_CACHE_MAX_ENTRIES = 10_000;
    /** The longest {@link #CACHE_TTL_SECONDS}: an hour, as API Gateway's own stage cache allows. */
    public static final int MAX_CACHE_TTL_SECONDS = 3_600;
    /** The largest {@link #CACHE_MAX_ENTRIES} (an answer of 100 movies holds a few KB; see lambdas/api/README.md). */
    public static final int MAX_CACHE_ENTRIES = 100_000;

    private ApiEnvironment() {
    }
}
