package org.retailrl.algorithms.inventory;

/**
 * One heuristic's fitted parameters and exact long-run average cost on an inventory instance of
 * docs/model.md §7.
 *
 * @param name        the heuristic, e.g. {@code "best base-stock"}
 * @param parameters  its parameters, e.g. {@code "S=23"}
 * @param cost        average cost per period (currency), exact up to {@code halfWidth}
 * @param halfWidth   half-width of the certified bracket of the cost
 * @param evaluations policies evaluated while fitting
 * @param seconds     wall time of fitting and evaluation
 */
public record HeuristicResult(String name, String parameters, double cost, double halfWidth, int evaluations,
        double seconds) {
    /** Relative gap to {@code optimum}, percent. */
    public double gapPercent(double optimum) {
        return 100 * (cost - optimum) / optimum;
    }
}
