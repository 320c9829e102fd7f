import com.movierec.api.catalog.Movie;
import com.movierec.api.catalog.MovieCatalog;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import software.amazon.awssdk.services.personalizeevents.PersonalizeEventsClient;
import software.amazon.awssdk.services.personalizeevents.model.PutEventsRequest;
import software.amazon.awssdk.services.personalizeevents.model.PutEventsResponse;
import software.amazon.awssdk.services.personalizeruntime.PersonalizeRuntimeClient;
import software.amazon.awssdk.services.personalizeruntime.model.GetPersonalizedRankingRequest;
import software.amazon.awssdk.services.personalizeruntime.model.GetPersonalizedRankingResponse;
import software.amazon.awssdk.services.personalizeruntime.model.GetRecommendationsRequest;
import software.amazon.awssdk.services.personalizeruntime.model.GetRecommendationsResponse;
import software.amazon.awssdk.services.personalizeruntime.model.PredictedItem;

/**
 * Personalize for the replay, in-process: it counts every GetRecommendations and GetPersonalizedRanking call per
 * campaign and per 5-minute window (the window Personalize averages a campaign's TPS over for billing), and answers
 * the way the deployed campaigns behave where it matters to a cache: a user's list leaves out what that user marked
 * watched through PutEvents (the unwatched filter, in real time), a genre filter keeps that genre, similar and
 * popular movies do not depend on anyone's events. The lists themselves are deterministic stand-ins (popularity,
 * perturbed per user), not a model.
 */
final class StandInPersonalize {
    static final long WINDOW_MILLIS = 300_000;

    private final Clock clock;
    private final long startMillis;
    private final List<Movie> byPopularity;
    private final Map<String, Integer> popularityRank = new HashMap<>();
    private final Map<String, Set<String>> watched = new HashMap<>();
    /** The deterministic lists, computed once per user and per movie (the replay's time is in the API, not here). */
    private final Map<String, List<Movie>> userLists = new HashMap<>();
    private final Map<String, List<Movie>> similarLists = new HashMap<>();
    /** campaign ARN -> calls per 5-minute window since the start */
    private final Map<String, Map<Long, Long>> calls = new TreeMap<>();
    private long totalCalls;
    private long answers;

    StandInPersonalize(MovieCatalog catalog, Map<String, Integer> ratingsPerMovie, Clock clock) {
        this.clock = clock;
        this.startMillis = clock.millis();
        this.byPopularity = new ArrayList<>(catalog.movies());
        byPopularity.sort(Comparator.comparingInt((Movie m) -> -ratingsPerMovie.getOrDefault(m.movieId(), 0))
                .thenComparing(Movie::movieId));
        for (int i = 0; i < byPopularity.size(); i++) {
            popularityRank.put(byPopularity.get(i).movieId(), i);
        }
    }

    long totalCalls() {
        return totalCalls;
    }

    Map<String, Map<Long, Long>> callsPerCampaignAndWindow() {
        return calls;
    }

    /** What {@code userId} marked watched so far. */
    Set<String> watchedBy(String userId) {
        return watched.getOrDefault(userId, Set.of());
    }

    PersonalizeRuntimeClient runtime(String userCampaign, String relatedCampaign, String popularCampaign) {
        return new PersonalizeRuntimeClient() {
            @Override
            public GetRecommendationsResponse getRecommendations(GetRecommendationsRequest request) {
                count(request.campaignArn());
                String genre = request.filterValues().isEmpty() ? null
                        : request.filterValues().get("GENRE").replace("\"", "");
                Set<String> exclude = request.userId() != null && request.filterArn() != null
                        ? watchedBy(request.userId()) : Set.of();
                List<Movie> ranked;
                if (request.campaignArn().equals(relatedCampaign)) {
                    ranked = similarTo(request.itemId());
                } else if (request.campaignArn().equals(userCampaign)) {
                    ranked = forUser(request.userId());
                } else if (request.campaignArn().equals(popularCampaign)) {
                    ranked = byPopularity;
                } else {
                    throw new IllegalArgumentException("no such campaign: " + request.campaignArn());
                }
                List<PredictedItem> items = new ArrayList<>();
                for (Movie movie : ranked) {
                    if (items.size() == request.numResults()) {
                        break;
                    }
                    if (!exclude.contains(movie.movieId()) && (genre == null || movie.genres().contains(genre))) {
                        items.add(PredictedItem.builder().itemId(movie.movieId())
                                .score(1.0 / (items.size() + 1)).build());
                    }
                }
                return GetRecommendationsResponse.builder().itemList(items).recommendationId("RID-" + (++answers))
                        .build();
            }

            @Override
            public GetPersonalizedRankingResponse getPersonalizedRanking(GetPersonalizedRankingRequest request) {
                count(request.campaignArn());
                List<String> ids = new ArrayList<>(request.inputList());
                ids.sort(Comparator.comparingLong(id -> mix(request.userId(), id)));
                return GetPersonalizedRankingResponse.builder().recommendationId("RID-" + (++answers))
                        .personalizedRanking(ids.stream().map(id -> PredictedItem.builder().itemId(id).build())
                                .toList()).build();
            }

            @Override
            public String serviceName() {
                return "personalize";
            }

            @Override
            public void close() {
            }
        };
    }

    PersonalizeEventsClient events() {
        return new PersonalizeEventsClient() {
            @Override
            public PutEventsResponse putEvents(PutEventsRequest request) {
                request.eventList().forEach(event ->
                        watched.computeIfAbsent(request.userId(), u -> new HashSet<>()).add(event.itemId()));
                return PutEventsResponse.builder().build();
            }

            @Override
            public String serviceName() {
                return "personalize";
            }

            @Override
            public void close() {
            }
        };
    }

    private void count(String campaign) {
        totalCalls++;
        long window = (clock.millis() - startMillis) / WINDOW_MILLIS;
        calls.computeIfAbsent(campaign, c -> new TreeMap<>()).merge(window, 1L, Long::sum);
    }

    /** Popularity, perturbed per user: each movie moves down by up to 200 places, by a hash of user and movie. */
    private List<Movie> forUser(String userId) {
        return userLists.computeIfAbsent(userId, user -> {
            Map<String, Long> position = new HashMap<>();
            for (Movie m : byPopularity) {
                position.put(m.movieId(), popularityRank.get(m.movieId()) + Math.floorMod(mix(user, m.movieId()), 200L));
            }
            List<Movie> ranked = new ArrayList<>(byPopularity);
            ranked.sort(Comparator.comparingLong(m -> position.get(m.movieId())));
            return ranked;
        });
    }

    /** The popular movies sharing a genre with {@code movieId}, itself left out. */
    private List<Movie> similarTo(String movieId) {
        return similarLists.computeIfAbsent(movieId, id -> {
            Movie movie = byPopularity.get(popularityRank.get(id));
            return byPopularity.stream().filter(m -> !m.movieId().equals(id))
                    .filter(m -> m.genres().stream().anyMatch(movie.genres()::contains)).toList();
        });
    }

    private static long mix(String a, String b) {
        long h = 1125899906842597L;
        for (char c : (a + "|" + b).toCharArray()) {
            h = 31 * h + c;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h;
    }
}
