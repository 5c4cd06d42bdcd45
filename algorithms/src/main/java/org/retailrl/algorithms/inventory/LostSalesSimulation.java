package org.retailrl.algorithms.inventory;

import org.retailrl.algorithms.eval.Summary;
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
        return Summary.of(InventoryEvaluation.lostSales(s, policy, copies, burnIn, periods, seed), 0.95);
    }
}
