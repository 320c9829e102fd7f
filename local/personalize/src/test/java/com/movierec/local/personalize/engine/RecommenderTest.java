package com.movierec.local.personalize.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The runtime and events APIs' validation, as Personalize answers it. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RecommenderTest {
    @TempDir
    static Path s3;

    private DeployedEngine deployed;
    private Recommender recommender;

    @BeforeAll
    void deploy() throws IOException {
        deployed = DeployedEngine.deploy(s3, "aws-user-personalization-v2", "aws-popularity-count", "aws-sims",
                "aws-personalized-ranking-v2");
        recommender = deployed.engine.recommender();
    }

    @AfterAll
    void close() {
        deployed.close();
    }

    @Test
    void eachRecipeTypeNeedsItsOwnInputAndCall() {
        assertThatThrownBy(() -> recommend("aws-user-personalization-v2", null, null))
                .satisfies(invalidInput()).hasMessageContaining("userId is required");
        assertThat(recommend("aws-popularity-count", null, null).items()).hasSize(25);
        assertThatThrownBy(() -> recommend("aws-sims", "u01", null))
                .satisfies(invalidInput()).hasMessageContaining("itemId is required");
        assertThatThrownBy(() -> recommend("aws-personalized-ranking-v2", "u01", null))
                .satisfies(invalidInput()).hasMessageContaining("call GetPersonalizedRanking");
        assertThatThrownBy(() -> recommender.rank(campaign("aws-user-personalization-v2"), "u01", List.of("s01"), null, null))
                .satisfies(invalidInput()).hasMessageContaining("call GetRecommendations");
    }

    @Test
    void sizesAreChecked() {
        assertThat(recommender.recommend(campaign("aws-popularity-count"), null, null, 0, null, null).items()).isEmpty();
        assertThatThrownBy(() -> recommender.recommend(campaign("aws-popularity-count"), null, null, 501, null, null))
                .satisfies(invalidInput()).hasMessageContaining("numResults");
        assertThatThrownBy(() -> recommender.rank(campaign("aws-personalized-ranking-v2"), "u01", List.of(), null, null))
                .satisfies(invalidInput()).hasMessageContaining("inputList");
        assertThatThrownBy(() -> recommender.rank(campaign("aws-personalized-ranking-v2"), "u01",
                Collections.nCopies(501, "s01"), null, null)).satisfies(invalidInput());
    }

    @Test
    void aFilterMustExistBeActiveBelongToTheGroupAndGetItsValues() {
        PersonalizeEngine engine = deployed.engine;
        String genre = DeployedEngine.active(engine.filters().create("genre", deployed.group,
                "INCLUDE ItemID WHERE Items.GENRES IN ($GENRE)"));
        assertThatThrownBy(() -> recommend("aws-user-personalization-v2", "u01", genre))
                .satisfies(invalidInput()).hasMessageContaining("$GENRE");
        assertThatThrownBy(() -> recommend("aws-user-personalization-v2", "u01", genre.replace("genre", "nope")))
                .isInstanceOfSatisfying(PersonalizeException.class,
                        e -> assertThat(e.type()).isEqualTo(ErrorType.RESOURCE_NOT_FOUND));

        String otherGroup = DeployedEngine.active(engine.datasetGroups().create("other", null, null, null));
        String foreign = DeployedEngine.active(engine.filters().create("foreign", otherGroup,
                "EXCLUDE ItemID WHERE Interactions.EVENT_TYPE IN (\"*\")"));
        assertThatThrownBy(() -> recommend("aws-user-personalization-v2", "u01", foreign))
                .satisfies(invalidInput()).hasMessageContaining("belongs to dataset group");

        engine.delays(Delays.uniform(Duration.ofSeconds(30)));
        String pending = engine.filters().create("pending", deployed.group,
                "EXCLUDE ItemID WHERE Interactions.EVENT_TYPE IN (\"Watch\")").arn();
        engine.delays(Delays.NONE);
        assertThatThrownBy(() -> recommend("aws-user-personalization-v2", "u01", pending))
                .satisfies(invalidInput()).hasMessageContaining("CREATE PENDING");
    }

    /** The model's own constraints (sizes, required members) are checked in front of the engine by the server. */
    @Test
    void putEventsNeedsAnItemIdAndAnActiveTracker() {
        EventIngest events = deployed.engine.events();
        String trackingId = deployed.engine.eventTrackers().describe(DeployedEngine.active(
                deployed.engine.eventTrackers().create("tracker", deployed.group))).trackingId();
        EventIngest.Event watch = new EventIngest.Event("Watch", "s01", Instant.now(), null);

        assertThatThrownBy(() -> events.put(trackingId, "u01", "s", List.of(new EventIngest.Event("Watch", null,
                Instant.now(), null)))).satisfies(invalidInput()).hasMessageContaining("itemId");
        assertThatThrownBy(() -> events.put("unknown", "u01", "s", List.of(watch)))
                .isInstanceOfSatisfying(PersonalizeException.class,
                        e -> assertThat(e.type()).isEqualTo(ErrorType.RESOURCE_NOT_FOUND));

        events.put(trackingId, null, "anonymous-session", List.of(watch));
        assertThat(deployed.engine.datasetGroups().describe(deployed.group).activity().history()
                .events("anonymous-session").items()).as("recorded under the session").containsExactly("s01");
    }

    private RuntimeAnswer recommend(String recipe, String userId, String filterArn) {
        return recommender.recommend(campaign(recipe), userId, null, null, filterArn, Map.of());
    }

    private String campaign(String recipe) {
        return deployed.campaigns.get(recipe);
    }

    private static Consumer<Throwable> invalidInput() {
        return e -> assertThat(e).isInstanceOfSatisfying(PersonalizeException.class,
                p -> assertThat(p.type()).isEqualTo(ErrorType.INVALID_INPUT));
    }
}
