import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.movierec.api.ApiConfig;
import com.movierec.api.ApiHandler;
import com.movierec.api.catalog.MovieCatalog;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replays a request log (bench/cache/GenerateRequestLog.java) through the real API handler against a counting
 * Personalize stand-in, three ways, and prints them side by side: without the answer cache; with it in one
 * execution environment (what local mode runs, and a Lambda function whose traffic never overlaps); and with it in a
 * simulated pool of Lambda execution environments, where concurrent requests go to separate environments, each with
 * its own cache.
 *
 * <pre>java -cp CLASSES:API_JAR CacheReplay ITEMS_CSV INTERACTIONS_CSV KNOWN_USERS REQUEST_LOG MINUTES TTL_SECONDS
 *     MAX_ENTRIES MIN_PROVISIONED_TPS MISS_MS HIT_MS</pre>
 */
public final class CacheReplay {
    static final String USER_CAMPAIGN = "arn:aws:personalize:eu-west-1:123456789012:campaign/movierec-bench-user-personalization";
    static final String RELATED_CAMPAIGN = "arn:aws:personalize:eu-west-1:123456789012:campaign/movierec-bench-related-items";
    static final String POPULAR_CAMPAIGN = "arn:aws:personalize:eu-west-1:123456789012:campaign/movierec-bench-popularity";
    static final String RANKING_CAMPAIGN = "arn:aws:personalize:eu-west-1:123456789012:campaign/movierec-bench-ranking";
    static final List<String> CAMPAIGNS = List.of(USER_CAMPAIGN, RELATED_CAMPAIGN, POPULAR_CAMPAIGN, RANKING_CAMPAIGN);
    /**
     * A month's real-time recommendations in us-east-1: $0.20 per TPS-hour for the first 20,000, $0.10 up to 200,000,
     * $0.05 above (docs/operations.md, "What an environment costs per day").
     */
    static double dollars(double tpsHoursInAMonth) {
        double first = Math.min(tpsHoursInAMonth, 20_000);
        double second = Math.min(Math.max(tpsHoursInAMonth - 20_000, 0), 180_000);
        double rest = Math.max(tpsHoursInAMonth - 200_000, 0);
        return first * 0.20 + second * 0.10 + rest * 0.05;
    }
    static final Instant START = Instant.parse("2026-12-01T18:00:00Z");
    static final Pattern SHOWN = Pattern.compile("\\{shown:(\\d+)}");
    static final Pattern MOVIE_ID = Pattern.compile("\"movieId\":\"([^\"]+)\"");
    static final Pattern USER_PATH = Pattern.compile("/users/([^/]+)/recommendations");
    /** web/app.js calls the API with fetch(url, {cache: "no-store"}), and browsers then send these two. */
    static final Map<String, String> PAGE_HEADERS = Map.of("Content-Type", "application/json",
            "Cache-Control", "no-cache", "Pragma", "no-cache");

    record Logged(long at, int session, String method, String path, String body) {
    }

    /** Where requests run: one execution environment, or a pool that grows when all are busy. */
    enum Mode {
        NO_CACHE("no cache"), ONE_ENVIRONMENT("cache, 1 environment"), LAMBDA_POOL("cache, Lambda pool"),
        /** The pool, with the page asking for fresh recommendations (max-age=0) for a TTL after it posted an event. */
        LAMBDA_POOL_FRESH_AFTER_EVENT("cache, Lambda pool, page asks fresh after its event");

        final String label;

        Mode(String label) {
            this.label = label;
        }
    }

    static final class Environment {
        final ApiHandler handler;
        long busyUntil;

        Environment(ApiHandler handler) {
            this.handler = handler;
        }
    }

    record Result(Mode mode, int requests, int skipped, int reads, int hits, long calls,
            Map<String, Map<Long, Long>> callsPerWindow, int staleAnswers, int environments, long cacheEntriesAtEnd,
            int errors) {
    }

    /** The replay's time: set to each logged request's. */
    static final class ReplayClock extends Clock {
        private Instant now = START;

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }

    private final Path items;
    private final Path knownUsers;
    private final MovieCatalog catalog;
    private final Map<String, Integer> ratingsPerMovie;
    private final int ttlSeconds;
    private final int maxEntries;
    private final long missMillis;
    private final long hitMillis;

    CacheReplay(Path items, Path knownUsers, Map<String, Integer> ratingsPerMovie, int ttlSeconds, int maxEntries,
            long missMillis, long hitMillis) {
        this.items = items;
        this.knownUsers = knownUsers;
        this.catalog = MovieCatalog.load(items);
        this.ratingsPerMovie = ratingsPerMovie;
        this.ttlSeconds = ttlSeconds;
        this.maxEntries = maxEntries;
        this.missMillis = missMillis;
        this.hitMillis = hitMillis;
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 10) {
            System.err.println("usage: CacheReplay ITEMS_CSV INTERACTIONS_CSV KNOWN_USERS REQUEST_LOG MINUTES "
                    + "TTL_SECONDS MAX_ENTRIES MIN_PROVISIONED_TPS MISS_MS HIT_MS");
            System.exit(2);
        }
        Map<String, Integer> ratingsPerMovie = new HashMap<>();
        List<String> interactions = Files.readAllLines(Path.of(args[1]), StandardCharsets.UTF_8);
        for (String line : interactions.subList(1, interactions.size())) {
            ratingsPerMovie.merge(line.split(",", -1)[1], 1, Integer::sum);
        }
        List<Logged> log = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(args[3]), StandardCharsets.UTF_8)) {
            if (!line.startsWith("#")) {
                String[] f = line.split("\t", -1);
                log.add(new Logged(Long.parseLong(f[0]), Integer.parseInt(f[1]), f[2], f[3],
                        f[4].equals("-") ? null : f[4]));
            }
        }
        int minutes = Integer.parseInt(args[4]);
        int ttl = Integer.parseInt(args[5]);
        int maxEntries = Integer.parseInt(args[6]);
        double minTps = Double.parseDouble(args[7]);
        CacheReplay replay = new CacheReplay(Path.of(args[0]), Path.of(args[2]), ratingsPerMovie, ttl, maxEntries,
                Long.parseLong(args[8]), Long.parseLong(args[9]));

        List<Result> results = new ArrayList<>();
        for (Mode mode : Mode.values()) {
            long started = System.nanoTime();
            results.add(replay.run(mode, log));
            System.out.printf(Locale.ROOT, "replayed %,d requests %s in %.1f s%n", log.size(), mode.label,
                    (System.nanoTime() - started) / 1e9);
        }
        System.out.println();
        print(results, minutes, minTps, ttl, maxEntries, replay.missMillis, replay.hitMillis);
        System.out.println();
        System.out.printf(Locale.ROOT, "memory: %s%n", replay.bytesPerAnswer(20_000));
    }

    Result run(Mode mode, List<Logged> log) {
        ReplayClock clock = new ReplayClock();
        StandInPersonalize personalize = new StandInPersonalize(catalog, ratingsPerMovie, clock);
        ApiConfig config = config(mode == Mode.NO_CACHE ? 0 : ttlSeconds, maxEntries);
        List<Environment> environments = new ArrayList<>();
        Random routing = new Random(42);
        Map<Integer, List<String>> shownBySession = new HashMap<>();
        Map<Integer, Long> lastEventBySession = new HashMap<>();
        int skipped = 0;
        int reads = 0;
        int hits = 0;
        int stale = 0;
        int errors = 0;
        for (Logged logged : log) {
            clock.set(START.plusMillis(logged.at()));
            List<String> shown = shownBySession.getOrDefault(logged.session(), List.of());
            String path = resolve(logged.path(), shown);
            String body = logged.body() == null ? null : resolve(logged.body(), shown);
            if (path == null || logged.body() != null && body == null) {
                skipped++; // the page had no list to pick a movie from
                continue;
            }
            Matcher user = USER_PATH.matcher(path);
            boolean fresh = mode == Mode.LAMBDA_POOL_FRESH_AFTER_EVENT && user.lookingAt()
                    && logged.at() - lastEventBySession.getOrDefault(logged.session(), Long.MIN_VALUE / 2)
                    < ttlSeconds * 1000L;
            Environment environment = environmentFor(mode, environments, routing, logged.at(),
                    () -> new ApiHandler(config, personalize.runtime(USER_CAMPAIGN, RELATED_CAMPAIGN, POPULAR_CAMPAIGN),
                            personalize.events(), catalog, clock));
            long callsBefore = personalize.totalCalls();
            APIGatewayProxyRequestEvent request = event(logged.method(), path, body);
            if (fresh) {
                // What fetch(url, {cache: "no-cache"}) sends instead.
                request.setHeaders(Map.of("Content-Type", "application/json", "Cache-Control", "max-age=0"));
            }
            APIGatewayProxyResponseEvent response = environment.handler.handleRequest(request, null);
            boolean called = personalize.totalCalls() > callsBefore;
            int status = response.getStatusCode();
            if (status >= 300) {
                errors++;
            }
            boolean read = !logged.method().equals("POST") && (path.contains("/recommendations")
                    || path.contains("/similar") || path.startsWith("/movies/popular"));
            if (read && status == 200) {
                reads++;
                if (!called) {
                    hits++;
                }
            }
            if (logged.method().equals("POST") && path.equals("/events") && status == 202) {
                lastEventBySession.put(logged.session(), logged.at());
            }
            if (user.lookingAt() && status == 200) {
                List<String> ids = movieIds(response.getBody());
                shownBySession.put(logged.session(), ids);
                String userId = URLDecoder.decode(user.group(1), StandardCharsets.UTF_8);
                if (ids.stream().anyMatch(personalize.watchedBy(userId)::contains)) {
                    stale++;
                }
            }
            environment.busyUntil = logged.at() + (called || logged.method().equals("POST") ? missMillis : hitMillis);
        }
        long entries = environments.stream().mapToLong(e -> e.handler.answerCache().size()).sum();
        return new Result(mode, log.size(), skipped, reads, hits, personalize.totalCalls(),
                personalize.callsPerCampaignAndWindow(), stale, environments.size(), entries, errors);
    }

    /**
     * One environment for everything, or, as Lambda does, an idle environment for each request (one at random when
     * several are idle: Lambda does not document which it picks) and a new one when every environment is busy.
     */
    private static Environment environmentFor(Mode mode, List<Environment> environments, Random routing, long at,
            java.util.function.Supplier<ApiHandler> newHandler) {
        if (mode == Mode.NO_CACHE || mode == Mode.ONE_ENVIRONMENT) {
            if (environments.isEmpty()) {
                environments.add(new Environment(newHandler.get()));
            }
            return environments.get(0);
        }
        List<Environment> idle = environments.stream().filter(e -> e.busyUntil <= at).toList();
        if (idle.isEmpty()) {
            Environment created = new Environment(newHandler.get());
            environments.add(created);
            return created;
        }
        return idle.get(routing.nextInt(idle.size()));
    }

    private ApiConfig config(int ttl, int entries) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("AWS_REGION", "eu-west-1");
        env.put("USER_PERSONALIZATION_CAMPAIGN_ARN", USER_CAMPAIGN);
        env.put("RELATED_ITEMS_CAMPAIGN_ARN", RELATED_CAMPAIGN);
        env.put("POPULARITY_CAMPAIGN_ARN", POPULAR_CAMPAIGN);
        env.put("RANKING_CAMPAIGN_ARN", RANKING_CAMPAIGN);
        env.put("UNWATCHED_FILTER_ARN", "arn:aws:personalize:eu-west-1:123456789012:filter/movierec-bench-unwatched");
        env.put("UNWATCHED_IN_GENRE_FILTER_ARN",
                "arn:aws:personalize:eu-west-1:123456789012:filter/movierec-bench-unwatched-in-genre");
        env.put("EVENT_TRACKER_ID", "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0");
        env.put("ITEMS_FILE", items.toString());
        env.put("KNOWN_USERS_FILE", knownUsers.toString());
        env.put("CACHE_TTL_SECONDS", Integer.toString(ttl));
        env.put("CACHE_MAX_ENTRIES", Integer.toString(entries));
        return ApiConfig.fromEnvironment(env);
    }

    /** {@code text} with each {@code {shown:K}} replaced by the K-th movie shown (the last one if fewer); null if none. */
    private static String resolve(String text, List<String> shown) {
        Matcher m = SHOWN.matcher(text);
        if (!m.find()) {
            return text;
        }
        if (shown.isEmpty()) {
            return null;
        }
        String movie = shown.get(Math.min(Integer.parseInt(m.group(1)), shown.size() - 1));
        return m.replaceAll(movie);
    }

    private static List<String> movieIds(String body) {
        List<String> ids = new ArrayList<>();
        Matcher m = MOVIE_ID.matcher(body);
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    /** The event API Gateway sends for a REST resource per OpenAPI path, as BenchRequests (bench/api) builds it. */
    static APIGatewayProxyRequestEvent event(String method, String pathAndQuery, String body) {
        int q = pathAndQuery.indexOf('?');
        String path = q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
        Map<String, String> query = new LinkedHashMap<>();
        if (q >= 0) {
            for (String pair : pathAndQuery.substring(q + 1).split("&")) {
                int eq = pair.indexOf('=');
                query.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        String[] s = path.substring(1).split("/");
        String resource;
        Map<String, String> parameters = new LinkedHashMap<>();
        if (s[0].equals("users")) {
            resource = "/users/{userId}/" + s[2];
            parameters.put("userId", URLDecoder.decode(s[1], StandardCharsets.UTF_8));
        } else if (s[0].equals("movies") && s[1].equals("popular")) {
            resource = "/movies/popular";
        } else if (s[0].equals("movies")) {
            resource = s.length == 3 ? "/movies/{movieId}/similar" : "/movies/{movieId}";
            parameters.put("movieId", s[1]);
        } else {
            resource = path;
        }
        APIGatewayProxyRequestEvent.ProxyRequestContext context = new APIGatewayProxyRequestEvent.ProxyRequestContext();
        context.setRequestId("cache-replay");
        context.setStage("bench");
        return new APIGatewayProxyRequestEvent().withHttpMethod(method).withResource(resource).withPath(path)
                .withPathParameters(parameters.isEmpty() ? null : parameters)
                .withQueryStringParameters(query.isEmpty() ? null : query).withBody(body)
                .withHeaders(PAGE_HEADERS).withIsBase64Encoded(false)
                .withRequestContext(context);
    }

    /**
     * Heap per cached answer of 25 movies: one environment's cache filled with {@code answers} distinct requests,
     * measured as the heap in use after full collections, less the same before.
     */
    String bytesPerAnswer(int answers) {
        ReplayClock clock = new ReplayClock();
        StandInPersonalize personalize = new StandInPersonalize(catalog, ratingsPerMovie, clock);
        ApiHandler handler = new ApiHandler(config(ttlSeconds == 0 ? 60 : ttlSeconds, answers), personalize.runtime(
                USER_CAMPAIGN, RELATED_CAMPAIGN, POPULAR_CAMPAIGN), personalize.events(), catalog, clock);
        handler.handleRequest(event("GET", "/users/warm-up/recommendations?count=25", null), null);
        long before = usedHeapAfterGc();
        for (int i = 0; i < answers; i++) {
            handler.handleRequest(event("GET", "/users/" + (i + 1) + "/recommendations?count=25", null), null);
        }
        long after = usedHeapAfterGc();
        int held = handler.answerCache().size();
        return String.format(Locale.ROOT, "%,d cached answers of 25 movies held %,d bytes of heap: about %,d bytes "
                + "(%.1f KB) each, so %,d entries (maxEntries) take about %.0f MB", held, after - before,
                (after - before) / held, (after - before) / (double) held / 1024, maxEntries,
                (after - before) / (double) held * maxEntries / 1024 / 1024);
    }

    private static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    static void print(List<Result> results, int minutes, double minTps, int ttl, int maxEntries, long missMillis,
            long hitMillis) {
        long windows = (minutes * 60_000L + StandInPersonalize.WINDOW_MILLIS - 1) / StandInPersonalize.WINDOW_MILLIS;
        double monthFactor = 30 * 24 * 60.0 / minutes;
        Result base = results.get(0);
        List<String[]> rows = new ArrayList<>();
        rows.add(row("requests replayed (skipped: no list shown yet)", results,
                r -> String.format(Locale.ROOT, "%,d (%,d)", r.requests(), r.skipped())));
        rows.add(row("read requests (recommendations, similar, popular) answered 200", results,
                r -> String.format(Locale.ROOT, "%,d", r.reads())));
        rows.add(row("**hit rate**: reads answered without a Personalize call", results,
                r -> String.format(Locale.ROOT, "**%.1f%%**", 100.0 * r.hits() / r.reads())));
        rows.add(row("Personalize calls (GetRecommendations)", results,
                r -> String.format(Locale.ROOT, "%,d", r.calls())));
        for (String campaign : CAMPAIGNS) {
            String name = campaign.substring(campaign.lastIndexOf("movierec-bench-") + "movierec-bench-".length());
            rows.add(row("&nbsp;&nbsp;of them " + name, results, r -> String.format(Locale.ROOT, "%,d",
                    r.callsPerWindow().getOrDefault(campaign, Map.of()).values().stream().mapToLong(Long::longValue)
                            .sum())));
        }
        rows.add(row("calls / calls without the cache", results,
                r -> String.format(Locale.ROOT, "%.3f", (double) r.calls() / base.calls())));
        rows.add(row("TPS-hours used (calls / 3,600)", results,
                r -> String.format(Locale.ROOT, "%.2f", r.calls() / 3600.0)));
        rows.add(row("**TPS-hours saved** (used)", results,
                r -> String.format(Locale.ROOT, "**%.2f**", (base.calls() - r.calls()) / 3600.0)));
        rows.add(row(String.format(Locale.ROOT, "TPS-hours billed, 4 campaigns at minProvisionedTPS %s, per 5-minute "
                + "window", trim(minTps)), results, r -> String.format(Locale.ROOT, "%.2f", billed(r, minTps, windows))));
        rows.add(row("**TPS-hours saved** (billed)", results, r -> String.format(Locale.ROOT, "**%.2f**",
                billed(base, minTps, windows) - billed(r, minTps, windows))));
        rows.add(row("billed TPS-hours per 30 days at this traffic (their cost)", results, r -> {
            double month = billed(r, minTps, windows) * monthFactor;
            return String.format(Locale.ROOT, "%,.0f ($%,.0f)", month, dollars(month));
        }));
        rows.add(row("**saved per 30 days**", results, r -> {
            double saved = (billed(base, minTps, windows) - billed(r, minTps, windows)) * monthFactor;
            return String.format(Locale.ROOT, "**%,.0f TPS-hours ($%,.0f)**", saved,
                    dollars(billed(base, minTps, windows) * monthFactor) - dollars(billed(r, minTps, windows)
                            * monthFactor));
        }));
        rows.add(row("answers listing a movie the user had marked watched", results,
                r -> String.format(Locale.ROOT, "%,d", r.staleAnswers())));
        rows.add(row("execution environments (answers cached in them at the end)", results,
                r -> String.format(Locale.ROOT, "%d (%,d)", r.environments(), r.cacheEntriesAtEnd())));
        rows.add(row("error responses", results, r -> String.format(Locale.ROOT, "%,d", r.errors())));

        System.out.printf(Locale.ROOT, "TTL %d s, maxEntries %,d; %d minutes (%d billing windows); pool: a request "
                + "keeps its environment busy %d ms when it calls Personalize (or records an event), %d ms when "
                + "answered from the cache%n%n", ttl, maxEntries, minutes, windows, missMillis, hitMillis);
        StringBuilder header = new StringBuilder("| |");
        StringBuilder rule = new StringBuilder("|---|");
        for (Result r : results) {
            header.append(' ').append(r.mode().label).append(" |");
            rule.append("---:|");
        }
        System.out.println(header);
        System.out.println(rule);
        rows.forEach(cells -> System.out.println("| " + String.join(" | ", cells) + " |"));
    }

    /** Per campaign and 5-minute window: the larger of minProvisionedTPS and the window's average TPS, for 5 minutes. */
    static double billed(Result r, double minTps, long windows) {
        double tpsHours = 0;
        for (String campaign : CAMPAIGNS) {
            Map<Long, Long> perWindow = r.callsPerWindow().getOrDefault(campaign, Map.of());
            for (long w = 0; w < windows; w++) {
                double tps = perWindow.getOrDefault(w, 0L) / (StandInPersonalize.WINDOW_MILLIS / 1000.0);
                tpsHours += Math.max(minTps, tps) * StandInPersonalize.WINDOW_MILLIS / 3_600_000.0;
            }
        }
        return tpsHours;
    }

    private static String[] row(String label, List<Result> results, Function<Result, String> cell) {
        String[] cells = new String[results.size() + 1];
        cells[0] = label;
        for (int i = 0; i < results.size(); i++) {
            cells[i + 1] = cell.apply(results.get(i));
        }
        return cells;
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
