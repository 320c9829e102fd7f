package com.movierec.local.deployer.testing;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.movierec.infra.MovieRecStage;
import com.movierec.infra.MovieRecStageProps;
import com.movierec.infra.config.EnvironmentConfig;
import com.movierec.infra.config.MovieRecConfigParser;
import com.movierec.infra.data.PreparedData;
import com.movierec.local.deployer.deploy.assembly.CloudAssembly;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.Environment;

/**
 * The real dev stage, synthesized by the infra app in-process from the repository's cdk.json (feature flags and the
 * dev configuration, optionally changed by a test) and {@link GeneratedMovieData}, or data-prep's output of real data
 * ({@link #withData}). A synth takes seconds, so each variant is synthesized once per JVM and shared by the test
 * classes. The Lambda jars are tiny stand-ins: the local deployer runs the handler classes from its own class path,
 * the jars only become asset files.
 */
public final class SynthesizedDev {
    public static final String STAGE = "dev";
    public static final String REGION = "eu-west-1";
    private static final String QUALITY_GATE = "qualityGate";
    private static final Map<String, CloudAssembly> CACHE = new ConcurrentHashMap<>();
    private static final Path ROOT = createRoot();

    private SynthesizedDev() {
    }

    /**
     * cdk.json's dev stage without its quality gate: on the generated data's 40 users the metrics rest on 4 held-out
     * users, and user personalization's NDCG@10 (0.035) is below dev's minimum (0.05), which real MovieLens meets.
     */
    public static CloudAssembly base() {
        return variant("base", null, SynthesizedDev::withoutQualityGate);
    }

    /**
     * {@link #base()} with 2 provisioned TPS per campaign (an in-place update of every campaign) and aws-sims for
     * related items instead of aws-similar-items (a new solution, version and campaign, replacing the old ones).
     */
    public static CloudAssembly updated() {
        return variant("updated", null, dev -> {
            withoutQualityGate(dev);
            updatedSettings(dev);
        });
    }

    /**
     * {@link #base()} with cdk.json's own api block, api.auth "jwt" included: the user pool, its app clients and
     * domain, and the Cognito authorizer, as bin/run deploys them.
     */
    public static CloudAssembly withShippedAuth() {
        return variant("shipped-auth", null, dev -> {
            withoutQualityGate(dev);
            dev.put("api", shippedDev().get("api"));
        });
    }

    /** cdk.json's dev stage, its quality gate included, on data-prep's output in {@code preparedData}. */
    public static CloudAssembly withData(Path preparedData) {
        return variant("base", preparedData, SynthesizedDev::unchanged);
    }

    /** {@link #updated()}'s changes on data-prep's output in {@code preparedData}: the update of {@link #withData}. */
    public static CloudAssembly updatedWithData(Path preparedData) {
        return variant("updated", preparedData, SynthesizedDev::updatedSettings);
    }

    /**
     * cdk.json's dev stage with {@code qualityGate} (as cdk.json writes it, e.g. {@code {"userPersonalization":
     * {"minimums": {...}, "maxRegression": 0.1}}}) instead of its own, on data-prep's output in {@code preparedData},
     * or on the generated data when it is null. One variant per gate and data directory.
     */
    public static CloudAssembly withQualityGate(Map<String, ?> qualityGate, Path preparedData) {
        Map<String, Object> gate = Collections.unmodifiableMap(new LinkedHashMap<>(qualityGate));
        return variant("gate-" + Integer.toHexString(new TreeMap<>(gate).toString().hashCode()), preparedData,
                dev -> dev.put(QUALITY_GATE, gate));
    }

    /**
     * {@link #base()} with cdk.json's own api block, api.auth "jwt" included, its page's callback and sign-out URL
     * {@code http://localhost:<pagePort>/}: the user pool, app clients, domain and authorizer as bin/run deploys them,
     * for a page served on another port. One variant per port.
     */
    public static CloudAssembly withSignIn(int pagePort) {
        return variant("signin-" + pagePort, null, dev -> {
            withoutQualityGate(dev);
            @SuppressWarnings("unchecked")
            Map<String, Object> api = new LinkedHashMap<>((Map<String, Object>) shippedDev().get("api"));
            @SuppressWarnings("unchecked")
            Map<String, Object> jwt = new LinkedHashMap<>((Map<String, Object>) api.get("jwt"));
            jwt.put("callbackUrls", List.of("http://localhost:" + pagePort + "/"));
            jwt.put("logoutUrls", List.of());
            api.put("jwt", jwt);
            dev.put("api", api);
        });
    }

    private static void unchanged(Map<String, Object> dev) {
    }

    private static void withoutQualityGate(Map<String, Object> dev) {
        dev.remove(QUALITY_GATE);
    }

    private static void updatedSettings(Map<String, Object> dev) {
        dev.put("campaign", Map.of("minProvisionedTPS", 2));
        @SuppressWarnings("unchecked")
        Map<String, Object> recipes = new LinkedHashMap<>((Map<String, Object>) dev.get("recipes"));
        recipes.put("relatedItems", "aws-sims");
        dev.put("recipes", recipes);
    }

    /** {@code preparedData} null: the generated data, written next to the synthesized assembly. */
    private static synchronized CloudAssembly variant(String name, Path preparedData,
                                                      Consumer<Map<String, Object>> change) {
        Path data = preparedData == null ? null : preparedData.toAbsolutePath().normalize();
        // One directory per variant and data directory; the generated data keeps the plain variant name.
        String key = data == null ? name : name + "-" + Integer.toHexString(data.toString().hashCode());
        return CACHE.computeIfAbsent(key, k -> synthesize(ROOT.resolve(k), data, change));
    }

    private static CloudAssembly synthesize(Path dir, Path preparedData, Consumer<Map<String, Object>> change) {
        Map<String, Object> cdkJson = readCdkJson();
        @SuppressWarnings("unchecked")
        Map<String, Object> context = (Map<String, Object>) cdkJson.get("context");
        Map<String, Object> flags = new LinkedHashMap<>(context);
        flags.remove(MovieRecConfigParser.CONTEXT_KEY);
        // What the CDK CLI adds to every synth: construct paths and asset paths in each resource's Metadata.
        flags.put("aws:cdk:enable-path-metadata", true);
        flags.put("aws:cdk:enable-asset-metadata", true);
        Map<String, Object> dev = shippedDev();
        pinApiKeyAuth(dev);
        change.accept(dev);
        EnvironmentConfig config = MovieRecConfigParser.parse(Map.of("environments", Map.of(STAGE, dev)))
                .environment(STAGE).orElseThrow();

        Path out = dir.resolve("cdk.out");
        App app = new App(AppProps.builder().outdir(out.toString()).context(flags).build());
        PreparedData prepared = preparedData == null
                ? PreparedData.load(GeneratedMovieData.write(dir.resolve("prepared")).toAbsolutePath(), "generated")
                : PreparedData.load(preparedData, preparedData.toString());
        new MovieRecStage(app, STAGE, new MovieRecStageProps(config, prepared,
                standInJar(dir.resolve("jar/lifecycle.jar")), standInJar(dir.resolve("jar/api.jar")),
                dir.resolve("layers"), Environment.builder().region(config.region().orElse(REGION)).build()));
        app.synth();
        return CloudAssembly.load(out);
    }

    /**
     * cdk.json's dev is on api.auth "jwt"; every variant but {@link #withShippedAuth()} and {@link #withSignIn(int)}
     * deploys dev with API keys instead, so the tests that are not about sign-in use the API and the page by user id.
     * Everything else of dev's api block is kept.
     */
    private static void pinApiKeyAuth(Map<String, Object> dev) {
        @SuppressWarnings("unchecked")
        Map<String, Object> api = new LinkedHashMap<>((Map<String, Object>) dev.get("api"));
        api.put("auth", "apiKey");
        api.remove("jwt");
        dev.put("api", api);
    }

    /** cdk.json's dev settings, a copy to change. */
    private static Map<String, Object> shippedDev() {
        @SuppressWarnings("unchecked")
        Map<String, Object> context = (Map<String, Object>) readCdkJson().get("context");
        @SuppressWarnings("unchecked")
        Map<String, Object> movierec = (Map<String, Object>) context.get(MovieRecConfigParser.CONTEXT_KEY);
        @SuppressWarnings("unchecked")
        Map<String, Object> dev = new LinkedHashMap<>(
                (Map<String, Object>) ((Map<String, Object>) movierec.get("environments")).get(STAGE));
        return dev;
    }

    private static Map<String, Object> readCdkJson() {
        try {
            return new ObjectMapper().readValue(RepositoryRoot.find().resolve("cdk.json").toFile(),
                    new TypeReference<>() { });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A one-entry zip with a fixed timestamp, so its asset hash is the same on every run. */
    private static Path standInJar(Path jar) {
        try {
            Files.createDirectories(jar.getParent());
            try (OutputStream out = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(out)) {
                ZipEntry entry = new ZipEntry("README.txt");
                entry.setLastModifiedTime(FileTime.fromMillis(0));
                zip.putNextEntry(entry);
                zip.write("stand-in: the local deployer runs the handlers from its class path".getBytes(
                        StandardCharsets.UTF_8));
                zip.closeEntry();
            }
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Under the module's target directory, so {@code mvn clean} removes it; fresh for every JVM. */
    private static Path createRoot() {
        try {
            Files.createDirectories(Path.of("target"));
            return Files.createTempDirectory(Path.of("target"), "synthesized-").toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
