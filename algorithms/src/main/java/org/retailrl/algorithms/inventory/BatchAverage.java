package org.retailrl.algorithms.inventory;

import org.retailrl.algorithms.eval.Summary;
import org.retailrl.envs.inventory.InventoryBatch;

/**
 * Long-run average cost of a stationary rule in a batched simulator of docs/model.md §7: every copy
 * plays {@code burnIn} periods that are discarded, then {@code periods} that are averaged; the
 * copies' averages are independent, which gives a 95 % Student-t interval. The batch must have been
 * reset; copies on streams of one seed see the same demands whatever rule is run (common random numbers).
 */
final class BatchAverage {
    /** Writes every copy's action (laid out as {@link InventoryBatch#step}) for the batch's current state. */
    @FunctionalInterface
    interface Rule {
        /** Fills {@code actions} from {@code batch}'s current state. */
        void act(InventoryBatch batch, int[] actions);
    }

    private BatchAverage() {
    }

    static Summary averageCost(InventoryBatch batch, Rule rule, int burnIn, int periods) {
        return Summary.of(perCopy(batch, rule, burnIn, periods), 0.95);
    }

    /** Every copy's average cost per period over the measured periods (copy order), for paired comparisons. */
    static double[] perCopy(InventoryBatch batch, Rule rule, int burnIn, int periods) {
        if (batch.copies() < 2 || periods < 1 || burnIn < 0) {
            throw new IllegalArgumentException("need copies >= 2, periods >= 1, burnIn >= 0; got " + batch.copies()
                    + ", " + periods + ", " + burnIn);
        }
        int copies = batch.copies();
        int[] actions = new int[copies * batch.actionSpec().dimension()];
        double[] cost = new double[copies];
        double[] total = new double[copies];
        for (int t = 0; t < burnIn + periods; t++) {
            rule.act(batch, actions);
            batch.step(actions, cost);
            if (t >= burnIn) {
                for (int i = 0; i < copies; i++) {
                    total[i] += cost[i];
                }
            }
        }
        for (int i = 0; i < copies; i++) {
            total[i] /= periods;
        }
        return total;
    }
}
