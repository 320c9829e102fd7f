package com.movierec.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.movierec.api.cache.AnswerCache;
import com.movierec.api.auth.SignedInUsers;
import com.movierec.api.catalog.Movie;
import com.movierec.api.catalog.MovieCatalog;
import com.movierec.api.http.ApiRequest;
import com.movierec.api.log.JsonLog;
import com.movierec.api.personalize.AnswerKey;
import com.movierec.api.personalize.PrimingHttpClient;
import com.movierec.api.personalize.RecommendationList;
import com.movierec.api.personalize.RecommendedMovie;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.crac.Core;
import org.crac.Resource;

/**
 * SnapStart priming: before Lambda snapshots the initialised instance, route requests of every kind (valid and
 * invalid) through the real router and SDK clients, with {@link PrimingHttpClient} answering each Personalize call
 * in-process, and render a full success body from the catalog. The snapshot then holds those classes loaded and
 * initialised, so the first request after a restore does not pay for them. Nothing leaves the instance, and nothing
 * stays in the answer cache: it is emptied after each round, so every round reaches the SDK and no made-up answer is
 * in the snapshot.
 */
final class Priming implements Resource {
    static final int ROUNDS = 3;

    private final Router router;
    private final MovieCatalog catalog;
    private final PrimingHttpClient http;
    private final AnswerCache<AnswerKey, RecommendationList> cache;

    private Priming(Router router, MovieCatalog catalog, PrimingHttpClient http,
            AnswerCache<AnswerKey, RecommendationList> cache) {
        this.router = router;
        this.catalog = catalog;
        this.http = http;
        this.cache = cache;
    }

    static Priming register(Router router, MovieCatalog catalog, PrimingHttpClient http,
            AnswerCache<AnswerKey, RecommendationList> cache) {
        Priming priming = new Priming(router, catalog, http, cache);
        Core.getGlobalContext().register(priming);
        return priming;
    }

    @Override
    public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
        prime();
    }

    @Override
    public void afterRestore(org.crac.Context<? extends Resource> context) {
        // Nothing was opened or cached that a restore invalidates: clients reconnect on demand.
    }

    /** Runs the priming requests with Personalize answered in-process; returns how many were routed. */
    int prime() {
        List<APIGatewayProxyRequestEvent> requests = requests();
        http.whileArmed(catalog.movies().iterator().next().movieId(), () -> {
            for (int round = 0; round < ROUNDS; round++) {
                for (APIGatewayProxyRequestEvent event : requests) {
                    router.route(ApiRequest.of(event, "snapstart-priming"));
                }
                cache.clear();
                ResponseBodies.recommendations("userId", "priming", sampleList());
            }
        });
        JsonLog.info("Primed for SnapStart", "requests", requests.size() * ROUNDS,
                "sdkCallsAnsweredInProcess", http.answeredCalls());
        return requests.size() * ROUNDS;
    }

    private List<APIGatewayProxyRequestEvent> requests() {
        String id = catalog.movies().iterator().next().movieId();
        List<APIGatewayProxyRequestEvent> requests = new ArrayList<>(List.of(
                get("/users/{userId}/recommendations", Map.of("userId", "priming"), Map.of("count", "25")),
                get("/movies/{movieId}/similar", Map.of("movieId", id), Map.of("count", "10")),
                get("/movies/popular", Map.of(), Map.of()),
                get("/movies/{movieId}", Map.of("movieId", id), Map.of()),
                post("/users/{userId}/rankings", Map.of("userId", "priming"), "{\"movieIds\":[\"" + id + "\"]}"),
                post("/events", Map.of(), "{\"userId\":\"priming\",\"movieId\":\"" + id + "\",\"eventType\":\"Click\"}"),
                // The error paths: bad count, unknown movie, broken JSON, wrong method, no such path, a raw path.
                get("/users/{userId}/recommendations", Map.of("userId", "priming"), Map.of("count", "0")),
                get("/movies/{movieId}", Map.of("movieId", "no-such-movie"), Map.of()),
                post("/events", Map.of(), "{\"userId\":"),
                new APIGatewayProxyRequestEvent().withHttpMethod("DELETE").withPath("/movies/" + id),
                new APIGatewayProxyRequestEvent().withHttpMethod("GET").withPath("/no/such/path")));
        if (!catalog.genres().isEmpty()) {
            requests.add(get("/users/{userId}/recommendations", Map.of("userId", "priming"),
                    Map.of("genre", catalog.genres().get(0))));
        }
        return requests;
    }

    private RecommendationList sampleList() {
        List<RecommendedMovie> items = new ArrayList<>();
        for (Movie movie : catalog.movies()) {
            if (items.size() == Validation.DEFAULT_COUNT) {
                break;
            }
            items.add(new RecommendedMovie(movie, 0.5));
        }
        return new RecommendationList("priming", false, items);
    }

    private static APIGatewayProxyRequestEvent get(String resource, Map<String, String> path, Map<String, String> query) {
        return new APIGatewayProxyRequestEvent().withHttpMethod("GET").withResource(resource)
                .withPathParameters(path).withQueryStringParameters(query).withRequestContext(signedIn());
    }

    private static APIGatewayProxyRequestEvent post(String resource, Map<String, String> path, String body) {
        return new APIGatewayProxyRequestEvent().withHttpMethod("POST").withResource(resource)
                .withPathParameters(path).withBody(body).withRequestContext(signedIn());
    }

    /** The Cognito authorizer's claims of user "priming", so that api.auth jwt primes the same calls as API keys. */
    private static APIGatewayProxyRequestEvent.ProxyRequestContext signedIn() {
        APIGatewayProxyRequestEvent.ProxyRequestContext context = new APIGatewayProxyRequestEvent.ProxyRequestContext();
        context.setAuthorizer(Map.<String, Object>of("claims", Map.of(SignedInUsers.SUBJECT_CLAIM, "priming",
                SignedInUsers.USER_ID_CLAIM, "priming", "token_use", "id")));
        return context;
    }
}
