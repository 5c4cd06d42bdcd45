package org.retailrl.envs.pricing;

/**
 * The deterministic part of one period of docs/model.md §1 — arrival with the inventory cap, sales,
 * lost sales or backlog, the reward, the reference-price update and the undercutting competitor —
 * as pure functions of the state, the action and the realised demand {@code d}. The simulator's
 * kernel ({@link PricingBatch}) calls exactly these, so an exact dynamic program that enumerates
 * {@code d ~ Poisson(λ)} ({@link Demand#rate}) through them has the simulator's transitions.
 * The vector lanes of the batched period ({@code PanamaDemandKernel}) repeat these formulas
 * operation for operation; keep them in step. Units: stock in units, prices in currency per unit,
 * rewards in currency. Immutable.
 */
public final class PricingDynamics {
    // Package-private: the vector lanes of PanamaDemandKernel.settle repeat these formulas.
    final boolean backlog;
    final int cap;
    final double unitCost;
    final double holdingCost;
    final double shortageCost;
    final double fixedCost;
    final double weight;
    final double undercutStep;
    final double minPrice;
    final double maxPrice;

    /** The dynamics of {@code s}. */
    public PricingDynamics(PricingScenario s) {
        backlog = s.mode() == ShortageMode.BACKLOG;
        cap = s.inventoryCap();
        unitCost = s.unitCost();
        holdingCost = s.holdingCost();
        shortageCost = s.shortageCost();
        fixedCost = s.fixedCost();
        weight = s.referenceWeight();
        undercutStep = s.undercutStep();
        minPrice = s.minPrice();
        maxPrice = s.maxPrice();
    }

    /** Step 1: stock after the arrival, {@code min(inventory + arrived, cap)} (the rest is disposed of). */
    public int stockAfterArrival(int inventory, int arrived) {
        return Math.min(inventory + arrived, cap);
    }

    /** Ending inventory {@code I_t = A_t − min(d, A_t)} (lost sales) or net inventory {@code N_t = A_t − d} (backlog). */
    public int endInventory(int stock, int d) {
        return backlog ? stock - d : stock - Math.min(d, stock);
    }

    /** Lost units {@code O_t} (lost sales) or backlog {@code [N_t]^-} (backlog): both {@code [d − A_t]^+}. */
    public int shortage(int stock, int d) {
        return Math.max(d - stock, 0);
    }

    /**
     * The period's reward: {@code p S − h I − b O − c q − K·1{q>0}} (lost sales) or
     * {@code p d − h[N]^+ − b[N]^- − c q − K·1{q>0}} (backlog), with {@code stock} the stock after arrival.
     */
    public double reward(double p, int q, int stock, int d) {
        double r;
        if (backlog) {
            int net = stock - d;
            r = p * d - holdingCost * Math.max(net, 0) - shortageCost * Math.max(-net, 0);
        } else {
            int sales = Math.min(d, stock);
            r = p * sales - holdingCost * (stock - sales) - shortageCost * (d - sales);
        }
        return r - (unitCost * q + (q > 0 ? fixedCost : 0));
    }

    /** {@code r_t = w·(w·r_{t−1} + (1−w)·p_t) + (1−w)·o_t}. */
    public double nextReference(double r, double p, double o) {
        return weight * (weight * r + (1 - weight) * p) + (1 - weight) * o;
    }

    /** The undercutting competitor's next price: {@code p − δ} if that is {@code >= p_min}, else {@code p_max}. */
    public double undercut(double p) {
        double o = p - undercutStep;
        return o >= minPrice ? o : maxPrice;
    }
}
