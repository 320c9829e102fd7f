import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The recommendations API benchmark (run by bench/api/cold-start.sh): cold-start proxy against a hello-world handler,
 * shaded jar size, warm per-request overhead, and what SnapStart priming saves on the first request. Prints a
 * Markdown table and PASS/FAIL per target; exits 0 when every target passed, 1 otherwise.
 *
 * <pre>java -cp CLASSES:API_JAR ColdStartBench API_JAR HELLO_CLASSPATH CLASSES ITEMS_CSV TRIALS WARM_REQUESTS WORK_DIR [BENCH_JAR]</pre>
 *
 * With BENCH_JAR (the bench classes as a jar: CDS and AOT caches take classes from jars only), it also times both
 * handlers with an AOT cache (JDK 25+: -XX:AOTCacheOutput, then -XX:AOTCache; JDK 21-24: a dynamic CDS archive)
 * built for each by one training run of its own trial, for information: the target is the fresh-JVM ratio.
 */
public final class ColdStartBench {
    static final double MAX_COLD_START_RATIO = 1.5;
    static final long MAX_JAR_BYTES = 20_000_000;
    static final double MAX_WARM_P99_MICROS = 1_000;
    static final String DEFAULT_JVM_OPTIONS = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC";

    private final String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    private final List<String> jvmOptions;
    private final Map<String, String> environment;
    private final Path work;
    private final int javaFeature = Runtime.version().feature();

    ColdStartBench(List<String> jvmOptions, Map<String, String> environment, Path work) {
        this.jvmOptions = jvmOptions;
        this.environment = environment;
        this.work = work;
    }

    /** A trial variant: the FirstRequest mode, its class path, and extra JVM options (an AOT cache or none). */
    record Variant(String mode, String classpath, List<String> options) {
    }

    record Stats(double median, double min, double max) {
        static Stats of(List<Double> values) {
            double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            int n = sorted.length;
            double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
            return new Stats(median, sorted[0], sorted[n - 1]);
        }

        String show() {
            return String.format(Locale.ROOT, "%.0f ms (min %.0f, max %.0f)", median, min, max);
        }
    }

    public static void main(String[] args) throws Exception {
        Path apiJar = Path.of(args[0]);
        String helloClasspath = args[2] + ":" + args[1];
        String apiClasspath = args[2] + ":" + args[0];
        Path items = Path.of(args[3]);
        int trials = Integer.parseInt(args[4]);
        int warmRequests = Integer.parseInt(args[5]);
        Path work = Path.of(args[6]);
        String benchJar = args.length > 7 ? args[7] : null;
        String options = System.getenv().getOrDefault("COLD_JAVA_OPTS", DEFAULT_JVM_OPTIONS);

        try (StubServer stub = StubServer.start()) {
            ColdStartBench bench = new ColdStartBench(List.of(options.trim().split("\\s+")), environment(stub, items), work);
            System.out.println("trial JVMs: " + bench.java + " " + options + " (" + System.getProperty("java.version")
                    + "), " + trials + " trials per variant, interleaved, after one untimed run of each");
            String helloJars = benchJar == null ? null : benchJar + ":" + args[1];
            String apiJars = benchJar == null ? null : benchJar + ":" + args[0];
            System.exit(bench.run(apiJar, helloClasspath, apiClasspath, helloJars, apiJars, trials, warmRequests) ? 0 : 1);
        }
    }

    private boolean run(Path apiJar, String helloClasspath, String apiClasspath, String helloJars, String apiJars,
            int trials, int warmRequests) throws IOException, InterruptedException {
        Map<String, Variant> variants = new LinkedHashMap<>();
        variants.put("hello", new Variant("hello", helloClasspath, List.of()));
        variants.put("api", new Variant("api", apiClasspath, List.of()));
        variants.put("api-inprocess", new Variant("api-inprocess", apiClasspath, List.of()));
        variants.put("hello-logging", new Variant("hello-logging", apiClasspath, List.of()));
        if (helloJars != null) {
            variants.put("hello-aot", new Variant("hello", helloJars, aotCache("hello", helloJars)));
            variants.put("api-aot", new Variant("api", apiJars, aotCache("api", apiJars)));
        }
        Map<String, List<Double>> coldMillis = new HashMap<>();
        Map<String, List<Double>> cpuMillis = new HashMap<>();
        Map<String, List<Double>> firstRequestMillis = new HashMap<>();
        List<Double> primingMillis = new ArrayList<>();
        for (Variant variant : variants.values()) {
            trial(variant); // page cache, stub server and disk warm for everyone
        }
        for (int i = 0; i < trials; i++) {
            for (Map.Entry<String, Variant> variant : variants.entrySet()) {
                Trial t = trial(variant.getValue());
                coldMillis.computeIfAbsent(variant.getKey(), k -> new ArrayList<>()).add(t.coldMillis());
                cpuMillis.computeIfAbsent(variant.getKey(), k -> new ArrayList<>()).add(t.cpuMillis());
            }
            for (String mode : List.of("api-unprimed", "api-primed")) {
                Trial t = trial(new Variant(mode, apiClasspath, List.of()));
                firstRequestMillis.computeIfAbsent(mode, k -> new ArrayList<>()).add(t.firstRequestMillis());
                if (mode.equals("api-primed")) {
                    primingMillis.add(t.primeMillis());
                }
            }
        }
        String inProcess = warm("inprocess", warmRequests);
        String overSdk = warm("sdk", warmRequests);
        String loopback = warm("loopback", Math.min(warmRequests, 20_000));

        Stats hello = Stats.of(coldMillis.get("hello"));
        Stats api = Stats.of(coldMillis.get("api"));
        double ratio = api.median() / hello.median();
        long jarBytes = Files.size(apiJar);
        double p99 = Math.max(Double.parseDouble(value(inProcess, "p99")), Double.parseDouble(value(overSdk, "p99")));
        boolean coldPass = ratio <= MAX_COLD_START_RATIO;
        boolean jarPass = jarBytes < MAX_JAR_BYTES;
        boolean warmPass = p99 < MAX_WARM_P99_MICROS;

        System.out.println();
        System.out.println("| measurement | result | target |");
        System.out.println("|---|---:|---|");
        row("cold-start proxy, hello-world handler (JVM start to first response)", hello.show(), "baseline");
        row("cold-start proxy, API handler, real SDK clients to a loopback HTTP stub", api.show(), "");
        row("**ratio API / hello-world (medians)**", String.format(Locale.ROOT, "**%.1fx**", ratio),
                "<= " + MAX_COLD_START_RATIO + "x: " + verdict(coldPass));
        row("cold-start proxy, API handler, in-process stub clients (no SDK client)",
                Stats.of(coldMillis.get("api-inprocess")).show(), "information");
        row("cold-start proxy, hello-world + one JSON log line (the API's JsonLog)",
                Stats.of(coldMillis.get("hello-logging")).show(), "information");
        Stats helloCpu = Stats.of(cpuMillis.get("hello"));
        Stats apiCpu = Stats.of(cpuMillis.get("api"));
        row("process CPU time (user + system, all threads) to the first response, hello-world / API handler",
                helloCpu.show() + " / " + apiCpu.show() + String.format(Locale.ROOT, ", ratio %.1fx",
                        apiCpu.median() / helloCpu.median()), "information");
        if (coldMillis.containsKey("api-aot")) {
            Stats helloAot = Stats.of(coldMillis.get("hello-aot"));
            Stats apiAot = Stats.of(coldMillis.get("api-aot"));
            String cache = javaFeature >= 25 ? "AOT cache (-XX:AOTCache)" : "dynamic CDS archive (-XX:SharedArchiveFile)";
            row("with an application " + cache + " from one training run each: hello-world", helloAot.show(),
                    "information");
            row("with an application " + cache + " from one training run each: API handler", apiAot.show(),
                    "information");
            row("ratio API / hello-world, both with their " + cache + " (medians)",
                    String.format(Locale.ROOT, "%.1fx", apiAot.median() / helloAot.median()),
                    "information (not the target measurement)");
        }
        row("first request after init, no priming (in the JVM)", Stats.of(firstRequestMillis.get("api-unprimed")).show(),
                "information");
        row("first request after init and SnapStart priming (what a restore starts from)",
                Stats.of(firstRequestMillis.get("api-primed")).show(), "information");
        row("SnapStart priming itself (before the snapshot, not billed to requests)", Stats.of(primingMillis).show(),
                "information");
        row("shaded jar `lambdas/api/target/api.jar`", String.format(Locale.ROOT, "%,d bytes (%.1f MB)", jarBytes,
                jarBytes / 1e6), "< 20 MB: " + verdict(jarPass));
        warmRow("**warm overhead per request, stub Personalize clients (the API's own work)**", inProcess,
                "p99 < 1 ms: " + verdict(Double.parseDouble(value(inProcess, "p99")) < MAX_WARM_P99_MICROS));
        warmRow("**warm overhead per request, real SDK clients, in-process HTTP answer (API + SDK)**", overSdk,
                "p99 < 1 ms: " + verdict(Double.parseDouble(value(overSdk, "p99")) < MAX_WARM_P99_MICROS));
        warmRow("warm per request, real SDK clients over TCP to the loopback HTTP stub", loopback, "information");
        System.out.println();
        System.out.println("cold-start ratio: " + verdict(coldPass) + "; jar size: " + verdict(jarPass)
                + "; warm p99: " + verdict(warmPass));
        return coldPass && jarPass && warmPass;
    }

    record Trial(double coldMillis, double initMillis, double primeMillis, double firstRequestMillis, double cpuMillis) {
    }

    /**
     * Builds the AOT cache (JDK 25+) or dynamic CDS archive (JDK 21-24) of {@code mode} on {@code classpath} with one
     * training run of the trial itself, and returns the options that make a trial JVM use it (and fail if it cannot).
     */
    private List<String> aotCache(String mode, String classpath) throws IOException, InterruptedException {
        Path cache = work.resolve(mode + (javaFeature >= 25 ? ".aot" : ".jsa")).toAbsolutePath();
        Files.deleteIfExists(cache);
        List<String> training = javaFeature >= 25 ? List.of("-XX:AOTCacheOutput=" + cache)
                : List.of("-XX:ArchiveClassesAtExit=" + cache);
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(jvmOptions);
        command.addAll(training);
        command.addAll(List.of("-cp", classpath, "FirstRequest", mode));
        Path log = work.resolve("aot-training-" + mode + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().clear();
        builder.environment().putAll(environment);
        int exit = builder.start().waitFor();
        if (exit != 0 || !Files.exists(cache)) {
            throw new IllegalStateException("AOT training of " + mode + " failed (exit " + exit + "): " + Files.readString(log));
        }
        System.out.println("AOT training " + mode + ": " + String.join(" ", training) + " -> " + Files.size(cache) + " bytes");
        return javaFeature >= 25 ? List.of("-XX:AOTCache=" + cache, "-XX:AOTMode=on")
                : List.of("-XX:SharedArchiveFile=" + cache, "-Xshare:on");
    }

    /** One fresh JVM; cold time is from just before the process starts to its FIRST_RESPONSE line. */
    Trial trial(Variant variant) throws IOException, InterruptedException {
        String mode = variant.mode();
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(jvmOptions);
        command.addAll(variant.options());
        command.addAll(List.of("-cp", variant.classpath(), "FirstRequest", mode));
        Path errors = work.resolve("trial-" + mode + (variant.options().isEmpty() ? "" : "-aot") + ".err");
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(errors.toFile());
        builder.environment().clear();
        builder.environment().putAll(environment);
        long started = System.nanoTime();
        Process process = builder.start();
        double cold = -1;
        String timings = null;
        String status = null;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith("FIRST_RESPONSE ")) {
                    cold = (System.nanoTime() - started) / 1e6;
                    status = line.substring("FIRST_RESPONSE ".length());
                } else if (line.startsWith("IN_JVM_NANOS ")) {
                    timings = line.substring("IN_JVM_NANOS ".length());
                }
            }
        }
        int exit = process.waitFor();
        if (exit != 0 || !"200".equals(status) || timings == null) {
            throw new IllegalStateException("trial " + mode + " failed (exit " + exit + ", status " + status + "): "
                    + Files.readString(errors));
        }
        return new Trial(cold, Double.parseDouble(value(timings, "init")) / 1e6,
                Double.parseDouble(value(timings, "prime")) / 1e6, Double.parseDouble(value(timings, "first")) / 1e6,
                Double.parseDouble(value(timings, "cpu")) / 1e6);
    }

    private String warm(String mode, int requests) throws IOException, InterruptedException {
        Path result = work.resolve("warm-" + mode + ".txt");
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "WarmOverhead", mode,
                Integer.toString(requests), Integer.toString(Math.max(20_000, requests / 5)), result.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD) // the request log lines, one per request
                .redirectError(work.resolve("warm-" + mode + ".err").toFile());
        builder.environment().clear();
        builder.environment().putAll(environment);
        int exit = builder.start().waitFor();
        if (exit != 0) {
            throw new IllegalStateException("warm run " + mode + " failed: " + Files.readString(work.resolve("warm-" + mode + ".err")));
        }
        return Files.readString(result).trim();
    }

    static Map<String, String> environment(StubServer stub, Path items) {
        Map<String, String> env = new HashMap<>();
        env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        env.put("HOME", System.getProperty("java.io.tmpdir")); // no ~/.aws profile files in the trials
        env.put("AWS_REGION", "us-east-1");
        env.put("AWS_ACCESS_KEY_ID", "AKIDBENCHBENCHBENCH0");
        env.put("AWS_SECRET_ACCESS_KEY", "bench-secret");
        env.put("POWERTOOLS_SERVICE_NAME", "movierec-api-bench");
        String arn = "arn:aws:personalize:us-east-1:123456789012:";
        env.put("USER_PERSONALIZATION_CAMPAIGN_ARN", arn + "campaign/bench-user-personalization");
        env.put("RELATED_ITEMS_CAMPAIGN_ARN", arn + "campaign/bench-related-items");
        env.put("POPULARITY_CAMPAIGN_ARN", arn + "campaign/bench-popularity");
        env.put("RANKING_CAMPAIGN_ARN", arn + "campaign/bench-ranking");
        env.put("UNWATCHED_FILTER_ARN", arn + "filter/bench-unwatched");
        env.put("UNWATCHED_IN_GENRE_FILTER_ARN", arn + "filter/bench-unwatched-in-genre");
        env.put("EVENT_TRACKER_ID", "bench-tracker");
        env.put("ITEMS_FILE", items.toString());
        env.put("KNOWN_USERS_FILE", "/nonexistent/known-users.txt");
        env.put("ALLOWED_ORIGINS", "https://app.movierec.example");
        env.put("PERSONALIZE_RUNTIME_ENDPOINT", stub.endpoint());
        env.put("PERSONALIZE_EVENTS_ENDPOINT", stub.endpoint());
        return env;
    }

    /** The value of {@code key=value} in a space-separated line. */
    private static String value(String line, String key) {
        return Arrays.stream(line.split("\\s+")).filter(part -> part.startsWith(key + "="))
                .map(part -> part.substring(key.length() + 1)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no " + key + " in '" + line + "'"));
    }

    private static void warmRow(String measurement, String stats, String target) {
        row(measurement + " (" + value(stats, "n") + " requests, µs)", "p50 " + value(stats, "p50") + ", **p99 "
                + value(stats, "p99") + "**, p99.9 " + value(stats, "p999") + ", max " + value(stats, "max"), target);
    }

    private static void row(String measurement, String result, String target) {
        System.out.println("| " + measurement + " | " + result + " | " + target + " |");
    }

    private static String verdict(boolean pass) {
        return pass ? "PASS" : "FAIL";
    }
}
