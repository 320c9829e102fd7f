package com.movierec.local.personalize.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.movierec.local.personalize.engine.state.BatchInferenceJob;
import com.movierec.local.personalize.recipe.ScoredItem;
import com.movierec.local.personalize.server.LocalPersonalize;
import com.movierec.local.personalize.server.MovieData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Batch inference jobs without IAM: a job reads JSON Lines from local S3, recommends with the solution version and
 * writes {@code <output path>/<input file name>.out} in Personalize's output format.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BatchInferenceJobTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String USER_PERSONALIZATION = "aws-user-personalization-v2";
    private static final String SIMS = "aws-sims";
    private static final String RANKING = "aws-personalized-ranking-v2";

    @TempDir
    static Path s3;

    private DeployedEngine deployed;
    private PersonalizeEngine engine;

    @BeforeAll
    void deploy() throws IOException {
        deployed = DeployedEngine.deploy(s3, USER_PERSONALIZATION, SIMS, RANKING);
        engine = deployed.engine;
    }

    @AfterAll
    void close() {
        deployed.close();
    }

    @Test
    void writesOneLinePerInputUserWithNumResultsItemsAndScoresAsTheCampaignRecommends() throws IOException {
        List<String> users = IntStream.range(0, 10).mapToObj(MovieData::user).toList();
        input("batch/input/users.json", users.stream().map(u -> "{\"userId\": \"" + u + "\"}").toList());

        BatchInferenceJob job = run("users", USER_PERSONALIZATION, null, 7, "batch/input/users.json",
                "s3://data/batch/output/run-1/");

        assertThat(job.status()).as(job.progress().failureReason()).isEqualTo(Status.ACTIVE);
        List<JsonNode> lines = output("batch/output/run-1/users.json.out");
        assertThat(lines).hasSize(users.size());
        for (int i = 0; i < users.size(); i++) {
            JsonNode line = lines.get(i);
            assertThat(line.path("input").path("userId").asText()).isEqualTo(users.get(i));
            assertThat(line.has("error")).isTrue();
            assertThat(line.get("error").isNull()).isTrue();
            List<String> items = texts(line.path("output").path("recommendedItems"));
            assertThat(items).hasSize(7);
            assertThat(line.path("output").path("scores")).hasSize(7);
            List<String> served = engine.recommender().recommend(deployed.campaigns.get(USER_PERSONALIZATION),
                    users.get(i), null, 7, null, null).items().stream().map(ScoredItem::itemId).toList();
            assertThat(items).isEqualTo(served);
        }
    }

    @Test
    void numResultsDefaultsToTwentyFive() throws IOException {
        input("batch/input/one.json", List.of("{\"userId\": \"u01\"}"));

        BatchInferenceJob job = run("default-size", USER_PERSONALIZATION, null, null, "batch/input/one.json",
                "s3://data/batch/output/default-size");

        assertThat(job.status()).isEqualTo(Status.ACTIVE);
        assertThat(output("batch/output/default-size/one.json.out").get(0).path("output").path("recommendedItems"))
                .hasSize(25);
    }

    @Test
    void aFilterExcludesItsItemsFromEveryLine() throws IOException {
        String noSciFi = DeployedEngine.active(engine.filters().create("no-sci-fi", deployed.group,
                "EXCLUDE ItemID WHERE Items.GENRES IN (\"Sci-Fi\")"));
        // Sci-Fi fans: without the filter their lists are mostly Sci-Fi.
        input("batch/input/fans.json", List.of("{\"userId\": \"u00\"}", "{\"userId\": \"u01\"}"));

        BatchInferenceJob unfiltered = run("fans", USER_PERSONALIZATION, null, 10, "batch/input/fans.json",
                "s3://data/batch/output/unfiltered/");
        BatchInferenceJob filtered = run("fans-filtered", USER_PERSONALIZATION, noSciFi, 10,
                "batch/input/fans.json", "s3://data/batch/output/filtered/");

        assertThat(unfiltered.status()).isEqualTo(Status.ACTIVE);
        assertThat(filtered.status()).isEqualTo(Status.ACTIVE);
        assertThat(output("batch/output/unfiltered/fans.json.out"))
                .allSatisfy(line -> assertThat(texts(line.path("output").path("recommendedItems")))
                        .anyMatch(item -> item.startsWith("s")));
        assertThat(output("batch/output/filtered/fans.json.out"))
                .allSatisfy(line -> assertThat(texts(line.path("output").path("recommendedItems")))
                        .hasSize(10).noneMatch(item -> item.startsWith("s")));
    }

    @Test
    void relatedItemsReadItemIdsAndAnswerWithoutScores() throws IOException {
        input("batch/input/items.json", List.of("{\"itemId\": \"s03\"}", "{\"itemId\": \"r04\"}"));

        BatchInferenceJob job = run("related", SIMS, null, 5, "batch/input/items.json", "s3://data/batch/output/sims/");

        assertThat(job.status()).as(job.progress().failureReason()).isEqualTo(Status.ACTIVE);
        List<JsonNode> lines = output("batch/output/sims/items.json.out");
        assertThat(lines).hasSize(2);
        assertThat(lines).allSatisfy(line -> {
            assertThat(line.path("output").path("recommendedItems")).hasSize(5);
            assertThat(line.path("output").has("scores")).isFalse();
            assertThat(texts(line.path("output").path("recommendedItems")))
                    .doesNotContain(line.path("input").path("itemId").asText());
        });
    }

    @Test
    void rankingOrdersEachLinesItemList() throws IOException {
        input("batch/input/rank.json", List.of("{\"userId\": \"u02\", \"itemList\": [\"r01\", \"c02\", \"s05\"]}"));

        BatchInferenceJob job = run("ranked", RANKING, null, null, "batch/input/rank.json",
                "s3://data/batch/output/ranked/");

        assertThat(job.status()).as(job.progress().failureReason()).isEqualTo(Status.ACTIVE);
        JsonNode output = output("batch/output/ranked/rank.json.out").get(0).path("output");
        assertThat(texts(output.path("recommendedItems"))).containsExactlyInAnyOrder("r01", "c02", "s05");
        assertThat(output.path("scores")).hasSize(3);
    }

    @Test
    void aLineTheRecipeCannotAnswerGetsAnErrorAndTheOthersTheirItems() throws IOException {
        input("batch/input/mixed.json", List.of("{\"itemId\": \"s01\"}", "{\"userId\": \"u03\"}"));

        BatchInferenceJob job = run("mixed", USER_PERSONALIZATION, null, 3, "batch/input/mixed.json",
                "s3://data/batch/output/mixed/");

        assertThat(job.status()).isEqualTo(Status.ACTIVE);
        List<JsonNode> lines = output("batch/output/mixed/mixed.json.out");
        assertThat(lines.get(0).path("error").asText()).contains("userId is required");
        assertThat(lines.get(1).path("output").path("recommendedItems")).hasSize(3);
    }

    @Test
    void aMissingInputFileFailsTheJob() {
        BatchInferenceJob job = run("no-input", USER_PERSONALIZATION, null, 3, "batch/input/absent.json",
                "s3://data/batch/output/absent/");

        assertThat(job.status()).isEqualTo(Status.CREATE_FAILED);
        assertThat(job.progress().failureReason()).startsWith("Input file not found: s3://data/batch/input/absent.json");
    }

    @Test
    void aSolutionVersionThatDoesNotExistIsNotFound() {
        String missing = version(USER_PERSONALIZATION) + "-gone";

        assertThatThrownBy(() -> engine.batchInferenceJobs().create("missing", settings(missing, null, null,
                "s3://data/batch/input/users.json", "s3://data/batch/output/x/")))
                .isInstanceOfSatisfying(PersonalizeException.class,
                        e -> assertThat(e.type()).isEqualTo(ErrorType.RESOURCE_NOT_FOUND));
    }

    @Test
    void aSolutionVersionThatIsNotActiveIsInUse() {
        String solution = engine.campaigns().describe(deployed.campaigns.get(USER_PERSONALIZATION)).settings()
                .version().solution().arn();
        engine.faults().failNextTraining("out of GPUs");
        String failed = engine.solutionVersions().create(solution, null, null).arn();
        LocalPersonalize.settled(() -> engine.solutionVersions().describe(failed).status(), failed);

        assertThatThrownBy(() -> engine.batchInferenceJobs().create("failed-version", settings(failed, null, null,
                "s3://data/batch/input/users.json", "s3://data/batch/output/x/")))
                .isInstanceOfSatisfying(PersonalizeException.class,
                        e -> assertThat(e.type()).isEqualTo(ErrorType.RESOURCE_IN_USE))
                .hasMessageContaining("CREATE FAILED");
    }

    @Test
    void aFilterThatDoesNotExistIsNotFound() {
        String filter = deployed.group.replace("dataset-group/group", "filter/absent");

        assertThatThrownBy(() -> engine.batchInferenceJobs().create("no-filter", settings(
                version(USER_PERSONALIZATION), filter, null, "s3://data/batch/input/users.json",
                "s3://data/batch/output/x/")))
                .isInstanceOfSatisfying(PersonalizeException.class,
                        e -> assertThat(e.type()).isEqualTo(ErrorType.RESOURCE_NOT_FOUND));
    }

    @Test
    void jobsAreListedByTheirSolutionVersion() throws IOException {
        input("batch/input/listed.json", List.of("{\"userId\": \"u04\"}"));
        BatchInferenceJob job = run("listed", USER_PERSONALIZATION, null, 2, "batch/input/listed.json",
                "s3://data/batch/output/listed/");

        assertThat(engine.batchInferenceJobs().list(version(USER_PERSONALIZATION))).contains(job);
        assertThat(engine.batchInferenceJobs().list(version(SIMS))).doesNotContain(job);
        assertThat(engine.batchInferenceJobs().describe(job.arn())).isSameAs(job);
    }

    private String version(String recipe) {
        return engine.campaigns().describe(deployed.campaigns.get(recipe)).settings().version().arn();
    }

    private static BatchInferenceJob.Settings settings(String version, String filter, Integer numResults,
                                                       String input, String output) {
        return new BatchInferenceJob.Settings(version, filter, numResults, input, null, output, null,
                DeployedEngine.ROLE, null, null, null);
    }

    private BatchInferenceJob run(String name, String recipe, String filter, Integer numResults, String inputKey,
                                  String output) {
        BatchInferenceJob job = engine.batchInferenceJobs().create(name, settings(version(recipe), filter,
                numResults, "s3://data/" + inputKey, output));
        LocalPersonalize.settled(job::status, job.arn());
        return job;
    }

    private static void input(String key, List<String> lines) throws IOException {
        Path file = s3.resolve("data").resolve(key);
        Files.createDirectories(file.getParent());
        Files.writeString(file, String.join("\n", lines) + "\n");
    }

    private static List<JsonNode> output(String key) throws IOException {
        return Files.readAllLines(s3.resolve("data").resolve(key)).stream().map(line -> {
            try {
                return JSON.readTree(line);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).toList();
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(item -> out.add(item.asText()));
        return out;
    }
}
