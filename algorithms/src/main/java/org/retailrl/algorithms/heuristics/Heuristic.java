package org.retailrl.algorithms.heuristics;

import java.util.Map;
import org.retailrl.algorithms.pricing.PricingPolicy;

/**
 * A parametrised heuristic pricing-and-replenishment policy of docs/model.md §8. Its few parameters
 * (stock levels in units, price-grid indices, weights) are listed by {@link #parameters()} for
 * printing and saving, and {@link #with(String, double)} gives a copy with one parameter changed,
 * which is all the simulation-based coordinate search of {@link HeuristicOptimizer} needs.
 */
public interface Heuristic extends PricingPolicy {
    /** Parameter names and values, in a fixed order. */
    Map<String, Double> parameters();

    /** The candidate values the search tries for parameter {@code name}. */
    double[] candidates(String name);

    /** A copy with parameter {@code name} set to {@code value}. */
    Heuristic with(String name, double value);

    /** Clamps an order-up-to quantity to the feasible order range {@code 0..maxOrder}. */
    static int orderUpTo(int target, int position, int maxOrder) {
        long q = (long) target - position;
        return (int) Math.max(0, Math.min(maxOrder, q));
    }

    /** Integers {@code lo..hi} as candidates. */
    static double[] range(int lo, int hi) {
        double[] v = new double[Math.max(hi - lo + 1, 0)];
        for (int i = 0; i < v.length; i++) {
            v[i] = lo + i;
        }
        return v;
    }
}
