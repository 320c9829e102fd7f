package com.movierec.local.personalize.recipe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SpdInverseTest {

    @Test
    void invertsAnSpdMatrixSpanningSeveralBlocks() {
        int n = 2 * SpdInverse.BLOCK + 17;
        double[][] a = randomSpd(n, new Random(11));
        double[][] inverse = copy(a);

        try (Parallel parallel = new Parallel(2)) {
            SpdInverse.invertInPlace(inverse, parallel);
        }

        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double product = 0;
                for (int k = 0; k < n; k++) {
                    product += a[i][k] * inverse[k][j];
                }
                assertThat(product).as("(A A^-1)[%d][%d]", i, j).isCloseTo(i == j ? 1 : 0, within(1e-9));
            }
        }
    }

    @Test
    void refusesAMatrixThatIsNotPositiveDefinite() {
        double[][] indefinite = {{1, 2}, {2, 1}};

        try (Parallel parallel = new Parallel(1)) {
            assertThatThrownBy(() -> SpdInverse.invertInPlace(indefinite, parallel))
                    .hasMessageContaining("not positive definite at index 1");
        }
    }

    /** X^T X + I for a random 0/1 X: the shape EASE inverts. */
    private static double[][] randomSpd(int n, Random r) {
        double[][] a = new double[n][n];
        for (int u = 0; u < 3 * n; u++) {
            int[] items = r.ints(8, 0, n).toArray();
            for (int i : items) {
                for (int j : items) {
                    a[i][j]++;
                }
            }
        }
        for (int i = 0; i < n; i++) {
            a[i][i] += 1;
        }
        return a;
    }

    private static double[][] copy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }
}
