package org.retailrl.algorithms.recommendation;

import org.retailrl.algorithms.rl.FactorLayout;

import java.util.Arrays;
import org.retailrl.envs.recommendation.Exposure;
import org.retailrl.envs.recommendation.RecommendationScenario;

/**
 * The action sets of the learned agents of docs/model.md §3 (§3.7) and how an action becomes an
 * environment decision.
 *
 * <p><b>Replenishment</b>: one categorical factor per product over {@code K} order levels,
 * {@code q = round(k·Q/(K−1))} units for {@code k = 0..K−1} ({@code Q} the scenario's maximum
 * order). A coarse grid keeps each factor small ({@code K = 13} by default: steps of 5 units when
 * {@code Q = 60}), which is what lets PPO learn within minutes; the loss of resolution is at most
 * half a step per order.
 *
 * <p><b>Recommendation, {@link ExposureActions#SIMPLEX} (the default)</b>: the paper's action, a point
 * of the simplex {@code α^{i,·}} per product, as the logistic-normal policy of the learner core:
 * {@code S} Gaussian coordinates per product ({@link FactorLayout#gaussian}), one logit per
 * customer segment, customer {@code j} of segment {@code g} gets {@code z^{i,j} = x^{i,g}} and
 * {@code α^{i,·} = softmax(z^{i,·})} ({@link Exposure#softmax}). In the small scenario every
 * segment is one customer, so these are exactly the paper's {@code N·M} logits of §3.7; at
 * {@code M = 1,000} customers the {@code S = 32} segments keep the actor's output at
 * {@code 2·N·S} numbers instead of {@code 2·N·M} (customers of a segment have similar purchase
 * counts and so similar value to a product). Every point of the open simplex over the segments'
 * shares is reachable, and the mean {@code x = 0} is uniform exposure.
 *
 * <p><b>Recommendation, {@link ExposureActions#SEGMENTS} (the discrete ablation)</b>: one
 * categorical factor per product over {@code S + 1} choices — "favour
 * customer segment {@code g}" ({@code g < S}) or "no favourite" ({@code g = S}) — turned into the
 * exposure row by a softmax over a logit vector, as docs/model.md §3.7 states: {@code z^{i,j} = τ_g} for the
 * customers {@code j} of segment {@code g} and 0 elsewhere, {@code α^{i,·} = softmax(z^{i,·})}
 * ({@link Exposure#softmax}), so {@code Σ_j α^{i,j} = 1}. The temperature is set by the
 * favoured share {@code φ}: {@code τ_g = ln(φ·(M − |g|) / ((1 − φ)·|g|))}, which gives the segment
 * exactly the share {@code φ} of the product's exposure. "No favourite" is {@code z ≡ 0}, the
 * uniform exposure. Segments are the customers ranked by purchase count {@code c^j} (descending,
 * ties by index) cut into {@code S = min(M, maxSegments)} contiguous groups — one customer each in
 * the small scenario.
 *
 * <p>Why the discrete ablation is kept: with {@code E·(R_max − R)} lift in Eq. 8 entering Eq. 10
 * through {@code exp}, each customer's demand for a product is convex in that product's
 * exposure, so concentrated exposure is where much of the value lies (the rating-greedy and
 * stock-aware heuristics are of this form too); a small categorical explores those corners
 * directly, where a 100-dimensional Gaussian reaches them only through large, coordinated logits,
 * and its PPO ratio does not carry the variance of a 100-dimensional density.
 */
public final class DecisionSpace {
    /** How the recommendation agent's action is represented. */
    public enum ExposureActions {
        /** Gaussian logits per product and segment, softmax to the simplex (the paper's action). */
        SIMPLEX,
        /** One of {@code S + 1} fixed exposure rows per product (favour a segment, or uniform). */
        SEGMENTS
    }

    /** Default number of order levels {@code K}. */
    public static final int DEFAULT_ORDER_LEVELS = 13;
    /** Default cap on the number of customer segments. */
    public static final int DEFAULT_MAX_SEGMENTS = 32;
    /** Default favoured share {@code φ}. */
    public static final double DEFAULT_FAVOURED_SHARE = 0.9;

    private final RecommendationScenario scenario;
    private final int orderLevels;
    private final int segments;
    private final double favouredShare;
    private final int[] orderUnits;
    private final double[][] exposureRows;
    private final ExposureActions exposureActions;
    private final int[] segmentOf;

    /** The defaults for {@code s} (simplex exposure). */
    public DecisionSpace(RecommendationScenario s) {
        this(s, DEFAULT_ORDER_LEVELS, DEFAULT_MAX_SEGMENTS, DEFAULT_FAVOURED_SHARE);
    }

    /** The defaults for {@code s} with the discrete exposure ablation ({@link ExposureActions#SEGMENTS}). */
    public static DecisionSpace segments(RecommendationScenario s) {
        return new DecisionSpace(s, DEFAULT_ORDER_LEVELS, DEFAULT_MAX_SEGMENTS, DEFAULT_FAVOURED_SHARE,
                ExposureActions.SEGMENTS);
    }

    /** As the five-argument constructor with simplex exposure. */
    public DecisionSpace(RecommendationScenario s, int orderLevels, int maxSegments, double favouredShare) {
        this(s, orderLevels, maxSegments, favouredShare, ExposureActions.SIMPLEX);
    }

    /**
     * @param s             the scenario
     * @param orderLevels   {@code K}, in [2, Q + 1] (or exactly 1 when {@code Q = 0})
     * @param maxSegments   cap on {@code S}, >= 1
     * @param favouredShare {@code φ}, in (0, 1) (used by the discrete exposure)
     * @param exposure      the recommendation action set
     */
    public DecisionSpace(RecommendationScenario s, int orderLevels, int maxSegments, double favouredShare,
                         ExposureActions exposure) {
        if (s == null || exposure == null) {
            throw new IllegalArgumentException("scenario and exposure actions must not be null");
        }
        int q = s.maxOrder();
        int maxLevels = q + 1;
        if (q == 0 ? orderLevels != 1 : orderLevels < 2 || orderLevels > maxLevels) {
            throw new IllegalArgumentException("orderLevels must be in [2, maxOrder + 1 = " + maxLevels
                    + "] (1 when maxOrder = 0), got " + orderLevels);
        }
        if (maxSegments < 1) {
            throw new IllegalArgumentException("maxSegments must be >= 1, got " + maxSegments);
        }
        if (!(favouredShare > 0 && favouredShare < 1)) {
            throw new IllegalArgumentException("favouredShare must be in (0, 1), got " + favouredShare);
        }
        this.scenario = s;
        this.orderLevels = orderLevels;
        this.favouredShare = favouredShare;
        int m = s.customers();
        this.segments = Math.min(m, maxSegments);
        orderUnits = new int[orderLevels];
        for (int k = 0; k < orderLevels; k++) {
            orderUnits[k] = orderLevels == 1 ? 0 : (int) Math.round((double) k * q / (orderLevels - 1));
        }
        this.exposureActions = exposure;
        int[] rank = customersByCount(s.purchaseCounts());
        segmentOf = new int[m];
        exposureRows = new double[segments + 1][];
        for (int g = 0; g < segments; g++) {
            int from = (int) ((long) m * g / segments);
            int to = (int) ((long) m * (g + 1) / segments);
            int size = to - from;
            for (int r = from; r < to; r++) {
                segmentOf[rank[r]] = g;
            }
            double[] z = new double[m];
            if (size < m) {
                double tau = Math.log(favouredShare * (m - size) / ((1 - favouredShare) * size));
                for (int r = from; r < to; r++) {
                    z[rank[r]] = tau;
                }
            }
            exposureRows[g] = Exposure.softmax(z, 1, m);
        }
        exposureRows[segments] = Exposure.softmax(new double[m], 1, m);
    }

    private static int[] customersByCount(int[] counts) {
        Integer[] idx = new Integer[counts.length];
        for (int j = 0; j < idx.length; j++) {
            idx[j] = j;
        }
        // Stable sort: ties keep index order, so segments are deterministic.
        Arrays.sort(idx, (a, b) -> Integer.compare(counts[b], counts[a]));
        int[] out = new int[idx.length];
        for (int r = 0; r < out.length; r++) {
            out[r] = idx[r];
        }
        return out;
    }

    /** The scenario. */
    public RecommendationScenario scenario() {
        return scenario;
    }

    /** {@code K}. */
    public int orderLevels() {
        return orderLevels;
    }

    /** {@code S} (the recommendation factor has {@code S + 1} choices). */
    public int segments() {
        return segments;
    }

    /** {@code φ}. */
    public double favouredShare() {
        return favouredShare;
    }

    /** One factor of {@code K} choices per product. */
    public FactorLayout orderLayout() {
        return FactorLayout.repeat(scenario.products(), orderLevels);
    }

    /** The recommendation action set. */
    public ExposureActions exposureActions() {
        return exposureActions;
    }

    /** The segment of customer {@code j} (segments ranked by purchase count, 0 the largest buyers). */
    public int segmentOf(int j) {
        return segmentOf[j];
    }

    /**
     * The recommendation layout: {@code N·S} Gaussian coordinates ({@link ExposureActions#SIMPLEX})
     * or one factor of {@code S + 1} choices per product ({@link ExposureActions#SEGMENTS}).
     */
    public FactorLayout exposureLayout() {
        return exposureActions == ExposureActions.SIMPLEX ? FactorLayout.gaussian(scenario.products() * segments)
                : FactorLayout.repeat(scenario.products(), segments + 1);
    }

    /**
     * Writes the simplex exposure of the segment logits {@code x[xOff .. xOff + N·S)} (product-major)
     * into {@code out[off .. off + N·M)}; {@code z} and {@code alpha} are work arrays of
     * {@code N·M} doubles.
     */
    public void writeSimplexExposure(float[] x, int xOff, double[] z, double[] alpha, double[] out, int off) {
        int n = scenario.products();
        int m = scenario.customers();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                z[i * m + j] = x[xOff + i * segments + segmentOf[j]];
            }
        }
        Exposure.softmax(z, n, m, alpha);
        System.arraycopy(alpha, 0, out, off, n * m);
    }

    /** Units ordered at level {@code k}. */
    public int orderUnits(int k) {
        if (k < 0 || k >= orderLevels) {
            throw new IllegalArgumentException("order level must be in [0, " + orderLevels + "), got " + k);
        }
        return orderUnits[k];
    }

    /** Writes product {@code i}'s exposure row for choice {@code g} into {@code out[i·M ..]}. */
    public void writeExposure(int i, int g, double[] out, int off) {
        if (g < 0 || g > segments) {
            throw new IllegalArgumentException("exposure choice must be in [0, " + segments + "], got " + g);
        }
        int m = scenario.customers();
        System.arraycopy(exposureRows[g], 0, out, off + i * m, m);
    }
}
