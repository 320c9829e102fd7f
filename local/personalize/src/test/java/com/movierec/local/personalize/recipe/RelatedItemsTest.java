package com.movierec.local.personalize.recipe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.movierec.local.personalize.Fixtures;
import com.movierec.local.personalize.data.Interactions;
import com.movierec.local.personalize.data.ItemCatalog;
import org.junit.jupiter.api.Test;

class RelatedItemsTest {
    private final TrainingOptions options = TrainingOptions.defaults();

    @Test
    void findsTheItemAlwaysWatchedTogetherFirstThenByCosine() {
        TrainedModel sims = Trainer.train(Recipe.SIMS, Fixtures.pairs(), ItemCatalog.empty(), options);

        Recommendations related = sims.similarItems("m1", 2, item -> true);

        assertThat(related.itemIds()).containsExactly("m2", "pop");
        assertThat(related.items().get(0).score()).isCloseTo(1.0, within(1e-6)); // 6 / sqrt(6 x 6)
        assertThat(related.items().get(1).score()).isCloseTo(3 / Math.sqrt(6 * 9), within(1e-6));
        assertThat(related.coldStart()).isFalse();
    }

    @Test
    void fillsWithPopularItemsOnceTheNeighboursRunOutAndNeverReturnsTheItemItself() {
        TrainedModel sims = Trainer.train(Recipe.SIMS, Fixtures.pairs(), ItemCatalog.empty(), options);

        Recommendations related = sims.similarItems("m1", 10, item -> true);

        assertThat(related.itemIds()).containsExactly("m2", "pop", "r1", "r2");
        assertThat(related.items().get(2).score()).isZero();
    }

    @Test
    void keepsOnlyNeighboursTheFilterAllows() {
        TrainedModel sims = Trainer.train(Recipe.SIMS, Fixtures.pairs(), ItemCatalog.empty(), options);

        assertThat(sims.similarItems("m1", 1, item -> !item.equals("m2")).itemIds()).containsExactly("pop");
    }

    @Test
    void answersAnUnknownItemWithPopularItemsMarkedColdStart() {
        TrainedModel sims = Trainer.train(Recipe.SIMS, Fixtures.pairs(), ItemCatalog.empty(), options);

        Recommendations related = sims.similarItems("brand-new", 2, item -> true);

        assertThat(related.itemIds()).containsExactly("pop", "m1");
        assertThat(related.coldStart()).isTrue();
    }

    @Test
    void keepsAtMostTheConfiguredNumberOfNeighbours() {
        Interactions data = Fixtures.interactions("a: x n1 n2 n3 n4", "b: x n1 n2", "c: x n1");

        TrainedModel sims = Trainer.train(Recipe.SIMS, data, ItemCatalog.empty(), options.withNeighbours(2));

        Recommendations related = sims.similarItems("x", 4, item -> true);
        assertThat(related.itemIds()).containsExactly("n1", "n2", "n3", "n4");
        assertThat(related.items().subList(2, 4)).allSatisfy(s -> assertThat(s.score()).isZero());
    }

    @Test
    void similarItemsLetsSharedGenresBreakATieInCoOccurrence() {
        // "scifi" and "drama" are each watched with "alien" by the same two users: only genres tell them apart.
        Interactions data = Fixtures.interactions("a: alien drama scifi", "b: alien drama scifi");
        ItemCatalog genres = ItemCatalog.builder()
                .item("alien", "Alien", "Horror|Sci-Fi", null)
                .item("scifi", "Zardoz", "Sci-Fi", null)
                .item("drama", "Brief Encounter", "Drama", null)
                .build();

        TrainedModel sims = Trainer.train(Recipe.SIMS, data, genres, options);
        TrainedModel similarItems = Trainer.train(Recipe.SIMILAR_ITEMS, data, genres, options);

        assertThat(sims.similarItems("alien", 2, item -> true).itemIds()).containsExactly("drama", "scifi");
        assertThat(similarItems.similarItems("alien", 2, item -> true).itemIds()).containsExactly("scifi", "drama");
    }
}
