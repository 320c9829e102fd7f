package com.movierec.local.personalize.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.movierec.local.personalize.engine.Delays;
import com.movierec.local.personalize.metrics.OfflineEvaluation;
import com.movierec.schemas.DatasetType;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.personalize.PersonalizeClient;
import software.amazon.awssdk.services.personalize.model.ResourceNotFoundException;
import software.amazon.awssdk.services.personalize.model.SolutionVersion;
import software.amazon.awssdk.services.personalizeevents.model.Event;
import software.amazon.awssdk.services.personalizeruntime.model.PredictedItem;

/**
 * The whole product path through the real SDK clients: schemas, a dataset group, datasets and imports from local
 * S3, four solutions trained for real, offline metrics, campaigns, an event tracker and filters; then every runtime
 * call, PutEvents reaching the exclusion filter at once, and the deletes in CloudFormation's order leaving nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FullLifecycleTest {
    private static final String UNWATCHED = "EXCLUDE ItemID WHERE Interactions.EVENT_TYPE IN (\"Watch\")";
    private static final String GENRE = "INCLUDE ItemID WHERE Items.GENRES IN ($GENRE)";

    @TempDir
    static Path s3;

    private LocalPersonalize local;
    private PersonalizeClient personalize;
    private final Map<String, String> arns = new java.util.LinkedHashMap<>();

    @BeforeAll
    void deploy() {
        local = LocalPersonalize.start(s3, Delays.NONE);
        personalize = local.personalize;
        Provisioner p = new Provisioner(local);
        String interactionsUri = local.upload("data", "ml/interactions.csv", MovieData.interactionsCsv(MovieData.USERS));
        String itemsUri = local.upload("data", "ml/items.csv", MovieData.itemsCsv());

        arns.put("interactionsSchema", p.schema("interactions-schema", DatasetType.INTERACTIONS));
        arns.put("itemsSchema", p.schema("items-schema", DatasetType.ITEMS));
        String group = p.datasetGroup("movies");
        arns.put("group", group);
        arns.put("interactions", p.dataset("interactions", group, DatasetType.INTERACTIONS, arns.get("interactionsSchema")));
        arns.put("items", p.dataset("items", group, DatasetType.ITEMS, arns.get("itemsSchema")));
        assertThat(p.importData("interactions-1", arns.get("interactions"), interactionsUri, "FULL")).isEqualTo("ACTIVE");
        assertThat(p.importData("items-1", arns.get("items"), itemsUri, "FULL")).isEqualTo("ACTIVE");

        for (String recipe : List.of("aws-user-personalization-v2", "aws-sims", "aws-popularity-count",
                "aws-personalized-ranking-v2")) {
            String solution = p.solution(recipe, group, recipe);
            arns.put(recipe + "/solution", solution);
            String version = p.trainedVersion(solution);
            arns.put(recipe + "/version", version);
            arns.put(recipe, p.campaign(recipe + "-campaign", version));
        }
        arns.put("tracker", p.eventTracker("tracker", group).eventTrackerArn());
        arns.put("unwatched", p.filter("unwatched", group, UNWATCHED));
        arns.put("genre", p.filter("genre", group, GENRE));
        arns.put("unwatchedInGenre", p.filter("unwatched-in-genre", group, UNWATCHED + " | " + GENRE));
    }

    @AfterAll
    void stop() {
        local.close();
    }

    @Test
    @Order(1)
    void everyTrainedVersionReportsPersonalizesEightOfflineMetrics() {
        for (String recipe : List.of("aws-user-personalization-v2", "aws-sims", "aws-popularity-count",
                "aws-personalized-ranking-v2")) {
            String version = arns.get(recipe + "/version");
            Map<String, Double> metrics = personalize.getSolutionMetrics(r -> r.solutionVersionArn(version)).metrics();
            assertThat(metrics).as(recipe).containsOnlyKeys(OfflineEvaluation.METRIC_NAMES);
            assertThat(metrics.values()).as(recipe).allSatisfy(v -> assertThat(v).isBetween(0.0, 1.0));
        }
        Map<String, Double> personal = personalize.getSolutionMetrics(r -> r.solutionVersionArn(
                arns.get("aws-user-personalization-v2/version"))).metrics();
        assertThat(personal.get("normalized_discounted_cumulative_gain_at_10")).isPositive();

        SolutionVersion described = personalize.describeSolutionVersion(r -> r.solutionVersionArn(
                arns.get("aws-sims/version"))).solutionVersion();
        assertThat(described.solutionArn()).isEqualTo(arns.get("aws-sims/solution"));
        assertThat(described.recipeArn()).isEqualTo("arn:aws:personalize:::recipe/aws-sims");
        assertThat(described.trainingMode().toString()).isEqualTo("FULL");
        assertThat(described.creationDateTime()).isBefore(Instant.now().plusSeconds(1));
    }

    @Test
    @Order(2)
    void aSciFiFanGetsUnwatchedSciFiAndTheSameListEveryTime() {
        Supplier<List<String>> ask = () -> ids(local.runtime.getRecommendations(r -> r
                .campaignArn(arns.get("aws-user-personalization-v2")).userId("u00").numResults(10)
                .filterArn(arns.get("unwatched"))).itemList());
        List<String> first = ask.get();
        assertThat(first).hasSize(10).isEqualTo(ask.get());
        assertThat(first.subList(0, 5)).filteredOn(id -> id.startsWith("s")).hasSizeGreaterThanOrEqualTo(4);
        assertThat(first).doesNotContainAnyElementsOf(watched("u00"));

        List<PredictedItem> scored = local.runtime.getRecommendations(r -> r
                .campaignArn(arns.get("aws-user-personalization-v2")).userId("u00")).itemList();
        assertThat(scored).hasSize(25);
        assertThat(scored.get(0).score()).isPositive().isGreaterThanOrEqualTo(scored.get(1).score());
    }

    @Test
    @Order(3)
    void similarItemsArePeopleWhoWatchedThisAlsoWatched() {
        List<PredictedItem> similar = local.runtime.getRecommendations(r -> r
                .campaignArn(arns.get("aws-sims")).itemId("s03").numResults(5)).itemList();
        assertThat(ids(similar)).hasSize(5).doesNotContain("s03").allMatch(id -> id.startsWith("s"));
        assertThat(similar).allSatisfy(item -> assertThat(item.score()).as("SIMS shows no scores").isNull());
    }

    @Test
    @Order(4)
    void popularityNeedsNoUserAndRanksByDistinctUsers() {
        List<String> popular = ids(local.runtime.getRecommendations(r -> r
                .campaignArn(arns.get("aws-popularity-count")).numResults(5)).itemList());
        Map<String, Long> viewers = MovieData.interactionsCsv(MovieData.USERS).lines().skip(1)
                .map(line -> line.split(","))
                .collect(Collectors.groupingBy(f -> f[1], Collectors.mapping(f -> f[0],
                        Collectors.collectingAndThen(Collectors.toSet(), s -> (long) s.size()))));
        List<String> expected = viewers.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(5).map(Map.Entry::getKey).toList();
        assertThat(popular).isEqualTo(expected);
    }

    @Test
    @Order(5)
    void personalizedRankingPutsTheUsersTasteFirst() {
        List<PredictedItem> ranked = local.runtime.getPersonalizedRanking(r -> r
                .campaignArn(arns.get("aws-personalized-ranking-v2")).userId("u35")
                .inputList("s01", "r02", "unknown-item", "s04", "r07")).personalizedRanking();
        assertThat(ids(ranked)).hasSize(5).endsWith("unknown-item");
        assertThat(ids(ranked).subList(0, 2)).allMatch(id -> id.startsWith("r"));
        assertThat(ranked.get(0).score()).isPositive();
    }

    @Test
    @Order(6)
    void aWatchRecordedWithPutEventsLeavesTheUnwatchedListAtOnce() {
        String campaign = arns.get("aws-user-personalization-v2");
        Supplier<List<String>> unwatched = () -> ids(local.runtime.getRecommendations(r -> r.campaignArn(campaign)
                .userId("u01").numResults(5).filterArn(arns.get("unwatched"))).itemList());
        String top = unwatched.get().get(0);
        String trackingId = personalize.describeEventTracker(r -> r.eventTrackerArn(arns.get("tracker")))
                .eventTracker().trackingId();

        local.events.putEvents(r -> r.trackingId(trackingId).userId("u01").sessionId("session-1")
                .eventList(Event.builder().eventType("Watch").itemId(top).sentAt(Instant.now()).eventValue(5f).build()));

        assertThat(unwatched.get()).doesNotContain(top).hasSize(5);
    }

    @Test
    @Order(7)
    void theGenreFilterTakesItsGenreFromFilterValues() {
        List<String> comedies = ids(local.runtime.getRecommendations(r -> r
                .campaignArn(arns.get("aws-user-personalization-v2")).userId("u40").numResults(10)
                .filterArn(arns.get("genre")).filterValues(Map.of("GENRE", "\"Comedy\""))).itemList());
        assertThat(comedies).hasSize(10).allMatch(id -> id.startsWith("c"));

        List<String> unwatchedAction = ids(local.runtime.getRecommendations(r -> r
                .campaignArn(arns.get("aws-user-personalization-v2")).userId("u02").numResults(5)
                .filterArn(arns.get("unwatchedInGenre")).filterValues(Map.of("GENRE", "\"Action\""))).itemList());
        assertThat(unwatchedAction).isNotEmpty().allMatch(id -> id.compareTo("s10") < 0 && id.startsWith("s"))
                .doesNotContainAnyElementsOf(watched("u02"));
    }

    @Test
    @Order(8)
    void theInteractionsDatasetShowsItsTrackingId() {
        String trackingId = personalize.describeEventTracker(r -> r.eventTrackerArn(arns.get("tracker")))
                .eventTracker().trackingId();
        assertThat(personalize.describeDataset(r -> r.datasetArn(arns.get("interactions"))).dataset().trackingId())
                .isEqualTo(trackingId);
    }

    @Test
    @Order(100)
    void deletingInCloudFormationsOrderLeavesNothing() {
        for (String recipe : List.of("aws-user-personalization-v2", "aws-sims", "aws-popularity-count",
                "aws-personalized-ranking-v2")) {
            personalize.deleteCampaign(r -> r.campaignArn(arns.get(recipe)));
        }
        for (String recipe : List.of("aws-user-personalization-v2", "aws-sims", "aws-popularity-count",
                "aws-personalized-ranking-v2")) {
            gone(() -> personalize.describeCampaign(r -> r.campaignArn(arns.get(recipe))));
        }
        for (String filter : List.of("unwatched", "genre", "unwatchedInGenre")) {
            personalize.deleteFilter(r -> r.filterArn(arns.get(filter)));
            gone(() -> personalize.describeFilter(r -> r.filterArn(arns.get(filter))));
        }
        personalize.deleteEventTracker(r -> r.eventTrackerArn(arns.get("tracker")));
        gone(() -> personalize.describeEventTracker(r -> r.eventTrackerArn(arns.get("tracker"))));
        for (String recipe : List.of("aws-user-personalization-v2", "aws-sims", "aws-popularity-count",
                "aws-personalized-ranking-v2")) {
            personalize.deleteSolution(r -> r.solutionArn(arns.get(recipe + "/solution")));
            gone(() -> personalize.describeSolution(r -> r.solutionArn(arns.get(recipe + "/solution"))));
        }
        assertThatThrownBy(() -> personalize.describeSolutionVersion(r -> r.solutionVersionArn(
                arns.get("aws-sims/version")))).as("versions go with their solution")
                .isInstanceOf(ResourceNotFoundException.class);
        for (String dataset : List.of("interactions", "items")) {
            personalize.deleteDataset(r -> r.datasetArn(arns.get(dataset)));
            gone(() -> personalize.describeDataset(r -> r.datasetArn(arns.get(dataset))));
        }
        personalize.deleteDatasetGroup(r -> r.datasetGroupArn(arns.get("group")));
        gone(() -> personalize.describeDatasetGroup(r -> r.datasetGroupArn(arns.get("group"))));
        personalize.deleteSchema(r -> r.schemaArn(arns.get("interactionsSchema")));
        personalize.deleteSchema(r -> r.schemaArn(arns.get("itemsSchema")));

        assertThat(personalize.listDatasetGroups(r -> { }).datasetGroups()).isEmpty();
        assertThat(personalize.listSchemas(r -> { }).schemas()).isEmpty();
        assertThat(local.server.engine().resources()).isEmpty();
    }

    private List<String> watched(String user) {
        return MovieData.interactionsCsv(MovieData.USERS).lines()
                .filter(line -> line.startsWith(user + ","))
                .map(line -> line.split(",")[1])
                .toList();
    }

    private static List<String> ids(List<PredictedItem> items) {
        return items.stream().map(PredictedItem::itemId).toList();
    }

    private static void gone(Runnable describe) {
        LocalPersonalize.await(() -> {
            try {
                describe.run();
                return false;
            } catch (ResourceNotFoundException e) {
                return true;
            }
        }, Boolean::booleanValue, "the resource to be deleted");
    }
}
