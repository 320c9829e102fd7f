package com.movierec.local.personalize.recipe;

import static org.assertj.core.api.Assertions.assertThat;

import com.movierec.local.personalize.Fixtures;
import com.movierec.local.personalize.data.Interactions;
import com.movierec.local.personalize.data.ItemCatalog;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DeterminismTest {
    private final Interactions data = Fixtures.random(7, 300, 150);
    private final List<String> someUsers = List.of("user0", "user17", "user123", "user299");

    @ParameterizedTest
    @EnumSource(Recipe.class)
    void trainingTwiceGivesIdenticalAnswers(Recipe recipe) {
        TrainingOptions options = TrainingOptions.defaults();

        assertThat(answers(Trainer.train(recipe, data, ItemCatalog.empty(), options)))
                .isEqualTo(answers(Trainer.train(recipe, data, ItemCatalog.empty(), options)));
    }

    @Test
    void theThreadCountDoesNotChangeASingleScore() {
        TrainingOptions options = TrainingOptions.defaults();

        TrainedModel oneThread = Trainer.train(Recipe.USER_PERSONALIZATION_V2, data, ItemCatalog.empty(),
                options.withThreads(1));
        TrainedModel threeThreads = Trainer.train(Recipe.USER_PERSONALIZATION_V2, data, ItemCatalog.empty(),
                options.withThreads(3));

        assertThat(answers(threeThreads)).isEqualTo(answers(oneThread));
    }

    @Test
    void theOrderOfTheInputRowsDoesNotMatter() {
        List<Integer> positions = new ArrayList<>();
        for (int p = 0; p < data.size(); p++) {
            positions.add(p);
        }
        Collections.shuffle(positions, new Random(3));
        Interactions.Builder shuffled = Interactions.builder();
        for (int p : positions) {
            int u = userOf(p);
            shuffled.add(data.users().id(u), data.items().id(data.item(p)), data.timestamp(p), data.eventType(p),
                    data.eventValue(p));
        }

        TrainingOptions options = TrainingOptions.defaults();
        assertThat(answers(Trainer.train(Recipe.USER_PERSONALIZATION_V2, shuffled.build(), ItemCatalog.empty(),
                options))).isEqualTo(answers(Trainer.train(Recipe.USER_PERSONALIZATION_V2, data, ItemCatalog.empty(),
                options)));
    }

    private int userOf(int position) {
        int u = 0;
        while (data.end(u) <= position) {
            u++;
        }
        return u;
    }

    /** Full answers, scores included, for a few users (or their newest item, for related items). */
    private List<Recommendations> answers(TrainedModel model) {
        List<Recommendations> out = new ArrayList<>();
        for (String user : someUsers) {
            int u = data.users().indexOf(user);
            List<String> history = new ArrayList<>();
            for (int p = data.start(u); p < data.end(u); p++) {
                history.add(data.items().id(data.item(p)));
            }
            out.add(switch (model.recipe().type()) {
                case USER_PERSONALIZATION -> model.recommend(history, 50, item -> true);
                case RELATED_ITEMS -> model.similarItems(history.get(history.size() - 1), 50, item -> true);
                case PERSONALIZED_RANKING -> model.rank(history, data.items().ids(), item -> true);
            });
        }
        return out;
    }
}
