package com.movierec.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.movierec.api.cache.AnswerCache;
import com.movierec.api.auth.SignedInUsers;
import com.movierec.api.catalog.KnownUsers;
import com.movierec.api.catalog.MovieCatalog;
import com.movierec.api.http.ApiRequest;
import com.movierec.api.http.Cors;
import com.movierec.api.log.JsonLog;
import com.movierec.api.personalize.AnswerKey;
import com.movierec.api.personalize.EventRecorder;
import com.movierec.api.personalize.PersonalizeClients;
import com.movierec.api.personalize.PrimingHttpClient;
import com.movierec.api.personalize.RecommendationList;
import com.movierec.api.personalize.Recommendations;
import java.time.Clock;
import software.amazon.awssdk.services.personalizeevents.PersonalizeEventsClient;
import software.amazon.awssdk.services.personalizeruntime.PersonalizeRuntimeClient;

/**
 * The recommendations API's Lambda handler (API Gateway REST API, Lambda proxy integration):
 * {@code com.movierec.api.ApiHandler::handleRequest}. Everything is built once per instance, in the constructor, so
 * SnapStart snapshots it; each request is routed, answered and logged as one JSON line.
 */
public final class ApiHandler implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
    private final Router router;
    private final AnswerCache<AnswerKey, RecommendationList> cache;
    /** Held here because CRaC keeps only weak references to registered resources. */
    private final Priming priming;

    /** Lambda's constructor: configuration from the environment, real clients, SnapStart priming registered. */
    public ApiHandler() {
        this(ApiConfig.fromEnvironment(System.getenv()), new PrimingHttpClient(PersonalizeClients.httpClient()));
    }

    private ApiHandler(ApiConfig config, PrimingHttpClient http) {
        this(config, PersonalizeClients.runtime(config, http), PersonalizeClients.events(config, http),
                MovieCatalog.load(config.itemsFile()), http);
    }

    /**
     * For tests and the local HTTP adapter: the given clients (e.g. pointed at a local Personalize-compatible
     * server) and catalog; the known users come from {@code config.knownUsersFile()}. No SnapStart priming.
     */
    public ApiHandler(ApiConfig config, PersonalizeRuntimeClient runtime, PersonalizeEventsClient events,
            MovieCatalog catalog) {
        this(config, runtime, events, catalog, Clock.systemUTC());
    }

    /**
     * As above, on {@code clock}'s time: the answer cache's TTL and an event's default time (tests, and the cache
     * benchmark replaying a request log).
     */
    public ApiHandler(ApiConfig config, PersonalizeRuntimeClient runtime, PersonalizeEventsClient events,
            MovieCatalog catalog, Clock clock) {
        this(config, runtime, events, catalog, null, clock);
    }

    /** With {@code http}, registers SnapStart priming; the clients must send through that HTTP client. */
    ApiHandler(ApiConfig config, PersonalizeRuntimeClient runtime, PersonalizeEventsClient events,
            MovieCatalog catalog, PrimingHttpClient http) {
        this(config, runtime, events, catalog, http, Clock.systemUTC());
    }

    private ApiHandler(ApiConfig config, PersonalizeRuntimeClient runtime, PersonalizeEventsClient events,
            MovieCatalog catalog, PrimingHttpClient http, Clock clock) {
        KnownUsers knownUsers = KnownUsers.load(config.knownUsersFile());
        AnswerCache<AnswerKey, RecommendationList> cache = new AnswerCache<>(config.cache(), clock, AnswerKey::userId);
        Operations operations = new Operations(new Recommendations(config, runtime, catalog, knownUsers, cache),
                new EventRecorder(config, events, knownUsers, clock, cache), catalog, config, clock,
                new SignedInUsers(config.authMode()));
        this.router = new Router(operations, new Cors(config.allowedOrigins()));
        this.cache = cache;
        this.priming = http == null ? null : Priming.register(router, catalog, http, cache);
        JsonLog.info("Recommendations API ready", "movies", catalog.size(),
                "userPersonalization", config.userPersonalizationCampaignArn() != null,
                "relatedItems", config.relatedItemsCampaignArn() != null,
                "popularity", config.popularityCampaignArn() != null,
                "ranking", config.rankingCampaignArn() != null,
                "events", config.eventTrackerId() != null,
                "answerCacheTtlSeconds", config.cache().ttl().toSeconds(),
                "answerCacheMaxEntries", config.cache().maxEntries(),
                "authMode", config.authMode().variableValue(),
                "snapStartPriming", priming != null);
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        long started = System.nanoTime();
        ApiRequest request = ApiRequest.of(event, context == null ? null : context.getAwsRequestId());
        JsonLog.startRequest(context, request.requestId());
        try {
            Router.Outcome outcome = router.route(request);
            RequestLog.write(request, outcome, System.nanoTime() - started);
            return outcome.response().toEvent();
        } finally {
            JsonLog.endRequest();
        }
    }

    /** This instance's answer cache: its hits and misses (the cache benchmark), its size. */
    public AnswerCache<AnswerKey, RecommendationList> answerCache() {
        return cache;
    }

    /** The SnapStart priming of this instance, or null when it was built without the priming HTTP client. */
    Priming priming() {
        return priming;
    }
}
