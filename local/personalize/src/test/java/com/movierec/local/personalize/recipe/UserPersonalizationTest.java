package com.movierec.local.personalize.recipe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.movierec.local.personalize.Fixtures;
import com.movierec.local.personalize.data.ItemCatalog;
import com.movierec.local.personalize.data.UserEvents;
import com.movierec.local.personalize.data.UserHistory;
import com.movierec.local.personalize.filter.ItemFilter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UserPersonalizationTest {
    private final TrainedModel model = Trainer.train(Recipe.USER_PERSONALIZATION_V2, Fixtures.pairs(),
            ItemCatalog.empty(), TrainingOptions.defaults());

    @Test
    void recommendsTheItemCoWatchedWithTheHistoryFirst() {
        assertThat(model.recommend(List.of("m1"), 1, item -> true).itemIds()).containsExactly("m2");
        assertThat(model.recommend(List.of("r2"), 1, item -> true).itemIds()).containsExactly("r1");
    }

    @Test
    void excludesNothingByItselfButLeavesTheHistoryToTheFilter() {
        Recommendations all = model.recommend(List.of("m1"), 5, item -> true);
        Recommendations unwatched = model.recommend(List.of("m1"), 5, item -> !item.equals("m1"));

        assertThat(all.itemIds()).hasSize(5).contains("m1");
        assertThat(unwatched.itemIds()).hasSize(4).doesNotContain("m1").startsWith("m2", "pop");
    }

    @Test
    void scoresLikePersonalizeAsASoftmaxOverAllItems() {
        Recommendations all = model.recommend(List.of("m1"), 5, item -> true);

        assertThat(all.items().stream().mapToDouble(ScoredItem::score).sum()).isCloseTo(1.0, within(1e-9));
        assertThat(all.items()).isSortedAccordingTo((a, b) -> Double.compare(b.score(), a.score()));
    }

    @Test
    void givesAUserWithoutKnownHistoryPopularItemsMarkedColdStart() {
        Recommendations unknown = model.recommend(List.of(), 2, item -> true);
        Recommendations onlyNewItems = model.recommend(List.of("released-yesterday"), 2, item -> true);

        assertThat(unknown.coldStart()).isTrue();
        assertThat(unknown.itemIds()).containsExactly("pop", "m1");
        assertThat(onlyNewItems.coldStart()).isTrue();
        assertThat(model.recommend(List.of("m1"), 2, item -> true).coldStart()).isFalse();
    }

    @Test
    void recordedEventsChangeTheRecommendationsAndTheExclusionFilterAtOnce() {
        UserHistory history = UserHistory.of(Fixtures.pairs());
        ItemFilter unwatched = ItemFilter.parse("EXCLUDE ItemID WHERE Interactions.EVENT_TYPE IN (\"Watch\")");
        ItemCatalog catalog = Fixtures.pairsCatalog();

        UserEvents before = history.events("newcomer");
        Recommendations cold = model.recommend(before.items(), 1,
                unwatched.candidates(catalog, before, Map.of()));
        history.record("newcomer", "m1", "Watch", 2000);
        UserEvents after = history.events("newcomer");
        Recommendations warm = model.recommend(after.items(), 2, unwatched.candidates(catalog, after, Map.of()));

        assertThat(cold.coldStart()).isTrue();
        assertThat(cold.itemIds()).containsExactly("pop");
        assertThat(warm.coldStart()).isFalse();
        assertThat(warm.itemIds()).containsExactly("m2", "pop").doesNotContain("m1");
    }

    @Test
    void fillsWithPopularItemsOutsideTheModelWhenTheCatalogueIsCapped() {
        TrainedModel capped = Trainer.train(Recipe.USER_PERSONALIZATION_V2, Fixtures.pairs(), ItemCatalog.empty(),
                TrainingOptions.defaults().withMaxEaseItems(3)); // models pop, m1, m2

        Recommendations r = capped.recommend(List.of("m1"), 5, item -> true);

        assertThat(r.itemIds()).startsWith("m2").endsWith("r1", "r2").hasSize(5);
        assertThat(r.items().get(4).score()).isZero();
    }
}
