package org.retailrl.envs.gbdt;

import java.util.List;
import org.retailrl.core.random.Rng;

/** Small synthetic tables for the learner's tests: numeric, categorical and missing values. */
final class Synthetic {
    private Synthetic() {
    }

    /**
     * {@code n} rows, 6 features: x0..x3 numeric (x2 has 10% missing), c4 categorical with 12
     * codes, c5 categorical with 3; target = a nonlinear function plus noise (counts when
     * {@code counts}).
     */
    static Dataset mixed(int n, long seed, boolean counts) {
        Rng rng = new Rng(seed);
        double[][] cols = new double[6][n];
        double[] y = new double[n];
        double[] catEffect = new double[12];
        for (int c = 0; c < 12; c++) {
            catEffect[c] = rng.uniform(-1, 1);
        }
        for (int r = 0; r < n; r++) {
            double x0 = rng.uniform(0, 1);
            double x1 = rng.normal();
            double x2 = rng.nextDouble() < 0.1 ? Double.NaN : rng.uniform(-2, 2);
            double x3 = Math.floor(rng.uniform(0, 5));
            int c4 = rng.nextInt(12);
            int c5 = rng.nextInt(3);
            cols[0][r] = x0;
            cols[1][r] = x1;
            cols[2][r] = x2;
            cols[3][r] = x3;
            cols[4][r] = 100 + 7 * c4;
            cols[5][r] = c5;
            double f = 1.5 * Math.sin(3 * x0) + 0.5 * x1 + (Double.isNaN(x2) ? 1.0 : 0.3 * x2 * x2) + catEffect[c4]
                    + (c5 == 1 ? 0.5 : 0) + 0.1 * x3;
            y[r] = counts ? rng.poisson(Math.exp(0.3 * f + 0.5)) : f + 0.3 * rng.normal();
        }
        return new Dataset(List.of("x0", "x1", "x2", "x3", "c4", "c5"), cols,
                new boolean[] {false, false, false, false, true, true}, y);
    }

    /** Rows {@code [from, to)} of {@code d}. */
    static Dataset slice(Dataset d, int from, int to) {
        double[][] cols = new double[d.features()][];
        for (int f = 0; f < cols.length; f++) {
            cols[f] = java.util.Arrays.copyOfRange(d.columns()[f], from, to);
        }
        return new Dataset(d.names(), cols, d.categorical(), java.util.Arrays.copyOfRange(d.target(), from, to));
    }

    /** Row {@code r} of {@code d} as one array in feature order. */
    static double[] row(Dataset d, int r) {
        double[] x = new double[d.features()];
        for (int f = 0; f < x.length; f++) {
            x[f] = d.columns()[f][r];
        }
        return x;
    }
}
