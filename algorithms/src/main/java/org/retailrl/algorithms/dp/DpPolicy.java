package org.retailrl.algorithms.dp;

import org.retailrl.algorithms.pricing.PricingDecision;
import org.retailrl.algorithms.pricing.PricingPolicy;
import org.retailrl.algorithms.pricing.PricingView;

/**
 * The optimal decision table of a {@link DpSolution} (small instances of docs/model.md §1) as a {@link PricingPolicy}: looks up the
 * period and the DP state (available stock for {@code L = 1}, on-hand stock before ordering for
 * {@code L = 0}, both clipped to {@code 0..cap}). Beyond the table's horizon the last row is used;
 * a stationary solution uses its single row in every period.
 */
public final class DpPolicy implements PricingPolicy {
    private final DpSolution solution;
    private final int cap;

    DpPolicy(DpSolution solution) {
        this.solution = solution;
        this.cap = solution.instance().cap();
    }

    @Override
    public String name() {
        return "DP";
    }

    @Override
    public void act(PricingView view, PricingDecision out) {
        int x = Math.max(0, Math.min(view.available(), cap));
        int t = solution.rows() == 1 ? 1 : Math.min(Math.max(view.period(), 1), solution.rows());
        out.set(solution.priceIndex(t, x), solution.order(t, x));
    }
}
