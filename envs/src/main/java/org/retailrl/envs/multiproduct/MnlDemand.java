package org.retailrl.envs.multiproduct;

/**
 * The demand rates of docs/model.md §4.2: a multinomial logit over the {@code N} products and a
 * no-purchase option, with cross-price terms in the utilities,
 * <pre>
 *   u_i = α_i − β_i (p_i − p̄) + Σ_{k≠i} γ_{ik} (p_k − p̄)
 *   λ_i(p) = η Δ e^{u_i} / (1 + Σ_k e^{u_k})
 * </pre>
 * The logit denominator alone makes every pair substitutes ({@code ∂λ_i/∂p_k = λ_i β_k s_k > 0});
 * {@code γ_{ik} > 0} strengthens that, {@code γ_{ik} < 0} beyond about {@code −β_k s_k} turns the pair
 * into complements. Units: prices in currency, rates in units per period. Exponentials are
 * {@link StrictMath#exp}, so rates are bit-identical on every platform. Immutable; the caller
 * provides the output buffer, nothing is allocated.
 */
public final class MnlDemand {
    private final int n;
    private final double scale;
    private final double pivot;
    private final double[] alpha;
    private final double[] beta;
    private final double[] gamma;

    /** The demand of {@code s}. */
    public MnlDemand(MultiProductScenario s) {
        n = s.products();
        scale = s.marketSize() * s.periodLength();
        pivot = s.pivotPrice();
        alpha = s.attraction();
        beta = s.sensitivity();
        gamma = new double[n * n];
        double[][] g = s.crossPrice();
        for (int i = 0; i < n; i++) {
            System.arraycopy(g[i], 0, gamma, i * n, n);
        }
    }

    /**
     * Writes {@code λ_i} for the posted prices {@code p[off..off+N)} to {@code out[outOff..outOff+N)}
     * (the two ranges must not overlap).
     */
    public void rates(double[] p, int off, double[] out, int outOff) {
        double denom = 1;
        for (int i = 0; i < n; i++) {
            double u = alpha[i] - beta[i] * (p[off + i] - pivot);
            for (int k = 0; k < n; k++) {
                u += gamma[i * n + k] * (p[off + k] - pivot);
            }
            double e = StrictMath.exp(u);
            out[outOff + i] = e;
            denom += e;
        }
        double f = scale / denom;
        for (int i = 0; i < n; i++) {
            out[outOff + i] *= f;
        }
    }

    /** {@code λ} at prices {@code p} (length {@code N}), a new array. */
    public double[] rates(double[] p) {
        double[] out = new double[n];
        rates(p, 0, out, 0);
        return out;
    }

    /** Number of products. */
    public int products() {
        return n;
    }
}
