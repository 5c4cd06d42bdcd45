package org.retailrl.algorithms.dp;

import org.retailrl.algorithms.pricing.PricingDecision;
import org.retailrl.algorithms.pricing.PricingPolicy;
import org.retailrl.algorithms.pricing.PricingView;

/**
 * The result of {@link CompetitiveDp} (docs/model.md §1.9): the period-1 optimal values and the
 * optimal decision table per period over the states {@code (x, k, m)} of a
 * {@link CompetitiveInstance} (stock, competitor price index, reference grid index). Values in
 * currency, expected total profit.
 */
public final class CompetitiveSolution {
    private final CompetitiveInstance instance;
    private final double[] first;
    private final int[][] price;
    private final int[][] order;

    CompetitiveSolution(CompetitiveInstance instance, double[] first, int[][] price, int[][] order) {
        this.instance = instance;
        this.first = first;
        this.price = price;
        this.order = order;
    }

    /** The solved instance. */
    public CompetitiveInstance instance() {
        return instance;
    }

    /** Periods covered. */
    public int rows() {
        return price.length;
    }

    /** Optimal expected profit from the start state ({@code I_0}, {@code o_1}, {@code r_0}). */
    public double optimum() {
        return first[CompetitiveDp.startIndex(instance)];
    }

    private int index(int x, int k, int m) {
        return (k * instance.referenceCount() + m) * (instance.cap() + 1) + x;
    }

    /** Optimal period-1 value in state {@code (x, k, m)}. */
    public double value(int x, int k, int m) {
        return first[index(x, k, m)];
    }

    /** Optimal price index in period {@code t} (1-based) and state {@code (x, k, m)}. */
    public int priceIndex(int t, int x, int k, int m) {
        return price[t - 1][index(x, k, m)];
    }

    /** Optimal order in period {@code t} and state {@code (x, k, m)}. */
    public int order(int t, int x, int k, int m) {
        return order[t - 1][index(x, k, m)];
    }

    /**
     * The decision table as a policy: stock clipped to {@code 0..cap}, the competitor's price matched
     * to its state, the reference price rounded to the nearest grid point, the period clipped to the
     * table.
     */
    public PricingPolicy policy() {
        return new PricingPolicy() {
            @Override
            public String name() {
                return "DP";
            }

            @Override
            public void act(PricingView view, PricingDecision out) {
                int x = Math.max(0, Math.min(view.available(), instance.cap()));
                int k = instance.competitorIndex(view.competitorPrice());
                int m = instance.referenceIndex(view.referencePrice());
                int t = Math.min(Math.max(view.period(), 1), rows());
                out.set(priceIndex(t, x, k, m), order(t, x, k, m));
            }
        };
    }
}
