package org.retailrl.core.simd;

/**
 * {@code e^x} in double precision by a fixed sequence of IEEE operations, so that the scalar code
 * and the Vector API lanes of the pricing kernel (docs/model.md §1 demand: {@code σ} and the Poisson
 * {@code e^{−λ}}) produce bit-identical results. Accuracy: within 2 ulp of the exact value
 * (a test checks against {@link Math#exp}) for {@code |x| <= 700}.
 *
 * <p>Method: {@code x = k·ln 2 + r} with {@code k} rounded to nearest (the {@code 1.5·2^52} shift
 * trick, exact for {@code |x·log2 e| < 2^51}), {@code r} reduced in two fused steps with fdlibm's
 * split of {@code ln 2}, {@code e^r} by the degree-13 Taylor polynomial in Horner form with fused
 * multiply-adds (truncation below {@code 4e-18} relative on {@code |r| <= ln2/2}), and the scale
 * {@code 2^k} built from its exponent bits. Arguments are first clamped to {@code [−700, 700]}:
 * beyond that {@code e^x} is used only as {@code 1 + e^x} or as a Poisson probability, where the
 * clamp changes nothing representable in the draws.
 */
public final class FastExp {
    /** Arguments are clamped to {@code [−CLAMP, CLAMP]}. */
    public static final double CLAMP = 700;
    static final double LOG2E = 1.4426950408889634;
    static final double LN2_HI = 6.93147180369123816490e-01;
    static final double LN2_LO = 1.90821492927058770002e-10;
    static final double SHIFT = 0x1.8p52;
    /** Taylor coefficients {@code 1/j!}, highest degree first (Horner order). */
    static final double[] COEFFS = new double[14];

    static {
        double f = 1;
        double[] inv = new double[14];
        for (int j = 0; j < 14; j++) {
            if (j > 0) {
                f *= j;
            }
            inv[j] = 1.0 / f;
        }
        for (int j = 0; j < 14; j++) {
            COEFFS[j] = inv[13 - j];
        }
    }

    private FastExp() {
    }

    /** {@code e^x} for {@code x} clamped to {@code [−700, 700]}; {@code x} must not be NaN. */
    public static double exp(double x) {
        x = Math.min(Math.max(x, -CLAMP), CLAMP);
        double kd = (x * LOG2E + SHIFT) - SHIFT;
        double r = Math.fma(-kd, LN2_HI, x);
        r = Math.fma(-kd, LN2_LO, r);
        double q = COEFFS[0];
        for (int j = 1; j < COEFFS.length; j++) {
            q = Math.fma(q, r, COEFFS[j]);
        }
        return q * Double.longBitsToDouble(((long) kd + 1023) << 52);
    }
}
