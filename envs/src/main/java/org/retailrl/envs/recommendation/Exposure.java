package org.retailrl.envs.recommendation;

/**
 * The recommendation action of docs/model.md §3: for each product {@code i} a distribution
 * {@code α^{i,·}} of exposure over the {@code M} customers ({@code α^{i,j} ∈ [0, 1]},
 * {@code Σ_j α^{i,j} = 1}), stored row-major {@code [i·M + j]}. Static methods build it from logits
 * (a learned policy's output) or uniformly, and check it.
 */
public final class Exposure {
    /** Allowed deviation of a row sum from one. */
    public static final double ROW_SUM_TOLERANCE = 1e-5;

    private Exposure() {
    }

    /** Uniform exposure {@code α^{i,j} = 1/M}. */
    public static double[] uniform(int products, int customers) {
        double[] a = new double[products * customers];
        java.util.Arrays.fill(a, 1.0 / customers);
        return a;
    }

    /**
     * Row-wise softmax: {@code α^{i,j} = exp(z^{i,j}) / Σ_k exp(z^{i,k})} over customers, stable
     * under large logits (the row maximum is subtracted first).
     *
     * @param logits {@code products·customers} finite logits, row-major
     * @param out    receives the exposure, same layout (may alias {@code logits})
     * @throws IllegalArgumentException naming the first non-finite logit
     */
    public static void softmax(double[] logits, int products, int customers, double[] out) {
        checkShape(logits, products, customers, "logits");
        checkShape(out, products, customers, "out");
        for (int i = 0; i < products; i++) {
            int base = i * customers;
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < customers; j++) {
                double z = logits[base + j];
                if (!Double.isFinite(z)) {
                    throw new IllegalArgumentException("logits[" + i + "][" + j + "] must be finite, got " + z);
                }
                max = Math.max(max, z);
            }
            double sum = 0;
            for (int j = 0; j < customers; j++) {
                double e = Math.exp(logits[base + j] - max);
                out[base + j] = e;
                sum += e;
            }
            double inv = 1.0 / sum;
            for (int j = 0; j < customers; j++) {
                out[base + j] *= inv;
            }
        }
    }

    /** {@link #softmax(double[], int, int, double[])} into a new array. */
    public static double[] softmax(double[] logits, int products, int customers) {
        double[] out = new double[products * customers];
        softmax(logits, products, customers, out);
        return out;
    }

    /**
     * Checks the {@code products × customers} exposure starting at {@code off}: every entry in
     * {@code [0, 1]} and every row sum within {@link #ROW_SUM_TOLERANCE} of one.
     *
     * @param context names the array in the message, e.g. {@code "exposure of copy 3"}
     * @throws IllegalArgumentException naming the entry or row and the allowed range
     */
    public static void check(double[] exposure, int off, int products, int customers, String context) {
        check(exposure, off, products, customers, context, -1);
    }

    /**
     * {@link #check(double[], int, int, int, String)} with the context {@code context + " " + copy}
     * (or {@code context} alone for a negative {@code copy}), formed only when a value is refused:
     * a batch checks every copy at every step.
     */
    public static void check(double[] exposure, int off, int products, int customers, String context, int copy) {
        for (int i = 0; i < products; i++) {
            int base = off + i * customers;
            double sum = 0;
            for (int j = 0; j < customers; j++) {
                double a = exposure[base + j];
                if (!(a >= 0 && a <= 1)) {
                    throw new IllegalArgumentException(where(context, copy) + ": alpha[" + i + "][" + j
                            + "] must be in [0, 1], got " + a);
                }
                sum += a;
            }
            if (!(Math.abs(sum - 1) <= ROW_SUM_TOLERANCE)) {
                throw new IllegalArgumentException(where(context, copy) + ": row " + i + " of alpha (product " + i
                        + ") must sum to 1 within " + ROW_SUM_TOLERANCE + ", got " + sum);
            }
        }
    }

    private static String where(String context, int copy) {
        return copy < 0 ? context : context + " " + copy;
    }

    private static void checkShape(double[] a, int products, int customers, String name) {
        if (products < 1 || customers < 1) {
            throw new IllegalArgumentException("products and customers must be >= 1, got " + products + " × "
                    + customers);
        }
        if (a == null || a.length != products * customers) {
            throw new IllegalArgumentException(name + " must have products × customers = " + products * customers
                    + " entries, got " + (a == null ? "null" : a.length));
        }
    }
}
