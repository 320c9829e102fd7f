package com.movierec.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.movierec.infra.config.EnvironmentConfig;
import com.movierec.infra.config.MovieRecConfig;
import com.movierec.infra.config.MovieRecConfigParser;
import com.movierec.infra.data.DataStack;
import com.movierec.infra.data.DataStackProps;
import com.movierec.infra.data.PreparedData;
import com.movierec.infra.personalize.PersonalizeNames;
import com.movierec.schemas.DatasetType;
import com.movierec.schemas.PersonalizeSchemas;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stage;
import software.amazon.awscdk.StageProps;

/**
 * Test inputs made on the fly: a tiny prepared-data directory (never MovieLens), a stand-in lifecycle jar, and the
 * three environments as cdk.json would configure them.
 */
public final class Fixtures {
    public static final String ACCOUNT = "111122223333";
    public static final String REGION = "eu-west-1";

    private Fixtures() {
    }

    /** interactions.csv, items.csv and, when asked, users.csv, with the schemas' headers and a few rows. */
    public static Path preparedData(Path dir, boolean withUsers) {
        write(dir, DatasetType.INTERACTIONS, List.of("1,10,881250949,Watch,4.0", "2,20,891717742,Watch,3.0"));
        write(dir, DatasetType.ITEMS, List.of("10,Toy Story (1995),Animation|Comedy,788918400",
                "20,GoldenEye (1995),Action|Thriller,788918400"));
        if (withUsers) {
            write(dir, DatasetType.USERS, List.of("1,24,M,technician", "2,53,F,other"));
        }
        return dir;
    }

    public static PreparedData loadedPreparedData(Path dir, boolean withUsers) {
        return PreparedData.load(preparedData(dir, withUsers), "data/prepared/ml-100k");
    }

    /** A zip with one entry and a fixed timestamp, so its asset hash is the same on every run. */
    public static Path lifecycleJar(Path dir) {
        return standInJar(dir.resolve("lifecycle.jar"), "com/movierec/lifecycle/README.txt",
                "stand-in for the lifecycle handlers in infra tests");
    }

    /** The same for the recommendations API's jar. */
    public static Path apiJar(Path dir) {
        return standInJar(dir.resolve("api.jar"), "com/movierec/api/README.txt",
                "stand-in for the recommendations API handler in infra tests");
    }

    private static Path standInJar(Path jar, String entryName, String text) {
        try {
            Files.createDirectories(jar.getParent());
            try (OutputStream out = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(out)) {
                ZipEntry entry = new ZipEntry(entryName);
                entry.setLastModifiedTime(FileTime.fromMillis(0));
                zip.putNextEntry(entry);
                zip.write(text.getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return jar;
    }

    /**
     * The {@code movierec} context: dev and staging delete their data; prod keeps it, tunes hyperparameters and
     * provisions 2 TPS per campaign. dev's API has a daily quota and a local origin, staging's the defaults (no
     * browser origin), prod's a higher throttle, two origins and a 30-second answer cache of 5,000 answers.
     */
    public static Map<String, Object> context() {
        Map<String, Object> environments = new LinkedHashMap<>();
        environments.put("dev", devEnvironment());
        environments.put("staging", environment(false, false, 1));
        environments.put("prod", withApi(environment(true, true, 2), Map.of("auth", "apiKey",
                "throttle", Map.of("rateLimit", 100, "burstLimit", 200), "allowedOrigins", PROD_ORIGINS,
                "memoryMb", 2048, "cache", Map.of("ttlSeconds", 30, "maxEntries", 5000))));
        return Map.of("environments", environments);
    }

    public static final String DEV_ORIGIN = "http://localhost:8080";
    public static final List<String> PROD_ORIGINS =
            List.of("https://movierec.example.com", "https://www.movierec.example.com");

    /** dev's settings in {@link #context()}, to vary one of them. */
    public static Map<String, Object> devEnvironment() {
        return withApi(environment(false, false, 1), Map.of("auth", "apiKey",
                "throttle", Map.of("rateLimit", 10, "burstLimit", 20), "quotaPerDay", 10000,
                "allowedOrigins", List.of(DEV_ORIGIN), "memoryMb", 1024));
    }

    private static Map<String, Object> withApi(Map<String, Object> environment, Map<String, Object> api) {
        environment.put("api", api);
        return environment;
    }

    public static Map<String, Object> environment(boolean retain, boolean hpo, int minProvisionedTps) {
        Map<String, Object> env = new LinkedHashMap<>();
        env.put("region", REGION);
        env.put("dataset", "ml-100k");
        env.put("eventType", "Watch");
        env.put("campaign", Map.of("minProvisionedTPS", minProvisionedTps));
        env.put("training", new LinkedHashMap<>(Map.of("hpo", hpo, "autoTraining", false, "timeoutHours", 6,
                "pollSeconds", 60)));
        env.put("retainDataOnDestroy", retain);
        return env;
    }

    public static MovieRecConfig config() {
        return MovieRecConfigParser.parse(context());
    }

    /** An app with cdk.json's feature flags, so tests synthesize exactly what {@code cdk synth} does. */
    public static App app(Path outdir) {
        return app(outdir, Map.of());
    }

    public static App app(Path outdir, Map<String, Object> extraContext) {
        Map<String, Object> context = new LinkedHashMap<>(featureFlags());
        context.putAll(extraContext);
        return new App(AppProps.builder().outdir(outdir.toString()).context(context).build());
    }

    /**
     * A {@code dev} stage in {@link #ACCOUNT} / {@link #REGION} holding only the real Data stack (ml-100k, deleted
     * on destroy): what a stack that builds on the data bucket is tested beside. {@code Stage.of(data)} is the stage.
     */
    public static DataStack devDataStack(App app, PreparedData prepared) {
        Stage stage = new Stage(app, "dev", StageProps.builder()
                .env(Environment.builder().account(ACCOUNT).region(REGION).build())
                .build());
        return new DataStack(stage, "Data",
                new DataStackProps("movierec-dev-data", new PersonalizeNames("dev"), "ml-100k", prepared, false));
    }

    /** The repository root, as the build passes it (surefire's movierec.repoRoot). */
    public static Path repositoryRoot() {
        String root = System.getProperty("movierec.repoRoot");
        if (root == null) {
            throw new IllegalStateException("system property movierec.repoRoot is not set: run the tests with Maven");
        }
        return Path.of(root);
    }

    /** The feature flags under cdk.json's context (everything but the movierec configuration). */
    public static Map<String, Object> featureFlags() {
        try {
            JsonNode context = new ObjectMapper().readTree(repositoryRoot().resolve("cdk.json").toFile()).path("context");
            Map<String, Object> flags = new LinkedHashMap<>();
            context.properties().forEach(entry -> {
                if (entry.getKey().startsWith("@aws-cdk/")) {
                    flags.put(entry.getKey(), entry.getValue().isBoolean() ? entry.getValue().asBoolean()
                            : entry.getValue().asText());
                }
            });
            return flags;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A stage of the fixture configuration in a fixed account and region; jars and the layer go under {@code tmp}. */
    public static MovieRecStage stage(App app, EnvironmentConfig config, PreparedData prepared, Path tmp) {
        return new MovieRecStage(app, config.name(), stageProps(config, prepared, tmp,
                Environment.builder().account(ACCOUNT).region(REGION).build()));
    }

    /** Props with stand-in jars in {@code tmp/jar} and the data layer built in {@code tmp/layers}. */
    public static MovieRecStageProps stageProps(EnvironmentConfig config, PreparedData prepared, Path tmp,
                                                Environment env) {
        return new MovieRecStageProps(config, prepared, lifecycleJar(tmp.resolve("jar")), apiJar(tmp.resolve("jar")),
                tmp.resolve("layers"), env);
    }

    private static void write(Path dir, DatasetType type, List<String> rows) {
        try {
            Files.createDirectories(dir);
            String header = String.join(",", PersonalizeSchemas.load(type).columns());
            Files.writeString(dir.resolve(type.csvFileName()),
                    header + "\n" + String.join("\n", rows) + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
