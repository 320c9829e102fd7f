package com.movierec.local.personalize.recipe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.movierec.local.personalize.Fixtures;
import com.movierec.local.personalize.data.Interactions;
import com.movierec.local.personalize.data.ItemCatalog;
import java.util.List;
import org.junit.jupiter.api.Test;

class PopularityCountTest {
    private final TrainingOptions options = TrainingOptions.defaults();

    @Test
    void ordersItemsByDistinctUsersThenById() {
        TrainedModel model = Trainer.train(Recipe.POPULARITY_COUNT, Fixtures.pairs(), ItemCatalog.empty(), options);

        Recommendations top = model.recommend(List.of(), 5, item -> true);

        assertThat(top.itemIds()).containsExactly("pop", "m1", "m2", "r1", "r2");
        assertThat(top.items().get(0).score()).isEqualTo(9.0 / 33); // 9 of the 33 (user, item) pairs
        assertThat(top.coldStart()).isFalse();
    }

    @Test
    void countsAUserWhoWatchedAnItemTwiceOnce() {
        Interactions data = Fixtures.interactions("a: x x x x", "b: y", "c: y");

        TrainedModel model = Trainer.train(Recipe.POPULARITY_COUNT, data, ItemCatalog.empty(), options);

        assertThat(model.recommend(List.of(), 2, item -> true).itemIds()).containsExactly("y", "x");
    }

    @Test
    void givesEveryoneTheSameItemsAndSkipsWhatTheFilterRejects() {
        TrainedModel model = Trainer.train(Recipe.POPULARITY_COUNT, Fixtures.pairs(), ItemCatalog.empty(), options);

        assertThat(model.recommend(List.of("m1", "m2"), 2, item -> !item.equals("pop")).itemIds())
                .containsExactly("m1", "m2");
    }

    @Test
    void trainsOnlyOnTheSolutionsEventTypeAndValueThreshold() {
        Interactions data = Interactions.builder()
                .add("a", "clicked", 1, "Click", 1).add("b", "clicked", 1, "click", 1)
                .add("a", "watched", 2, "Watch", 5).add("b", "meh", 2, "Watch", 2)
                .build();

        TrainedModel watched = Trainer.train(Recipe.POPULARITY_COUNT, data, ItemCatalog.empty(),
                options.withEventType("WATCH").withEventValueThreshold(4.0));

        assertThat(watched.recommend(List.of(), 10, item -> true).itemIds()).containsExactly("watched");
    }

    @Test
    void refusesToTrainOnNothing() {
        assertThatThrownBy(() -> Trainer.train(Recipe.POPULARITY_COUNT, Fixtures.pairs(), ItemCatalog.empty(),
                options.withEventType("Purchase")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no interactions to train on with EVENT_TYPE Purchase");
    }

    @Test
    void answersOnlyTheCallOfItsRecipeType() {
        TrainedModel model = Trainer.train(Recipe.POPULARITY_COUNT, Fixtures.pairs(), ItemCatalog.empty(), options);

        assertThatThrownBy(() -> model.similarItems("m1", 3, item -> true))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("needs a RELATED_ITEMS recipe")
                .hasMessageContaining("aws-popularity-count");
    }
}
