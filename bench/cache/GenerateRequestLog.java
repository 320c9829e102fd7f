import java.io.BufferedWriter;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Writes a request log for bench/cache/replay.sh: what the web page (web/app.js) asks the API when people use it,
 * generated from MovieLens users by a session model. Nothing of MovieLens is copied into the log but user ids and
 * genre names; the movies a page opens or marks watched are references to the list it was shown
 * ({@code {shown:K}}, resolved by the replay from the API's own answers, as the page does).
 *
 * <pre>
 *   "$JAVA_HOME/bin/java" bench/cache/GenerateRequestLog.java PREPARED_DIR OUT_FILE SESSIONS_PER_MINUTE MINUTES
 * </pre>
 *
 * PREPARED_DIR is data-prep's output for ml-100k (interactions.csv, items.csv). The model, per session:
 * <ul>
 *   <li>Sessions start as a Poisson process at SESSIONS_PER_MINUTE for MINUTES. 95% are MovieLens users, drawn with
 *       probability proportional to their number of ratings (active people visit more often); 5% are new visitors
 *       the model does not know ({@code visitor-N}), who get the popular fallback until their first event.</li>
 *   <li>Opening the page: {@code GET /movies/popular?count=100} (the page's genre list), then
 *       {@code GET /users/U/recommendations?count=25}, in all genres, or (20% of sessions, a bookmarked address) in
 *       the user's favourite genre.</li>
 *   <li>Then actions, each after a think time drawn from an exponential distribution with a mean of 15 s, until the
 *       person leaves (15% after each action, so about 6 actions a session):
 *       open a movie of the list (30%: {@code GET /movies/M} and {@code GET /movies/M/similar?count=10}, M the
 *       K-th movie shown, K geometric from the top with p = 0.25);
 *       mark it watched (20%: {@code POST /events} for the K-th movie, then the page reloads the list);
 *       change the genre (15%: a genre drawn from those of the movies the user rated, or back to all genres, 30%);
 *       reload the page (20%: both opening requests again).</li>
 * </ul>
 * Each line: {@code offsetMillis TAB session TAB method TAB path TAB body} (body "-" for none), in time order, after
 * comment lines starting with {@code #}. The seed is fixed: the same arguments give the same file.
 */
public final class GenerateRequestLog {
    static final long SEED = 0xCAC4E_2026_1223L;
    static final double VISITOR_SHARE = 0.05;
    static final double BOOKMARKED_GENRE = 0.20;
    static final double THINK_MEAN_MILLIS = 15_000;
    static final double LEAVE = 0.15;
    static final double OPEN_MOVIE = 0.30;
    static final double MARK_WATCHED = 0.20;
    static final double CHANGE_GENRE = 0.15;
    // the rest (0.20): reload the page
    static final double ALL_GENRES_AGAIN = 0.30;
    static final double POSITION_P = 0.25;
    static final int SHOWN = 25;
    /** A request the page sends right after another (the second of a page load, the reload after an event). */
    static final long NEXT_REQUEST_MILLIS = 150;

    record Request(long at, int session, String method, String path, String body) {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 4) {
            System.err.println("usage: java GenerateRequestLog.java PREPARED_DIR OUT_FILE SESSIONS_PER_MINUTE MINUTES");
            System.exit(2);
        }
        Path prepared = Path.of(args[0]);
        double sessionsPerMinute = Double.parseDouble(args[2]);
        int minutes = Integer.parseInt(args[3]);
        if (!(sessionsPerMinute > 0) || minutes < 1) {
            System.err.println("error: SESSIONS_PER_MINUTE must be above 0 and MINUTES at least 1");
            System.exit(2);
        }
        Map<String, String[]> genresOfMovie = readGenres(prepared.resolve("items.csv"));
        Map<String, Map<String, Integer>> ratedGenres = new LinkedHashMap<>();
        Map<String, Integer> ratings = new LinkedHashMap<>();
        List<String> interactions = Files.readAllLines(prepared.resolve("interactions.csv"), StandardCharsets.UTF_8);
        for (String line : interactions.subList(1, interactions.size())) {
            String[] f = line.split(",", -1);
            ratings.merge(f[0], 1, Integer::sum);
            Map<String, Integer> genres = ratedGenres.computeIfAbsent(f[0], u -> new LinkedHashMap<>());
            for (String genre : genresOfMovie.getOrDefault(f[1], new String[0])) {
                genres.merge(genre, 1, Integer::sum);
            }
        }
        List<String> users = new ArrayList<>(ratings.keySet());
        users.sort((a, b) -> Integer.compare(Integer.parseInt(a), Integer.parseInt(b)));
        long[] cumulative = new long[users.size()];
        long total = 0;
        for (int i = 0; i < users.size(); i++) {
            total += ratings.get(users.get(i));
            cumulative[i] = total;
        }

        SplittableRandom random = new SplittableRandom(SEED);
        List<Request> ordered = new ArrayList<>();
        long end = minutes * 60_000L;
        double meanGapMillis = 60_000 / sessionsPerMinute;
        int session = 0;
        int visitors = 0;
        for (double t = exponential(random, meanGapMillis); t < end; t += exponential(random, meanGapMillis)) {
            session++;
            String user;
            if (random.nextDouble() < VISITOR_SHARE) {
                user = "visitor-" + (++visitors);
            } else {
                long pick = random.nextLong(total);
                int i = 0;
                while (cumulative[i] <= pick) {
                    i++;
                }
                user = users.get(i);
            }
            Map<String, Integer> genres = ratedGenres.getOrDefault(user, Map.of());
            String genre = random.nextDouble() < BOOKMARKED_GENRE ? favourite(genres) : "";
            long at = (long) t;
            List<Request> requests = new ArrayList<>();
            at = openPage(requests, at, session, user, genre);
            while (random.nextDouble() >= LEAVE) {
                at += (long) exponential(random, THINK_MEAN_MILLIS);
                double action = random.nextDouble();
                if (action < OPEN_MOVIE) {
                    String movie = shown(random);
                    requests.add(new Request(at, session, "GET", "/movies/" + movie, null));
                    requests.add(new Request(at, session, "GET", "/movies/" + movie + "/similar?count=10", null));
                } else if (action < OPEN_MOVIE + MARK_WATCHED) {
                    requests.add(new Request(at, session, "POST", "/events",
                            "{\"userId\":\"" + user + "\",\"movieId\":\"" + shown(random) + "\"}"));
                    at += NEXT_REQUEST_MILLIS;
                    requests.add(recommendations(at, session, user, genre));
                } else if (action < OPEN_MOVIE + MARK_WATCHED + CHANGE_GENRE) {
                    genre = genres.isEmpty() || random.nextDouble() < ALL_GENRES_AGAIN ? ""
                            : weighted(random, genres);
                    requests.add(recommendations(at, session, user, genre));
                } else {
                    at = openPage(requests, at, session, user, genre);
                }
            }
            requests.stream().filter(r -> r.at < end).forEach(ordered::add);
        }
        // Stable: a session's requests at the same millisecond keep the page's order.
        ordered.sort(Comparator.comparingLong(Request::at));

        Path out = Path.of(args[1]);
        try (BufferedWriter writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            writer.write("# bench/cache/GenerateRequestLog.java " + prepared + " " + out.getFileName() + " "
                    + args[2] + " " + minutes + "\n");
            writer.write(String.format(Locale.ROOT, "# %d sessions (%d of new visitors), %d requests over %d "
                    + "minutes%n", session, visitors, ordered.size(), minutes));
            writer.write("# offsetMillis\tsession\tmethod\tpath\tbody\n");
            for (Request r : ordered) {
                writer.write(r.at + "\t" + r.session + "\t" + r.method + "\t" + r.path + "\t"
                        + (r.body == null ? "-" : r.body) + "\n");
            }
        }
        System.out.printf(Locale.ROOT, "%d sessions (%d new visitors), %d requests over %d minutes -> %s%n", session,
                visitors, ordered.size(), minutes, out);
    }

    private static long openPage(List<Request> requests, long at, int session, String user, String genre) {
        requests.add(new Request(at, session, "GET", "/movies/popular?count=100", null));
        requests.add(recommendations(at + NEXT_REQUEST_MILLIS, session, user, genre));
        return at + NEXT_REQUEST_MILLIS;
    }

    private static Request recommendations(long at, int session, String user, String genre) {
        return new Request(at, session, "GET", "/users/" + user + "/recommendations?count=" + SHOWN
                + (genre.isEmpty() ? "" : "&genre=" + URLEncoder.encode(genre, StandardCharsets.UTF_8)), null);
    }

    /** A reference to the K-th movie of the list the page shows, K from 0, most often near the top. */
    private static String shown(SplittableRandom random) {
        int k = 0;
        while (k < SHOWN - 1 && random.nextDouble() >= POSITION_P) {
            k++;
        }
        return "{shown:" + k + "}";
    }

    private static String favourite(Map<String, Integer> genres) {
        return genres.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse("");
    }

    private static String weighted(SplittableRandom random, Map<String, Integer> counts) {
        int sum = counts.values().stream().mapToInt(Integer::intValue).sum();
        int pick = random.nextInt(sum);
        for (Map.Entry<String, Integer> entry : counts.entrySet()) {
            pick -= entry.getValue();
            if (pick < 0) {
                return entry.getKey();
            }
        }
        throw new IllegalStateException("unreachable");
    }

    private static double exponential(SplittableRandom random, double mean) {
        return -mean * StrictMath.log(1 - random.nextDouble());
    }

    /** items.csv (ITEM_ID,TITLE,GENRES,...; RFC 4180 quoting): each movie's genres. */
    private static Map<String, String[]> readGenres(Path items) throws IOException {
        Map<String, String[]> genres = new HashMap<>();
        List<String> lines = Files.readAllLines(items, StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            List<String> fields = csv(line);
            genres.put(fields.get(0), fields.get(2).isEmpty() ? new String[0] : fields.get(2).split("\\|"));
        }
        return genres;
    }

    private static List<String> csv(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }
}
