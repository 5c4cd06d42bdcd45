package org.retailrl.cli.demand;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.retailrl.core.random.Rng;

/** Least squares and the two baselines on data whose answer is known. */
class BaselinesTest {
    @Test
    void leastSquaresRecoversExactCoefficients() {
        LeastSquares ls = new LeastSquares(3);
        Rng rng = new Rng(3);
        for (int i = 0; i < 50; i++) {
            double[] x = {1, rng.normal(), rng.normal()};
            ls.add(x, 2 - 3 * x[1] + 0.5 * x[2]);
        }
        assertArrayEquals(new double[] {2, -3, 0.5}, ls.solve(), 1e-8);
    }

    @Test
    void logLogRecoversElasticitiesWithSeriesIntercepts() {
        int n = 400;
        Rng rng = new Rng(5);
        double[] y = new double[n];
        double[] own = new double[n];
        double[] comp = new double[n];
        double[] deal = new double[n];
        int[] series = new int[n];
        int[] group = new int[n];
        boolean[] train = new boolean[n];
        for (int r = 0; r < n; r++) {
            series[r] = r % 4;
            own[r] = Math.exp(rng.normal() * 0.2);
            comp[r] = Math.exp(rng.normal() * 0.2);
            deal[r] = rng.nextInt(2);
            y[r] = 5 + series[r] - 2.5 * Math.log(own[r]) + 0.8 * Math.log(comp[r]) + 0.3 * deal[r];
            train[r] = r < 300;
        }
        double[] pred = Baselines.logLog(y, true, List.of(own, comp), List.of(deal), series, group, train);
        for (int r = 300; r < n; r++) {
            assertEquals(y[r], pred[r], 1e-8, "row " + r);
        }
        double[] mean = Baselines.seriesMean(y, series, train);
        double m0 = 0;
        int c0 = 0;
        for (int r = 0; r < 300; r += 4) {
            m0 += y[r];
            c0++;
        }
        assertEquals(m0 / c0, mean[396], 1e-12);
    }

    @Test
    void metricsByHand() {
        FitMetrics m = FitMetrics.of(new double[] {1, 2, 3, 9}, new double[] {2, 2, 1, 0},
                new boolean[] {true, true, true, false}, true);
        assertEquals(3, m.rows());
        assertEquals(Math.sqrt(5.0 / 3), m.rmse(), 1e-15);
        assertEquals(1.0, m.mae(), 1e-15);
        assertEquals(1 - 5.0 / 2, m.r2(), 1e-15);
        double dev = 2 * ((Math.log(0.5) + 1) + 0 + (3 * Math.log(3) - 2)) / 3;
        assertEquals(dev, m.poissonDeviance(), 1e-12);
    }
}
