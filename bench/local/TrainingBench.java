import com.movierec.local.personalize.data.Interactions;
import com.movierec.local.personalize.data.ItemCatalog;
import com.movierec.local.personalize.data.PreparedData;
import com.movierec.local.personalize.metrics.OfflineEvaluation;
import com.movierec.local.personalize.recipe.Recipe;
import com.movierec.local.personalize.recipe.Trainer;
import com.movierec.local.personalize.recipe.TrainingOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Training time per recipe of personalize-local on MovieLens 100K and on a synthetic ML-1M-shaped dataset.
 * Usage (see bench/local/training.sh): java -cp ... TrainingBench REPO_ROOT [RUNS]
 */
public final class TrainingBench {
    static final List<String> RECIPES = List.of("aws-popularity-count", "aws-sims", "aws-similar-items",
            "aws-user-personalization-v2", "aws-personalized-ranking-v2");
    static final List<String> GENRES = List.of("unknown", "Action", "Adventure", "Animation", "Children's",
            "Comedy", "Crime", "Documentary", "Drama", "Fantasy", "Film-Noir", "Horror", "Musical", "Mystery",
            "Romance", "Sci-Fi", "Thriller", "War", "Western");

    record Data(String name, String source, Interactions interactions, ItemCatalog items) { }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        TrainingOptions options = TrainingOptions.defaults();
        System.out.printf("JDK %s, %d CPUs, max heap %d MB, TrainingOptions.defaults() (threads %d), 1 warm-up + %d timed runs%n",
                Runtime.version(), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, options.threads(), runs);

        long t0 = System.nanoTime();
        Data ml100k = loadMl100k(root);
        System.out.printf("loaded %s from %s in %d ms%n", ml100k.name, ml100k.source, ms(t0));
        t0 = System.nanoTime();
        Data ml1m = synthetic1m();
        System.out.printf("generated %s in %d ms%n", ml1m.name, ms(t0));

        StringBuilder table = new StringBuilder();
        table.append("| dataset | users | items | interactions | recipe | min ms | median ms | runs ms, sorted |\n");
        table.append("|---|---:|---:|---:|---|---:|---:|---|\n");
        for (Data d : List.of(ml100k, ml1m)) {
            for (String name : RECIPES) {
                Recipe recipe = Recipe.fromArn("arn:aws:personalize:::recipe/" + name);
                long[] t = time(runs, () -> Trainer.train(recipe, d.interactions, d.items, options));
                table.append(String.format("| %s | %,d | %,d | %,d | %s | %,d | %,d | %s |%n", d.name,
                        d.interactions.userCount(), d.interactions.itemCount(), d.interactions.size(), name,
                        t[0], median(t), Arrays.toString(t)));
                System.out.printf("  %s %s: %s ms%n", d.name, name, Arrays.toString(t));
            }
        }

        // Offline evaluation (holdout split, training on it, 8 metrics) on ML-100K.
        Recipe up = Recipe.fromArn("arn:aws:personalize:::recipe/aws-user-personalization-v2");
        Recipe pop = Recipe.fromArn("arn:aws:personalize:::recipe/aws-popularity-count");
        Map<String, Double>[] upResult = new Map[1];
        Map<String, Double>[] popResult = new Map[1];
        long[] evalUp = time(runs, () -> upResult[0] = OfflineEvaluation.evaluate(up, ml100k.interactions, ml100k.items, options));
        long[] evalPop = time(runs, () -> popResult[0] = OfflineEvaluation.evaluate(pop, ml100k.interactions, ml100k.items, options));
        String ndcg = "normalized_discounted_cumulative_gain_at_10";
        StringBuilder eval = new StringBuilder();
        eval.append("| OfflineEvaluation.evaluate on ml-100k | min ms | median ms | runs ms, sorted | NDCG@10 | precision@10 | coverage |\n");
        eval.append("|---|---:|---:|---|---:|---:|---:|\n");
        eval.append(String.format("| aws-user-personalization-v2 | %,d | %,d | %s | %.4f | %.4f | %.4f |%n", evalUp[0],
                median(evalUp), Arrays.toString(evalUp), upResult[0].get(ndcg), upResult[0].get("precision_at_10"),
                upResult[0].get("coverage")));
        eval.append(String.format("| aws-popularity-count | %,d | %,d | %s | %.4f | %.4f | %.4f |%n", evalPop[0],
                median(evalPop), Arrays.toString(evalPop), popResult[0].get(ndcg), popResult[0].get("precision_at_10"),
                popResult[0].get("coverage")));
        System.out.println();
        System.out.print(table);
        System.out.println();
        System.out.print(eval);
    }

    /** One warm-up, then {@code runs} timed runs; returns the sorted wall times in ms. */
    static long[] time(int runs, Runnable task) {
        task.run();
        long[] t = new long[runs];
        for (int i = 0; i < runs; i++) {
            long s = System.nanoTime();
            task.run();
            t[i] = ms(s);
        }
        Arrays.sort(t);
        return t;
    }

    static long median(long[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    static long ms(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    /** data/prepared/ml-100k if prepared, else the raw files in ../shared/datasets/ml-100k (as MovieLens100k.java). */
    static Data loadMl100k(Path root) throws Exception {
        Path prepared = root.resolve("data/prepared/ml-100k");
        if (Files.isRegularFile(prepared.resolve("interactions.csv")) && Files.isRegularFile(prepared.resolve("items.csv"))) {
            PreparedData d = PreparedData.load(prepared);
            return new Data("ml-100k", root.relativize(prepared).toString(), d.interactions(), d.items());
        }
        Path dir = root.resolve("../shared/datasets/ml-100k").normalize();
        Interactions.Builder interactions = Interactions.builder();
        for (String line : Files.readAllLines(dir.resolve("u.data"), StandardCharsets.ISO_8859_1)) {
            String[] f = line.split("\t");
            interactions.add(f[0], f[1], Long.parseLong(f[3]), "Watch", Double.parseDouble(f[2]));
        }
        DateTimeFormatter release = DateTimeFormatter.ofPattern("d-MMM-yyyy", Locale.ENGLISH);
        ItemCatalog.Builder items = ItemCatalog.builder();
        for (String line : Files.readAllLines(dir.resolve("u.item"), StandardCharsets.ISO_8859_1)) {
            String[] f = line.split("\\|", -1);
            List<String> genres = new ArrayList<>();
            for (int g = 1; g < GENRES.size(); g++) {
                if (f[5 + g].equals("1")) {
                    genres.add(GENRES.get(g));
                }
            }
            Long released = f[2].isEmpty() ? null : LocalDate.parse(f[2], release).atStartOfDay().toEpochSecond(ZoneOffset.UTC);
            items.item(f[0], f[1].strip(), genres.isEmpty() ? "unknown" : String.join("|", genres), released);
        }
        return new Data("ml-100k", dir + " (raw u.data/u.item)", interactions.build(), items.build());
    }

    /**
     * ML-1M's shape, deterministic (seed 1_000_209): 6,040 users with at least 20 ratings each and a long-tailed
     * activity, 3,706 items drawn from a Zipf(0.9) popularity without repeats per user, 1,000,209 interactions,
     * ratings 1-5, timestamps increasing per user, 1-3 genres per item.
     */
    static Data synthetic1m() {
        int users = 6_040, itemsN = 3_706, total = 1_000_209, minPerUser = 20;
        SplittableRandom rnd = new SplittableRandom(1_000_209L);
        // user activity: 20 + a long tail (Pareto-like weights), scaled so the counts sum to total exactly
        double[] w = new double[users];
        double sum = 0;
        for (int u = 0; u < users; u++) {
            w[u] = Math.pow(1 - rnd.nextDouble(), -1.0 / 1.2) - 1;
            sum += w[u];
        }
        int extra = total - users * minPerUser;
        int[] count = new int[users];
        int assigned = 0;
        for (int u = 0; u < users; u++) {
            count[u] = minPerUser + Math.min(itemsN / 2, (int) Math.floor(w[u] / sum * extra));
            assigned += count[u];
        }
        for (int u = 0; assigned < total; u = (u + 1) % users) {
            if (count[u] < itemsN / 2) {
                count[u]++;
                assigned++;
            }
        }
        // item popularity: Zipf(0.9) over a fixed random permutation of the ids
        double[] cdf = new double[itemsN];
        double acc = 0;
        for (int i = 0; i < itemsN; i++) {
            acc += 1.0 / Math.pow(i + 1, 0.9);
            cdf[i] = acc;
        }
        int[] perm = new int[itemsN];
        for (int i = 0; i < itemsN; i++) {
            perm[i] = i;
        }
        for (int i = itemsN - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int tmp = perm[i];
            perm[i] = perm[j];
            perm[j] = tmp;
        }
        Interactions.Builder b = Interactions.builder();
        boolean[] seen = new boolean[itemsN];
        long base = 956_703_932L; // ML-1M's first timestamp
        for (int u = 0; u < users; u++) {
            Arrays.fill(seen, false);
            long ts = base + rnd.nextLong(90L * 86_400 * 365 / 10);
            String user = Integer.toString(u + 1);
            for (int k = 0; k < count[u]; k++) {
                int rank;
                do {
                    int pos = Arrays.binarySearch(cdf, rnd.nextDouble() * acc);
                    rank = Math.min(itemsN - 1, pos >= 0 ? pos : -pos - 1);
                } while (seen[rank]);
                seen[rank] = true;
                ts += 1 + rnd.nextInt(3_600);
                b.add(user, Integer.toString(perm[rank] + 1), ts, "Watch", 1 + rnd.nextInt(5));
            }
        }
        ItemCatalog.Builder items = ItemCatalog.builder();
        for (int i = 0; i < itemsN; i++) {
            int n = 1 + rnd.nextInt(3);
            List<String> g = new ArrayList<>();
            while (g.size() < n) {
                String genre = GENRES.get(1 + rnd.nextInt(GENRES.size() - 1));
                if (!g.contains(genre)) {
                    g.add(genre);
                }
            }
            items.item(Integer.toString(i + 1), "Synthetic movie " + (i + 1), String.join("|", g), null);
        }
        return new Data("synthetic-ml-1m", "in memory, seed 1000209", b.build(), items.build());
    }
}
