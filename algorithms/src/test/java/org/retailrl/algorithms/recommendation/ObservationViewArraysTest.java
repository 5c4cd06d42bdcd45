package org.retailrl.algorithms.recommendation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;
import org.retailrl.core.random.Rng;
import org.retailrl.envs.recommendation.Exposure;
import org.retailrl.envs.recommendation.RecommendationBatch;
import org.retailrl.envs.recommendation.RecommendationScenario;
import org.retailrl.envs.recommendation.RecommendationScenarios;

/**
 * The views of docs/model.md §3.6 written from a batch copy's state through reused arrays
 * ({@code RecommendationBatch.stateInto}, as a rollout observes) equal, float for float, the views
 * written from the {@code RecommendationState} the batch hands out, for every view, copy and
 * period of a played episode (the small scenario's lead times 0 to 3, so empty and full pipelines).
 */
class ObservationViewArraysTest {
    @Test
    void arraysAndStateGiveTheSameView() {
        RecommendationScenario s = RecommendationScenarios.small();
        int copies = 4;
        int n = s.products();
        RecommendationBatch batch = new RecommendationBatch(s, copies);
        batch.reset(11);
        Rng rng = new Rng(3);
        int[] stock = new int[n];
        int[] back = new int[n];
        int[] pipe = new int[n * s.maxLeadTime()];
        int[] lead = s.leadTime();
        int[] demand = new int[copies * n];
        int[] sales = new int[copies * n];
        double[] reward = new double[copies];
        for (int t = 0; t < 8; t++) {
            for (int k = 0; k < copies; k++) {
                batch.stateInto(k, stock, back, pipe);
                for (ObservationView v : ObservationView.values()) {
                    float[] fromState = new float[v.size(s)];
                    float[] fromArrays = new float[v.size(s)];
                    v.write(s, batch.state(k), demand, sales, k * n, fromState, 0);
                    v.write(s, batch.period(), stock, back, pipe, lead, demand, sales, k * n, fromArrays, 0);
                    assertArrayEquals(fromState, fromArrays, v + ", copy " + k + ", period " + t);
                }
            }
            int[] orders = new int[copies * n];
            for (int i = 0; i < orders.length; i++) {
                orders[i] = rng.nextInt(s.maxOrder() + 1);
            }
            batch.step(orders, Exposure.uniform(n, s.customers()), reward);
            for (int k = 0; k < copies; k++) {
                for (int i = 0; i < n; i++) {
                    demand[k * n + i] = batch.lastDemand(k, i);
                    sales[k * n + i] = batch.lastSales(k, i);
                }
            }
        }
    }
}
