import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Cold-start proxy of several API jars against hello-world, interleaved round by round so that every jar meets the
 * same host conditions (run by bench/api/compare-jars.sh): the same trial JVM, flags, environment and loopback stub
 * as ColdStartBench's "api" variant. Prints one Markdown row per variant: median wall time (min, max), ratio to
 * hello-world, median process CPU time, and the in-JVM constructor and first-request times.
 *
 * <pre>java -cp CLASSES:API_JAR CompareJars HELLO_CLASSPATH CLASSES ITEMS_CSV ROUNDS WORK_DIR NAME=JAR...</pre>
 */
public final class CompareJars {
    public static void main(String[] args) throws Exception {
        String helloClasspath = args[1] + ":" + args[0];
        Path items = Path.of(args[2]);
        int rounds = Integer.parseInt(args[3]);
        Path work = Path.of(args[4]);
        String options = System.getenv().getOrDefault("COLD_JAVA_OPTS", ColdStartBench.DEFAULT_JVM_OPTIONS);
        Map<String, ColdStartBench.Variant> variants = new LinkedHashMap<>();
        variants.put("hello-world", new ColdStartBench.Variant("hello", helloClasspath, List.of()));
        for (int i = 5; i < args.length; i++) {
            String[] nameAndJar = args[i].split("=", 2);
            variants.put(nameAndJar[0], new ColdStartBench.Variant("api", args[1] + ":" + nameAndJar[1], List.of()));
        }
        try (StubServer stub = StubServer.start()) {
            ColdStartBench bench = new ColdStartBench(List.of(options.trim().split("\\s+")),
                    ColdStartBench.environment(stub, items), work);
            System.out.println("trial JVMs: " + options + ", " + rounds + " rounds, interleaved, after one untimed run of each");
            Map<String, List<ColdStartBench.Trial>> trials = new LinkedHashMap<>();
            for (ColdStartBench.Variant variant : variants.values()) {
                bench.trial(variant);
            }
            for (int round = 0; round < rounds; round++) {
                for (Map.Entry<String, ColdStartBench.Variant> variant : variants.entrySet()) {
                    trials.computeIfAbsent(variant.getKey(), k -> new ArrayList<>()).add(bench.trial(variant.getValue()));
                }
            }
            double hello = ColdStartBench.Stats.of(wall(trials.get("hello-world"))).median();
            System.out.println();
            System.out.println("| variant | cold-start proxy | ratio to hello-world | process CPU | in JVM: constructor / first request |");
            System.out.println("|---|---:|---:|---:|---:|");
            for (Map.Entry<String, List<ColdStartBench.Trial>> variant : trials.entrySet()) {
                List<ColdStartBench.Trial> t = variant.getValue();
                ColdStartBench.Stats wall = ColdStartBench.Stats.of(wall(t));
                System.out.printf(Locale.ROOT, "| %s | %s | %.1fx | %.0f ms | %.0f / %.0f ms |%n", variant.getKey(),
                        wall.show(), wall.median() / hello,
                        ColdStartBench.Stats.of(t.stream().map(ColdStartBench.Trial::cpuMillis).toList()).median(),
                        ColdStartBench.Stats.of(t.stream().map(ColdStartBench.Trial::initMillis).toList()).median(),
                        ColdStartBench.Stats.of(t.stream().map(ColdStartBench.Trial::firstRequestMillis).toList()).median());
            }
        }
        System.exit(0); // the stub server's threads would keep the JVM alive
    }

    private static List<Double> wall(List<ColdStartBench.Trial> trials) {
        return trials.stream().map(ColdStartBench.Trial::coldMillis).toList();
    }
}
