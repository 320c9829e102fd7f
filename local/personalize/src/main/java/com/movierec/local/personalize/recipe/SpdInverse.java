package com.movierec.local.personalize.recipe;

import java.util.Arrays;

/**
 * In-place inverse of a symmetric positive definite matrix by blocked Gauss-Jordan elimination (a principal pivot
 * on one block of {@value #BLOCK} indices at a time). Pivoting is unnecessary: every pivot block is a Schur
 * complement of an SPD matrix, hence SPD. Cost: n^3 multiply-adds, almost all in {@link #subtract}: a rank-64
 * update whose inner loop runs along rows (separate arrays, so the JIT vectorises it), split over rows between
 * threads and done in column tiles so the pivot rows stay in cache. Each entry is computed by one thread in a fixed
 * order, so the result is bit-for-bit the same for any thread count. About 3 s for 3,706 items on two cores.
 */
final class SpdInverse {
    static final int BLOCK = 64;
    /** Columns per tile: 64 pivot rows x 1024 doubles = 512 KB, which stays in a core's L2 cache. */
    private static final int TILE = 1024;

    private SpdInverse() {
    }

    /** Replaces {@code a} (square, given as rows) by its inverse. */
    static void invertInPlace(double[][] a, Parallel parallel) {
        int n = a.length;
        for (int k0 = 0; k0 < n; k0 += BLOCK) {
            int k1 = Math.min(n, k0 + BLOCK);
            pivot(a, k0, k1, parallel);
        }
    }

    /**
     * The principal pivot on indices K = k0..k1-1, with D = A_KK^-1:
     * A_KK := D, A_RK := A_RK D, A_RR := A_RR - A_RK D A_KR, A_KR := -D A_KR. Pivoting on every block in turn
     * leaves A^-1.
     */
    private static void pivot(double[][] a, int k0, int k1, Parallel parallel) {
        int n = a.length;
        int m = k1 - k0;
        double[][] d = new double[m][];
        for (int r = 0; r < m; r++) {
            d[r] = Arrays.copyOfRange(a[k0 + r], k0, k1);
        }
        invertSmall(d, k0);
        double[][] c = new double[n][];
        parallel.forRanges(n, (from, to) -> {
            for (int i = from; i < to; i++) {
                if (i < k0 || i >= k1) {
                    c[i] = times(a[i], k0, d);
                }
            }
        });
        // Column tiles keep the pivot rows' tile in the core's cache while every row of the range uses it.
        parallel.forRanges(n, (from, to) -> {
            for (int j0 = 0; j0 < n; j0 += TILE) {
                int j1 = Math.min(n, j0 + TILE);
                for (int i = from; i < to; i++) {
                    if (c[i] != null) {
                        subtract(a[i], c[i], a, k0, j0, Math.min(j1, k0));
                        subtract(a[i], c[i], a, k0, Math.max(j0, k1), j1);
                    }
                }
            }
            for (int i = from; i < to; i++) {
                if (c[i] != null) {
                    System.arraycopy(c[i], 0, a[i], k0, m);
                }
            }
        });
        double[][] pivotRows = new double[m][];
        parallel.forRanges(m, (from, to) -> {
            for (int r = from; r < to; r++) {
                double[] out = new double[n];
                double[] dr = d[r];
                for (int s = 0; s < m; s++) {
                    double f = -dr[s];
                    double[] src = a[k0 + s];
                    for (int j = 0; j < n; j++) {
                        out[j] += f * src[j];
                    }
                }
                System.arraycopy(dr, 0, out, k0, m);
                pivotRows[r] = out;
            }
        });
        System.arraycopy(pivotRows, 0, a, k0, m);
    }

    /** row[k0..k0+m) times d. */
    private static double[] times(double[] row, int k0, double[][] d) {
        int m = d.length;
        double[] c = new double[m];
        for (int s = 0; s < m; s++) {
            double f = row[k0 + s];
            double[] ds = d[s];
            for (int t = 0; t < m; t++) {
                c[t] += f * ds[t];
            }
        }
        return c;
    }

    /** row[from..to) -= sum_t c[t] * a[k0 + t][from..to), four pivot rows per pass to save loads and stores. */
    private static void subtract(double[] row, double[] c, double[][] a, int k0, int from, int to) {
        int m = c.length;
        int t = 0;
        for (; t + 3 < m; t += 4) {
            double f0 = c[t];
            double f1 = c[t + 1];
            double f2 = c[t + 2];
            double f3 = c[t + 3];
            double[] p0 = a[k0 + t];
            double[] p1 = a[k0 + t + 1];
            double[] p2 = a[k0 + t + 2];
            double[] p3 = a[k0 + t + 3];
            for (int j = from; j < to; j++) {
                row[j] -= f0 * p0[j] + f1 * p1[j] + f2 * p2[j] + f3 * p3[j];
            }
        }
        for (; t < m; t++) {
            double f = c[t];
            double[] p = a[k0 + t];
            for (int j = from; j < to; j++) {
                row[j] -= f * p[j];
            }
        }
    }

    /** Unblocked Gauss-Jordan inverse of the small pivot block; {@code offset} only names a failing index. */
    private static void invertSmall(double[][] d, int offset) {
        int m = d.length;
        for (int k = 0; k < m; k++) {
            double p = d[k][k];
            if (!(p > 0) || Double.isInfinite(p)) {
                throw new IllegalStateException("matrix is not positive definite at index " + (offset + k)
                        + " (pivot " + p + ")");
            }
            double[] rk = d[k];
            for (int i = 0; i < m; i++) {
                if (i == k) {
                    continue;
                }
                double f = d[i][k] / p;
                double[] ri = d[i];
                for (int j = 0; j < m; j++) {
                    if (j != k) {
                        ri[j] -= f * rk[j];
                    }
                }
                ri[k] = f;
            }
            for (int j = 0; j < m; j++) {
                rk[j] = -rk[j] / p;
            }
            rk[k] = 1 / p;
        }
    }
}
