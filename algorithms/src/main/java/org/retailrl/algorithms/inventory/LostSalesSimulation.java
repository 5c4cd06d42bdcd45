package org.retailrl.algorithms.inventory;

import org.retailrl.algorithms.eval.Summary;
import org.retailrl.envs.inventory.LostSalesBatch;
import org.retailrl.envs.inventory.LostSalesScenario;

/**
 * Monte Carlo estimate of a lost-sales policy's long-run average cost (docs/model.md §7) in the
 * batched simulator {@link LostSalesBatch}: {@code copies} independent runs (copy {@code i} on
 * {@code Rng.stream(seed, i)}, so two policies simulated with the same seed see the same demands —
 * common random numbers), each {@code burnIn} periods discarded and then {@code periods} averaged;
 * the copies' averages are i.i.d., which gives the 95 % interval. Orders above the scenario's cap
 * {@code Q} are cut to it. A check of the exact methods, and the harness a learned policy will be
 * scored with.
 */
public final class LostSalesSimulation {
    private LostSalesSimulation() {
    }

    /** Mean cost per period over copies with its 95 % Student-t interval. */
    public static Summary simulate(LostSalesScenario s, LostSalesPolicy policy, int copies, int burnIn, int periods,
            long seed) {
        if (copies < 2 || periods < 1 || burnIn < 0) {
            throw new IllegalArgumentException("need copies >= 2, periods >= 1, burnIn >= 0; got " + copies + ", "
                    + periods + ", " + burnIn);
        }
        LostSalesBatch batch = new LostSalesBatch(s, copies);
        batch.reset(seed, 0);
        int[] state = new int[batch.observationSize()];
        int[] orders = new int[copies];
        double[] cost = new double[copies];
        double[] total = new double[copies];
        for (int t = 0; t < burnIn + periods; t++) {
            for (int i = 0; i < copies; i++) {
                batch.state(i, state);
                orders[i] = Math.min(s.maxOrder(), policy.order(state));
            }
            batch.step(orders, cost);
            if (t >= burnIn) {
                for (int i = 0; i < copies; i++) {
                    total[i] += cost[i];
                }
            }
        }
        for (int i = 0; i < copies; i++) {
            total[i] /= periods;
        }
        return Summary.of(total, 0.95);
    }
}
