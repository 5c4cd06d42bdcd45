package org.retailrl.algorithms.inventory;

/**
 * Relative value iteration for average-cost Markov decision processes (Puterman 1994, §8.5.5), the
 * exact method of docs/model.md §7: {@code w = T v}, then {@code v ← w − w(ref)}, until the span
 * seminorm {@code sp(w − v) = max(w − v) − min(w − v)} is below the tolerance. At every sweep the
 * optimal long-run average cost per period {@code g*} lies in {@code [min(w − v), max(w − v)]}
 * (Odoni's bounds, Puterman Thm 8.5.5), so the result carries a certified interval, not only an
 * estimate. The same loop evaluates a fixed policy when {@code T} is that policy's operator.
 *
 * <p>Aperiodicity: the span converges when the chains of the optimal policy are aperiodic (every
 * inventory chain here has {@code P(D = 0) > 0} or mixes through lost sales); for a periodic problem
 * pass {@code damping τ < 1}, which iterates {@code (1 − τ)v + τ T v} — the same gain, scaled by
 * {@code τ} inside the loop and unscaled in the result.
 */
public final class RelativeValueIteration {
    /** One application of the Bellman operator: {@code out = T v} (costs, minimised). */
    @FunctionalInterface
    public interface Operator {
        /** Writes {@code (T v)(s)} for every state {@code s} into {@code out}; must not modify {@code v}. */
        void apply(double[] v, double[] out);
    }

    /**
     * The outcome: gain bounds, the relative values {@code v} (with {@code v(ref) = 0}), sweeps used.
     *
     * @param lower  a lower bound on the average cost per period
     * @param upper  an upper bound on the average cost per period
     * @param values relative values of the last iterate
     * @param sweeps operator applications
     */
    public record Result(double lower, double upper, double[] values, int sweeps) {
        /** Midpoint of the bounds: the reported average cost, off by at most {@link #halfWidth()}. */
        public double gain() {
            return 0.5 * (lower + upper);
        }

        /** Half the width of the bracket. */
        public double halfWidth() {
            return 0.5 * (upper - lower);
        }
    }

    private RelativeValueIteration() {
    }

    /**
     * Iterates from {@code v0} (copied; zeros when null) until the span of {@code Tv − v} is below
     * {@code tolerance}.
     *
     * @param states        number of states
     * @param op            the Bellman (or policy) operator
     * @param reference     the state whose relative value is pinned to 0
     * @param tolerance     span tolerance, {@code > 0}: the gain bracket is at most this wide
     * @param maxSweeps     {@code >= 1}
     * @param damping       {@code τ ∈ (0, 1]}; 1 for plain relative value iteration
     * @throws IllegalStateException when the tolerance is not met within {@code maxSweeps}
     */
    public static Result solve(int states, Operator op, int reference, double[] v0, double tolerance, int maxSweeps,
            double damping) {
        if (states < 1) {
            throw new IllegalArgumentException("states must be >= 1, got " + states);
        }
        if (reference < 0 || reference >= states) {
            throw new IllegalArgumentException("reference must be in [0, " + (states - 1) + "], got " + reference);
        }
        if (!(tolerance > 0) || !Double.isFinite(tolerance)) {
            throw new IllegalArgumentException("tolerance must be finite and > 0, got " + tolerance);
        }
        if (maxSweeps < 1) {
            throw new IllegalArgumentException("maxSweeps must be >= 1, got " + maxSweeps);
        }
        if (!(damping > 0 && damping <= 1)) {
            throw new IllegalArgumentException("damping must be in (0, 1], got " + damping);
        }
        double[] v = v0 == null ? new double[states] : v0.clone();
        if (v.length != states) {
            throw new IllegalArgumentException("v0 must hold " + states + " values, got " + v.length);
        }
        double[] w = new double[states];
        double lo = Double.NEGATIVE_INFINITY;
        double hi = Double.POSITIVE_INFINITY;
        for (int sweep = 1; sweep <= maxSweeps; sweep++) {
            op.apply(v, w);
            double mn = Double.POSITIVE_INFINITY;
            double mx = Double.NEGATIVE_INFINITY;
            for (int s = 0; s < states; s++) {
                double t = damping == 1 ? w[s] : (1 - damping) * v[s] + damping * w[s];
                double d = t - v[s];
                mn = Math.min(mn, d);
                mx = Math.max(mx, d);
                w[s] = t;
            }
            if (!Double.isFinite(mn) || !Double.isFinite(mx)) {
                throw new IllegalStateException("relative value iteration diverged (non-finite values) at sweep " + sweep);
            }
            // The bracket only tightens (Puterman Prop. 8.5.4); keep the best of every sweep.
            lo = Math.max(lo, mn / damping);
            hi = Math.min(hi, mx / damping);
            double ref = w[reference];
            for (int s = 0; s < states; s++) {
                w[s] -= ref;
            }
            double[] t = v;
            v = w;
            w = t;
            if (hi - lo < tolerance) {
                return new Result(lo, hi, v, sweep);
            }
        }
        throw new IllegalStateException("relative value iteration did not reach span " + tolerance + " in "
                + maxSweeps + " sweeps (bracket [" + lo + ", " + hi + "])");
    }
}
