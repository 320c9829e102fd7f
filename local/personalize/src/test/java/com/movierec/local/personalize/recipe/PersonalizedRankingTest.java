package com.movierec.local.personalize.recipe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.movierec.local.personalize.Fixtures;
import com.movierec.local.personalize.data.ItemCatalog;
import java.util.List;
import org.junit.jupiter.api.Test;

class PersonalizedRankingTest {
    private final TrainedModel model = Trainer.train(Recipe.PERSONALIZED_RANKING_V2, Fixtures.pairs(),
            ItemCatalog.empty(), TrainingOptions.defaults());

    @Test
    void reRanksTheInputByTheUsersModelWithUnknownItemsLastInInputOrder() {
        Recommendations ranked = model.rank(List.of("m1"), List.of("new-b", "r1", "pop", "new-a", "m2"), item -> true);

        assertThat(ranked.itemIds()).containsExactly("m2", "pop", "r1", "new-b", "new-a");
        assertThat(ranked.items().subList(3, 5)).allSatisfy(s -> assertThat(s.score()).isZero());
        assertThat(ranked.items().subList(0, 3).stream().mapToDouble(ScoredItem::score).sum())
                .isCloseTo(1.0, within(1e-9));
        assertThat(ranked.coldStart()).isFalse();
    }

    @Test
    void ordersByWhatTheHistoryCoOccursWith() {
        Recommendations ranked = model.rank(List.of("pop"), List.of("m2", "r2", "m1", "r1"), item -> true);

        // "pop" shares 6 users with r1 and with r2, 3 with m1 and with m2.
        assertThat(ranked.itemIds().subList(0, 2)).containsExactlyInAnyOrder("r1", "r2");
        assertThat(ranked.itemIds().subList(2, 4)).containsExactlyInAnyOrder("m1", "m2");
    }

    @Test
    void keepsInputOrderBetweenEqualScoresAndDropsRepeats() {
        // A cold user ranks by popularity: m1, m2, r1 and r2 have 6 users each, exactly equal.
        Recommendations ranked = model.rank(List.of(), List.of("r2", "m2", "r2", "r1", "m1"), item -> true);

        assertThat(ranked.itemIds()).containsExactly("r2", "m2", "r1", "m1");
    }

    @Test
    void dropsItemsTheFilterRejects() {
        assertThat(model.rank(List.of("m1"), List.of("m2", "pop", "r1"), item -> !item.equals("m2")).itemIds())
                .containsExactly("pop", "r1");
    }

    @Test
    void ranksByPopularityForAUserWithoutKnownHistory() {
        Recommendations ranked = model.rank(List.of(), List.of("r2", "m1", "pop", "unknown"), item -> true);

        assertThat(ranked.itemIds()).containsExactly("pop", "r2", "m1", "unknown");
        assertThat(ranked.items().get(0).score()).isCloseTo(9.0 / 21, within(1e-9));
        assertThat(ranked.coldStart()).isTrue();
    }
}
