import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Writes a deterministic, synthetic MovieLens "ml-latest"-format dataset for benchmarks:
 * OUTDIR/ratings.csv (userId,movieId,rating,timestamp) and OUTDIR/movies.csv (movieId,title,genres).
 *
 * <pre>
 *   "$JAVA_HOME/bin/java" bench/GenerateMovieLens.java OUTDIR ROWS     (JDK 21+, no dependencies)
 * </pre>
 *
 * Shape, modelled on ml-25m (25,000,095 ratings, 162,541 users, 62,423 movies):
 * <ul>
 *   <li>exactly ROWS ratings; users scale with ROWS (162,541 per 25,000,095 ratings, at least 1);
 *       ratings are grouped by user (ascending userId) and sorted by movieId within a user;
 *       no user rates a movie twice;</li>
 *   <li>ratings per user: at least 20 (when ROWS allows), the rest log-normal (median ~71, mean ~154, a few users
 *       with tens of thousands), as in ml-25m;</li>
 *   <li>62,423 movies with sparse ids (1..~200,000), chosen with a Zipf-like popularity skew;</li>
 *   <li>ratings 0.5..5.0 in half stars printed like MovieLens ("4.0", "3.5"), with ml-25m's histogram;</li>
 *   <li>timestamps in epoch seconds between 1995-01-01 and 2019-12-31, clustered per user;</li>
 *   <li>movies.csv titles with a year in parentheses (a few without, as in the real files), articles moved to the
 *       end ("Matrix, The (1999)"), commas, embedded double quotes, non-ASCII UTF-8 alternate titles; RFC 4180
 *       quoting; genres joined with '|', ~8% "(no genres listed)".</li>
 * </ul>
 * The seed is fixed and only SplittableRandom and StrictMath are used, so the same ROWS always gives byte-identical
 * files (on any JDK 21+).
 */
public final class GenerateMovieLens {

    static final long SEED = 0x5EED_2019_0025_0000L;
    static final int MOVIES = 62_423;
    static final long ML25M_RATINGS = 25_000_095L;
    static final long ML25M_USERS = 162_541L;
    static final long T_MIN = 788_918_400L;   // 1995-01-01T00:00:00Z
    static final long T_MAX = 1_577_836_799L; // 2019-12-31T23:59:59Z

    // ml-25m's rating histogram, for 0.5, 1.0, ..., 5.0 (per mille, sums to 1000).
    static final int[] RATING_PERMILLE = {16, 31, 16, 66, 50, 196, 126, 266, 85, 148};

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: java GenerateMovieLens.java OUTDIR ROWS");
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        long rows;
        try {
            rows = Long.parseLong(args[1].replace("_", ""));
        } catch (NumberFormatException e) {
            rows = -1;
        }
        if (rows < 1) {
            System.err.println("error: ROWS must be a positive integer, got '" + args[1] + "'");
            System.exit(2);
        }
        Files.createDirectories(out);
        long t0 = System.nanoTime();

        SplittableRandom root = new SplittableRandom(SEED);
        SplittableRandom movieRnd = root.split();
        SplittableRandom userRnd = root.split();

        int[] movieIds = movieIds(movieRnd);
        writeMovies(out.resolve("movies.csv"), movieIds, movieRnd);
        long bytes = writeRatings(out.resolve("ratings.csv"), rows, movieIds, userRnd);

        double s = (System.nanoTime() - t0) / 1e9;
        System.err.printf("wrote %s: %,d ratings (%,d bytes ratings.csv), %,d movies in %.1f s%n",
                out, rows, bytes, MOVIES, s);
    }

    // ---------------------------------------------------------------- movies

    static int[] movieIds(SplittableRandom rnd) {
        int[] ids = new int[MOVIES];
        int id = 0;
        for (int i = 0; i < MOVIES; i++) {
            id += i < 9_000 ? 1 : 1 + rnd.nextInt(6); // dense low ids, sparse after (max ~200k like ml-25m)
            ids[i] = id;
        }
        return ids;
    }

    static final String[] GENRES = {"Action", "Adventure", "Animation", "Children", "Comedy", "Crime", "Documentary",
            "Drama", "Fantasy", "Film-Noir", "Horror", "IMAX", "Musical", "Mystery", "Romance", "Sci-Fi", "Thriller",
            "War", "Western"};
    // Rough frequencies (Drama and Comedy dominate), same order as GENRES.
    static final int[] GENRE_WEIGHT = {12, 7, 4, 4, 25, 8, 8, 40, 5, 1, 8, 1, 2, 5, 12, 5, 13, 3, 2};

    static final String[] ADJ = {"Last", "Dark", "Silent", "Lost", "Little", "Big", "Red", "Golden", "Broken",
            "Secret", "Wild", "Final", "Hidden", "Long", "Blue", "Cold", "Crazy", "Perfect", "Invisible", "Endless",
            "Midnight", "Savage", "Sweet", "Forgotten", "American", "Lonely", "Electric", "Strange", "Holy", "Deadly"};
    static final String[] NOUN = {"Night", "City", "River", "Heart", "Road", "Dream", "Man", "Woman", "Kingdom",
            "Game", "Summer", "Winter", "House", "Island", "Star", "Storm", "Ghost", "War", "Love", "Sky", "Garden",
            "Train", "Wolf", "Detective", "Empire", "Song", "Machine", "Daughter", "Stranger", "Horizon", "Mirror",
            "Mountain", "Secret", "Circus", "Highway", "Planet", "Hotel", "Witness", "Hunter", "Shadow"};
    static final String[] PLACE = {"Paris", "Tokyo", "Brooklyn", "Texas", "Berlin", "Rome", "Mars", "Chicago",
            "Shanghai", "Vienna", "the West", "Nowhere", "Montréal", "Zürich", "São Paulo", "Kraków"};
    // Alternate (original-language) titles, shown in parentheses like "(Cité des enfants perdus, La)".
    static final String[] ALT = {"Cité des enfants perdus, La", "Über den Wolken", "Amélie", "Les Misérables",
            "Das Boot", "Der Himmel über Berlin", "La Vie en rose", "Noche de éxtasis", "Smultronstället",
            "Mädchen in Uniform", "Crème brûlée", "Ça commence aujourd'hui", "Fünf Freunde", "Pequeña Señorita",
            "卧虎藏龙", "霸王别姬", "花样年华", "千と千尋の神隠し", "七人の侍", "올드보이", "Иван Грозный",
            "Ο Θίασος", "Señor, ¿dónde está?", "Pókember", "Ärzte ohne Grenzen", "Niña, Él y Yo"};

    static void writeMovies(Path file, int[] ids, SplittableRandom rnd) throws IOException {
        StringBuilder sb = new StringBuilder(64 * MOVIES);
        sb.append("movieId,title,genres\n");
        StringBuilder title = new StringBuilder();
        for (int i = 0; i < MOVIES; i++) {
            title.setLength(0);
            makeTitle(title, rnd);
            // year: mostly recent, a long tail back to 1902; ~0.6% without a year like real ml-latest
            if (rnd.nextInt(1000) >= 6) {
                double u = rnd.nextDouble();
                int year = 2019 - (int) (117 * u * u);
                title.append(" (").append(year).append(')');
            }
            sb.append(ids[i]).append(',');
            appendCsvField(sb, title);
            sb.append(',');
            appendGenres(sb, rnd);
            sb.append('\n');
        }
        Files.write(file, sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    static void makeTitle(StringBuilder t, SplittableRandom rnd) {
        int kind = rnd.nextInt(100);
        String adj = ADJ[rnd.nextInt(ADJ.length)];
        String noun = NOUN[rnd.nextInt(NOUN.length)];
        if (kind < 30) {                       // plain: "Broken Road"
            t.append(adj).append(' ').append(noun);
        } else if (kind < 45) {                // article moved to the end: "Secret Garden, The"
            t.append(adj).append(' ').append(noun).append(rnd.nextInt(4) == 0 ? ", A" : ", The");
        } else if (kind < 55) {                // "Night in Paris"
            t.append(noun).append(" in ").append(PLACE[rnd.nextInt(PLACE.length)]);
        } else if (kind < 63) {                // comma inside: "Love, Death & Robots"
            t.append(noun).append(", ").append(NOUN[rnd.nextInt(NOUN.length)]).append(" & ")
                    .append(NOUN[rnd.nextInt(NOUN.length)]).append('s');
        } else if (kind < 70) {                // embedded quotes: "\"Great Performances\" Cats"
            t.append('"').append(adj).append(' ').append(noun).append("s\" ")
                    .append(NOUN[rnd.nextInt(NOUN.length)]);
        } else if (kind < 80) {                // non-ASCII alternate title: "City of Lost Children, The (Cité ...)"
            t.append(noun).append(" of ").append(adj).append(' ').append(NOUN[rnd.nextInt(NOUN.length)])
                    .append("s, The (").append(ALT[rnd.nextInt(ALT.length)]).append(')');
        } else if (kind < 87) {                // sequel: "Dark Night 2" / "Dark Night II: Revenge"
            t.append(adj).append(' ').append(noun).append(' ').append(2 + rnd.nextInt(5));
            if (rnd.nextBoolean()) t.append(": The ").append(NOUN[rnd.nextInt(NOUN.length)]);
        } else if (kind < 93) {                // a.k.a. with quotes and comma: "Stranger, The (a.k.a. \"Wolf\")"
            t.append(noun).append(", The (a.k.a. \"").append(adj).append(' ')
                    .append(NOUN[rnd.nextInt(NOUN.length)]).append("\")");
        } else {                               // non-ASCII place / possessive: "Zürich's Hotel"
            t.append(PLACE[rnd.nextInt(PLACE.length)]).append("'s ").append(noun);
        }
    }

    static void appendGenres(StringBuilder sb, SplittableRandom rnd) {
        if (rnd.nextInt(100) < 8) {
            sb.append("(no genres listed)");
            return;
        }
        int total = 0;
        for (int w : GENRE_WEIGHT) total += w;
        int n = 1 + (int) Math.min(4, (long) (rnd.nextInt(100) * rnd.nextInt(100)) / 1500); // 1..5, mostly 1-2
        boolean[] pick = new boolean[GENRES.length];
        for (int k = 0; k < n; k++) {
            int r = rnd.nextInt(total), g = 0;
            while (r >= GENRE_WEIGHT[g]) r -= GENRE_WEIGHT[g++];
            pick[g] = true;
        }
        boolean first = true;
        for (int g = 0; g < GENRES.length; g++) {
            if (!pick[g]) continue;
            if (!first) sb.append('|');
            sb.append(GENRES[g]);
            first = false;
        }
    }

    static void appendCsvField(StringBuilder sb, CharSequence v) {
        boolean quote = false;
        for (int i = 0; i < v.length() && !quote; i++) {
            char c = v.charAt(i);
            quote = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        if (!quote) {
            sb.append(v);
            return;
        }
        sb.append('"');
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '"') sb.append('"');
            sb.append(c);
        }
        sb.append('"');
    }

    // ---------------------------------------------------------------- ratings

    static long writeRatings(Path file, long rows, int[] movieIds, SplittableRandom rnd) throws IOException {
        int users = (int) Math.max(1, Math.round((double) rows * ML25M_USERS / ML25M_RATINGS));
        int[] counts = ratingsPerUser(rows, users, rnd.split());

        // Popularity: weight (rank + 30)^-1.05, ranks assigned to movies by a seeded shuffle.
        int[] rankToMovie = new int[MOVIES];
        for (int i = 0; i < MOVIES; i++) rankToMovie[i] = i;
        for (int i = MOVIES - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int tmp = rankToMovie[i]; rankToMovie[i] = rankToMovie[j]; rankToMovie[j] = tmp;
        }
        double[] weight = new double[MOVIES]; // indexed by movie index
        for (int r = 0; r < MOVIES; r++) weight[rankToMovie[r]] = StrictMath.pow(r + 30, -1.05);
        Alias alias = new Alias(weight);

        byte[][] ratingText = new byte[10][];
        for (int i = 0; i < 10; i++) ratingText[i] = ((i + 1) / 2 + "." + ((i + 1) % 2 == 0 ? "0" : "5")).getBytes(StandardCharsets.US_ASCII);
        int[] ratingCum = new int[10];
        for (int i = 0, c = 0; i < 10; i++) ratingCum[i] = c += RATING_PERMILLE[i];

        long[] seen = new long[(MOVIES + 63) >>> 6];
        int[] chosen = new int[MOVIES];
        double[] keys = null, sortedKeys = null;

        long written = 0;
        try (Out o = new Out(file)) {
            o.ascii("userId,movieId,rating,timestamp\n");
            for (int u = 0; u < users; u++) {
                int k = counts[u];
                if (k == 0) continue;
                // choose k distinct movies, popularity-weighted
                if (k <= MOVIES / 8) {
                    int n = 0;
                    while (n < k) {
                        int m = alias.sample(rnd);
                        long bit = 1L << m;
                        if ((seen[m >>> 6] & bit) == 0) {
                            seen[m >>> 6] |= bit;
                            chosen[n++] = m;
                        }
                    }
                    for (int i = 0; i < k; i++) seen[chosen[i] >>> 6] = 0; // reset the bitset
                } else { // heavy user: weighted sampling without replacement (Efraimidis-Spirakis keys)
                    if (keys == null) { keys = new double[MOVIES]; sortedKeys = new double[MOVIES]; }
                    for (int m = 0; m < MOVIES; m++) {
                        keys[m] = StrictMath.log(1.0 - rnd.nextDouble()) / weight[m]; // <= 0, larger wins
                    }
                    System.arraycopy(keys, 0, sortedKeys, 0, MOVIES);
                    Arrays.sort(sortedKeys);
                    double threshold = sortedKeys[MOVIES - k];
                    int n = 0;
                    for (int m = 0; m < MOVIES && n < k; m++) if (keys[m] > threshold) chosen[n++] = m;
                    for (int m = 0; m < MOVIES && n < k; m++) if (keys[m] == threshold) chosen[n++] = m;
                }
                Arrays.sort(chosen, 0, k); // movie index order == movieId order

                // this user's rating period: a start time and a span (many users rate everything in one sitting)
                long start = T_MIN + rnd.nextLong(T_MAX - T_MIN + 1);
                double sp = rnd.nextDouble();
                long span = sp < 0.4 ? 3_600 + rnd.nextLong(86_400) : (long) (86_400.0 * 365 * 6 * sp * sp * sp);
                span = Math.max(1, Math.min(span, T_MAX - start + 1));
                int bias = rnd.nextInt(121) - 60; // per-user shift of the rating histogram (per mille)

                int userId = u + 1;
                for (int i = 0; i < k; i++) {
                    o.num(userId);
                    o.comma();
                    o.num(movieIds[chosen[i]]);
                    o.comma();
                    int r = rnd.nextInt(1000) + bias, idx = 0;
                    r = Math.max(0, Math.min(999, r));
                    while (r >= ratingCum[idx]) idx++;
                    o.bytes(ratingText[idx]);
                    o.comma();
                    o.num(start + rnd.nextLong(span));
                    o.newline();
                }
                written += k;
            }
            if (written != rows) throw new IllegalStateException("wrote " + written + " rows, expected " + rows);
            return o.total();
        }
    }

    /** Ratings per user: at least min(20, rows/users), the rest log-normal, summing to exactly rows. */
    static int[] ratingsPerUser(long rows, int users, SplittableRandom rnd) {
        int min = (int) Math.min(20, rows / users);
        long rest = rows - (long) min * users;
        double[] w = new double[users];
        double sum = 0;
        for (int u = 0; u < users; u++) {
            // Box-Muller with StrictMath (portable); sigma 1.39 fits ml-25m's median/mean of ratings per user
            double g = StrictMath.sqrt(-2 * StrictMath.log(1.0 - rnd.nextDouble()))
                    * StrictMath.cos(2 * StrictMath.PI * rnd.nextDouble());
            w[u] = StrictMath.exp(1.39 * g);
            sum += w[u];
        }
        int cap = MOVIES;
        int[] c = new int[users];
        long assigned = 0;
        for (int u = 0; u < users; u++) {
            long v = min + (long) (rest * (w[u] / sum));
            c[u] = (int) Math.min(cap, v);
            assigned += c[u];
        }
        long left = rows - assigned;
        while (left > 0) { // hand out the remainder one by one; capacity users*MOVIES always suffices
            boolean progress = false;
            for (int u = 0; u < users && left > 0; u++) {
                if (c[u] < cap) { c[u]++; left--; progress = true; }
            }
            if (!progress) throw new IllegalStateException("cannot place " + left + " more ratings");
        }
        return c;
    }

    /** Vose's alias method: O(1) sampling from a discrete distribution. */
    static final class Alias {
        final double[] prob;
        final int[] alias;

        Alias(double[] w) {
            int n = w.length;
            prob = new double[n];
            alias = new int[n];
            double sum = 0;
            for (double x : w) sum += x;
            double[] p = new double[n];
            int[] small = new int[n], large = new int[n];
            int ns = 0, nl = 0;
            for (int i = 0; i < n; i++) {
                p[i] = w[i] * n / sum;
                if (p[i] < 1) small[ns++] = i; else large[nl++] = i;
            }
            while (ns > 0 && nl > 0) {
                int s = small[--ns], l = large[--nl];
                prob[s] = p[s];
                alias[s] = l;
                p[l] = (p[l] + p[s]) - 1;
                if (p[l] < 1) small[ns++] = l; else large[nl++] = l;
            }
            while (nl > 0) prob[large[--nl]] = 1;
            while (ns > 0) prob[small[--ns]] = 1;
        }

        int sample(SplittableRandom rnd) {
            int i = rnd.nextInt(prob.length);
            return rnd.nextDouble() < prob[i] ? i : alias[i];
        }
    }

    /** A hand-rolled buffered writer of ASCII bytes and decimal numbers. */
    static final class Out implements AutoCloseable {
        final OutputStream os;
        final byte[] buf = new byte[1 << 22];
        int pos;
        long flushed;

        Out(Path file) throws IOException {
            os = new FileOutputStream(file.toFile());
        }

        void ensure(int n) throws IOException {
            if (pos + n > buf.length) flush();
        }

        void flush() throws IOException {
            os.write(buf, 0, pos);
            flushed += pos;
            pos = 0;
        }

        void ascii(String s) throws IOException {
            bytes(s.getBytes(StandardCharsets.US_ASCII));
        }

        void bytes(byte[] b) throws IOException {
            ensure(b.length);
            System.arraycopy(b, 0, buf, pos, b.length);
            pos += b.length;
        }

        void comma() throws IOException {
            ensure(1);
            buf[pos++] = ',';
        }

        void newline() throws IOException {
            ensure(1);
            buf[pos++] = '\n';
        }

        void num(long v) throws IOException { // v >= 0
            ensure(20);
            if (v == 0) { buf[pos++] = '0'; return; }
            int digits = 0;
            for (long t = v; t != 0; t /= 10) digits++;
            int end = pos + digits;
            for (int i = end - 1; i >= pos; i--) { buf[i] = (byte) ('0' + v % 10); v /= 10; }
            pos = end;
        }

        long total() {
            return flushed + pos;
        }

        @Override
        public void close() throws IOException {
            try { flush(); } finally { os.close(); }
        }
    }
}
