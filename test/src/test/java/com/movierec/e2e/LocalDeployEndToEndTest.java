package com.movierec.e2e;

import static com.movierec.local.deployer.testing.Stacks.PERSONALIZE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.movierec.e2e.support.ApiDataLayerFiles;
import com.movierec.e2e.support.EngineAdmin;
import com.movierec.e2e.support.LocalApi;
import com.movierec.e2e.support.LocalApi.Answer;
import com.movierec.e2e.support.MovieLens100k;
import com.movierec.e2e.support.MovieLensCatalogue;
import com.movierec.e2e.support.MovieLensCatalogue.ExpectedMovie;
import com.movierec.e2e.support.Ratings;
import com.movierec.infra.personalize.FilterExpressions;
import com.movierec.local.personalize.data.UserEvents;
import com.movierec.local.personalize.engine.state.Resource;
import com.movierec.local.deployer.api.LocalApiServer;
import com.movierec.local.deployer.deploy.DeployOptions;
import com.movierec.local.deployer.deploy.LocalDeployer;
import com.movierec.local.deployer.deploy.StageDeployment;
import com.movierec.local.deployer.deploy.assembly.CloudAssembly;
import com.movierec.local.personalize.iam.GrantJustifications;
import com.movierec.local.personalize.iam.LeastPrivilegeReport;
import com.movierec.local.deployer.testing.LocalEngine;
import com.movierec.local.deployer.testing.RecordingListener;
import com.movierec.local.deployer.testing.SynthesizedDev;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The product end to end on real MovieLens 100K: data-prep's output synthesized into the dev stage, deployed locally
 * into personalize-local, the recommendations API called over HTTP with the deployed environment and the data layer
 * the synth staged, checked against u.data and u.item themselves; then the stage updated (campaign setting, recipe)
 * and destroyed, leaving the engine and the data bucket empty. The steps run in order on one deployment.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalDeployEndToEndTest {
    /** u.data's first user (272 ratings) and a light one (39): both heavy and light histories. */
    private static final List<String> REAL_USERS = List.of("1", "196");
    private static final String TOY_STORY = "1";
    private static final String UNKNOWN_USER = "never-rated-anything";

    @TempDir
    static Path tmp;
    private static Ratings ratings;
    private static MovieLensCatalogue catalogue;
    private static Path prepared;
    private static final java.nio.file.Path REPO = java.nio.file.Path.of(System.getProperty("movierec.repoRoot",
            "..")).toAbsolutePath().normalize();
    private static LocalEngine engine;
    private static java.util.Map<String, java.util.List<com.movierec.local.personalize.iam.NamedPolicy>> deployedRoles;
    private static final LocalDeployer DEPLOYER = new LocalDeployer();
    private static DeployOptions options;
    private static StageDeployment deployment;
    private static LocalApiServer server;
    private static LocalApi api;
    private static String watchedByEvent;
    private static List<String> similarBeforeUpdate;

    @BeforeAll
    static void deployAndServe() {
        Path movieLens = MovieLens100k.directory();
        ratings = Ratings.read(movieLens);
        catalogue = MovieLensCatalogue.read(movieLens);
        prepared = MovieLens100k.prepared();
        engine = LocalEngine.start(tmp.resolve("s3"));
        options = engine.options(new RecordingListener());
        deployment = DEPLOYER.deploy(SynthesizedDev.withData(prepared), SynthesizedDev.STAGE, options);
        serve(SynthesizedDev.withData(prepared));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (engine != null) {
            engine.close();
        }
    }

    @Test
    @Order(1)
    void theDeployedUnwatchedFilterIsTheOneInfraDefinesForWatchEvents() {
        String filterArn = DEPLOYER.deployedApiEnvironment().get("UNWATCHED_FILTER_ARN");

        // What "never recommends a rated movie" below rests on: data-prep records every rating as a Watch.
        assertThat(engine.personalize.describeFilter(r -> r.filterArn(filterArn)).filter().filterExpression())
                .isEqualTo(FilterExpressions.unwatched("Watch"));
        assertThat(engine.resources()).extracting(Resource::status).containsOnly("ACTIVE");
        assertThat(engine.resources("campaign")).hasSize(4);
    }

    @Test
    @Order(1)
    void realUsersGetPersonalRecommendationsOfMoviesTheyHaveNotRated() {
        for (String user : REAL_USERS) {
            Answer answer = api.get("/users/" + user + "/recommendations?count=25");

            assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
            assertThat(answer.body().path("fallback").asBoolean(true)).as("user %s is not a fallback", user).isFalse();
            // Filters read a user's newest 100 events per type, in Personalize and in personalize-local alike, so
            // user 1 (272 ratings) may be offered a movie rated long ago, never one of the newest 100.
            assertThat(answer.movieIds()).as("user %s", user).hasSize(25).doesNotHaveDuplicates()
                    .doesNotContainAnyElementsOf(ratings.ratedAmongNewest(user, UserEvents.FILTER_EVENTS_PER_TYPE));
            assertMatchesUItem(answer);
            List<Double> scores = answer.items().stream().map(item -> item.path("score").asDouble()).toList();
            assertThat(scores).allSatisfy(score -> assertThat(score).isPositive())
                    .isSortedAccordingTo(Collections.reverseOrder());
        }
    }

    @Test
    @Order(1)
    void differentUsersGetDifferentRecommendations() {
        List<String> first = api.get("/users/" + REAL_USERS.get(0) + "/recommendations?count=10").movieIds();
        List<String> second = api.get("/users/" + REAL_USERS.get(1) + "/recommendations?count=10").movieIds();

        assertThat(first).hasSize(10).isNotEqualTo(second);
    }

    @Test
    @Order(1)
    void aGenreRestrictsRecommendationsToThatGenreStillUnwatched() {
        Answer answer = api.get("/users/196/recommendations?count=10&genre=Comedy");

        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
        assertThat(answer.movieIds()).hasSize(10).doesNotContainAnyElementsOf(ratings.ratedBy("196"))
                .allSatisfy(id -> assertThat(catalogue.movie(id).genres()).contains("Comedy"));
    }

    @Test
    @Order(1)
    void similarMoviesOfToyStoryAreOthersItsViewersAlsoRated() {
        Answer answer = api.get("/movies/" + TOY_STORY + "/similar?count=10");
        similarBeforeUpdate = answer.movieIds();

        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
        // Item-item similarity from co-ratings; aws-similar-items adds a little genre overlap to it, which on
        // ml-100k changes the order but not the neighbourhood (Toy Story's are mostly not Animation or Comedy).
        assertThat(answer.movieIds()).hasSize(10).doesNotHaveDuplicates().doesNotContain(TOY_STORY)
                .isSubsetOf(ratings.mostCoRatedWith(TOY_STORY, 20));
        assertMatchesUItem(answer);
    }

    @Test
    @Order(1)
    void thePopularListIsTheMostRatedMoviesOfUData() {
        Answer answer = api.get("/movies/popular?count=20");
        List<String> expected = ratings.mostRated(20);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.movieIds().get(0)).isEqualTo(expected.get(0));
        // The same counts in the same order: exact, yet indifferent to how ties between equally rated movies fall.
        assertThat(answer.movieIds().stream().map(ratings::raters).toList())
                .isEqualTo(expected.stream().map(ratings::raters).toList());
        assertMatchesUItem(answer);
    }

    @Test
    @Order(1)
    void rankingReordersTheGivenMoviesPuttingTheUsersTopRecommendationFirst() {
        List<String> recommended = api.get("/users/196/recommendations?count=10").movieIds();
        List<String> given = new ArrayList<>(recommended);
        Collections.reverse(given);

        Answer answer = api.post("/users/196/rankings", Map.of("movieIds", given));

        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
        assertThat(answer.movieIds()).containsExactlyInAnyOrderElementsOf(given).isNotEqualTo(given)
                .startsWith(recommended.get(0));
        assertMatchesUItem(answer);
    }

    @Test
    @Order(1)
    void anUnknownUserGetsThePopularMoviesAsAFallback() {
        Answer answer = api.get("/users/" + UNKNOWN_USER + "/recommendations?count=10");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().path("fallback").asBoolean()).isTrue();
        assertThat(answer.movieIds()).isEqualTo(api.get("/movies/popular?count=10").movieIds());
    }

    @Test
    @Order(2)
    void aPostedWatchEventRemovesTheMovieFromTheUsersRecommendationsAtOnce() {
        String recommendations = "/users/196/recommendations?count=10";
        watchedByEvent = api.get(recommendations).movieIds().get(0);

        Answer event = api.post("/events", Map.of("userId", "196", "movieId", watchedByEvent, "eventType", "Watch"));

        assertThat(event.status()).as(event.body().toString()).isEqualTo(202);
        assertThat(event.body().path("accepted").asInt()).isEqualTo(1);
        assertThat(api.get(recommendations).movieIds()).hasSize(10).doesNotContain(watchedByEvent);
    }

    @Test
    @Order(3)
    void aThrottledPersonalizeIsRetriedThenAnsweredAs429WithRetryAfter() {
        EngineAdmin admin = new EngineAdmin(engine.server.endpoint());
        admin.throttleNext(1);
        Answer retried = api.get("/movies/popular?count=3");
        admin.throttleNext(2); // both of the client's attempts, as the deployed function makes them
        // Another count: the function's answer cache holds count=3 now and would answer it without a call.
        Answer throttled = api.get("/movies/popular?count=4");

        assertThat(retried.status()).isEqualTo(200);
        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.body().path("error").asText()).isEqualTo("THROTTLED");
        assertThat(throttled.header("Retry-After")).hasValue("1");
        // The 429 was not cached: the same request reaches Personalize again and is answered.
        assertThat(api.get("/movies/popular?count=4").status()).isEqualTo(200);
    }

    @Test
    @Order(3)
    void aRepeatedRequestIsAnsweredFromTheFunctionsCacheWithoutReachingPersonalize() {
        EngineAdmin admin = new EngineAdmin(engine.server.endpoint());
        Answer first = api.get("/movies/" + TOY_STORY + "/similar?count=7");
        admin.throttleNext(1); // a call that reached personalize-local would spend it

        Answer repeated = api.get("/movies/" + TOY_STORY + "/similar?count=7");
        int throttlesLeft = admin.throttlesLeft();
        admin.throttleNext(0);

        assertThat(repeated.status()).isEqualTo(200);
        assertThat(repeated.body()).isEqualTo(first.body());
        assertThat(throttlesLeft).as("no call reached personalize-local").isEqualTo(1);
    }

    @Test
    @Order(4)
    void anUpdateChangesTheCampaignsInPlaceAndReplacesTheRelatedItemsRecipe() {
        CloudAssembly updated = SynthesizedDev.updatedWithData(prepared);
        Map<String, String> before = deployment.stack(PERSONALIZE).outputValues();

        Map<String, String> after = DEPLOYER.deploy(updated, SynthesizedDev.STAGE, options).stack(PERSONALIZE)
                .outputValues();
        server.close();
        serve(updated); // the API stack's update gave the function a new environment: a new Lambda instance

        String relatedItems = after.get("RelatedItemsCampaignArn");
        assertThat(relatedItems).isNotEqualTo(before.get("RelatedItemsCampaignArn"));
        assertThat(recipeServedBy(relatedItems)).endsWith("/aws-sims");
        assertThat(engine.resources()).extracting(Resource::arn).doesNotContain(before.get("RelatedItemsCampaignArn"));
        assertThat(after.get("UserPersonalizationCampaignArn")).isEqualTo(before.get("UserPersonalizationCampaignArn"));
        assertThat(engine.personalize.describeCampaign(r -> r.campaignArn(after.get("UserPersonalizationCampaignArn")))
                .campaign().minProvisionedTPS()).isEqualTo(2);
        assertThat(engine.resources()).extracting(Resource::status).containsOnly("ACTIVE");
    }

    @Test
    @Order(5)
    void afterTheUpdateTheApiServesFromTheNewCampaignsAndKeepsTheRecordedEvents() {
        Answer similar = api.get("/movies/" + TOY_STORY + "/similar?count=10");
        Answer forUser = api.get("/users/196/recommendations?count=10");

        assertThat(similar.status()).as(similar.body().toString()).isEqualTo(200);
        // aws-sims is the co-rating cosine alone: exactly u.data's neighbours, no longer reordered by genre.
        assertThat(similar.movieIds()).isEqualTo(ratings.mostCoRatedWith(TOY_STORY, 10))
                .isNotEqualTo(similarBeforeUpdate);
        assertThat(forUser.status()).isEqualTo(200);
        assertThat(forUser.body().path("fallback").asBoolean(true)).isFalse();
        assertThat(forUser.movieIds()).hasSize(10).doesNotContain(watchedByEvent)
                .doesNotContainAnyElementsOf(ratings.ratedBy("196"));
    }

    @Test
    @Order(6)
    void destroyLeavesNoPersonalizeResourceAndNoDataFile() {
        server.close();
        server = null;
        deployedRoles = engine.account.iam().rolePolicies();

        DEPLOYER.destroy(SynthesizedDev.updatedWithData(prepared), SynthesizedDev.STAGE, options);

        assertThat(engine.resources()).isEmpty();
        assertThat(engine.s3Files()).isEmpty();
        assertThat(options.stateStore().all()).isEmpty();
    }

    /**
     * Everything above ran under IAM as AWS enforces it (each handler with its function's role, the policies the
     * templates deploy): not one call may have been denied. The grants no call used are written to
     * target/least-privilege.md, for the README's least-privilege figures.
     */
    @Test
    @Order(7)
    void theWholeRunMadeNoCallIamDeniesAndEveryUnusedGrantIsJustified() throws java.io.IOException {
        LeastPrivilegeReport report = LeastPrivilegeReport.of(deployedRoles, engine.account.authorizer().log());
        GrantJustifications justifications = GrantJustifications.read(REPO.resolve(
                "infra/least-privilege-justifications.txt"));
        java.nio.file.Files.writeString(java.nio.file.Path.of("target", "least-privilege.md"),
                report.markdown(justifications));

        assertThat(report.denied()).isEmpty();
        assertThat(report.grants()).anyMatch(LeastPrivilegeReport.Grant::used);
        assertThat(report.unexplained(justifications)).as("granted, never used, and not justified in %s: remove "
                + "the grant or add a line with the reason", justifications.file()).isEmpty();
        assertThat(justifications.stale(report.unused())).as("lines of %s that explain no unused grant any more",
                justifications.file()).isEmpty();
    }

    /** The local API with the deployed environment and the data layer the synth staged. */
    private static void serve(CloudAssembly assembly) {
        ApiDataLayerFiles layer = ApiDataLayerFiles.of(assembly);
        server = LocalApiServer.start(engine.apiCredentials(), DEPLOYER.deployedApiEnvironment(), engine.server.endpoint(), layer.itemsCsv(),
                layer.knownUsers(), SynthesizedDev.STAGE, 0);
        api = new LocalApi(server.endpoint());
    }

    /** The recipe of the solution whose version the campaign serves. */
    private static String recipeServedBy(String campaignArn) {
        String version = engine.personalize.describeCampaign(r -> r.campaignArn(campaignArn)).campaign()
                .solutionVersionArn();
        return engine.personalize.describeSolutionVersion(r -> r.solutionVersionArn(version)).solutionVersion()
                .recipeArn();
    }

    private static void assertMatchesUItem(Answer answer) {
        for (JsonNode item : answer.items()) {
            ExpectedMovie expected = catalogue.movie(item.path("movieId").asText());
            List<String> genres = new ArrayList<>();
            item.path("genres").forEach(g -> genres.add(g.asText()));
            assertThat(item.path("title").asText()).as("title of %s", expected.movieId()).isEqualTo(expected.title());
            assertThat(item.path("year").isNull() ? null : item.path("year").asInt()).as("year of %s",
                    expected.movieId()).isEqualTo(expected.year());
            assertThat(genres).as("genres of %s", expected.movieId()).isEqualTo(expected.genres());
        }
        assertThat(Set.copyOf(answer.movieIds())).hasSameSizeAs(answer.movieIds());
    }
}
