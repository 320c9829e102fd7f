package com.movierec.local.personalize.recipe;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RankedTest {

    @Test
    void ordersByScoreDescendingThenIndexAscending() {
        float[] scores = {0.5f, -2f, 3f, 0.5f, 0f, -0f, Float.MAX_VALUE};

        assertThat(Ranked.order(scores)).containsExactly(6, 2, 0, 3, 4, 5, 1);
    }

    @Test
    void packsTheScoreAndIndexRecoverably() {
        long key = Ranked.key(-1.25f, 42);

        assertThat(Ranked.score(key)).isEqualTo(-1.25f);
        assertThat(Ranked.index(key)).isEqualTo(42);
    }

    @Test
    void keepsTheBestKeysOfMany() {
        Ranked.Best best = new Ranked.Best(3);
        for (int i = 0; i < 100; i++) {
            best.offer(Ranked.key((i * 37) % 100, i));
        }

        long[] kept = best.sorted();
        assertThat(kept).hasSize(3);
        assertThat(new float[] {Ranked.score(kept[0]), Ranked.score(kept[1]), Ranked.score(kept[2])})
                .containsExactly(99f, 98f, 97f);
    }
}
