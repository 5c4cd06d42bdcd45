package org.retailrl.autodiff;

import org.retailrl.core.Tensor;
import org.retailrl.core.random.Rng;

/** Random test tensors, with explicit margins around the points where an op is not differentiable. */
final class Gen {
    private Gen() {
    }

    static int size(int[] shape) {
        int n = 1;
        for (int d : shape) {
            n *= d;
        }
        return n;
    }

    /** Uniform values in {@code [lo, hi)}. */
    static Tensor uniform(Rng r, int[] shape, double lo, double hi) {
        float[] v = new float[size(shape)];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) r.uniform(lo, hi);
        }
        return Tensor.wrap(v, shape);
    }

    /**
     * Uniform values in {@code [lo, hi)} at distance ≥ {@code margin} from every kink: finite
     * differences with step 1e-6 then never straddle a non-differentiable point.
     */
    static Tensor awayFrom(Rng r, int[] shape, double lo, double hi, double margin, double... kinks) {
        float[] v = new float[size(shape)];
        for (int i = 0; i < v.length; i++) {
            float x;
            do {
                x = (float) r.uniform(lo, hi);
            } while (near(x, margin, kinks));
            v[i] = x;
        }
        return Tensor.wrap(v, shape);
    }

    private static boolean near(double x, double margin, double[] kinks) {
        for (double k : kinks) {
            if (Math.abs(x - k) < margin) {
                return true;
            }
        }
        return false;
    }

    /**
     * Values on the lattice {@code 0.2·j + offset}, |j| ≤ 10: two tensors with offsets 0 and 0.1
     * differ by ≥ 0.1 everywhere, which keeps min/max away from ties under any broadcasting.
     */
    static Tensor lattice(Rng r, int[] shape, double offset) {
        float[] v = new float[size(shape)];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (0.2 * (r.nextInt(21) - 10) + offset);
        }
        return Tensor.wrap(v, shape);
    }

    /** Magnitude in {@code [lo, hi)} with a random sign (divisors kept away from 0). */
    static Tensor signedMagnitude(Rng r, int[] shape, double lo, double hi) {
        float[] v = new float[size(shape)];
        for (int i = 0; i < v.length; i++) {
            double m = r.uniform(lo, hi);
            v[i] = (float) (r.nextInt(2) == 0 ? m : -m);
        }
        return Tensor.wrap(v, shape);
    }

    /**
     * A shape broadcast-compatible with {@code full}: the first {@code drop} leading dimensions
     * removed (capped so rank ≥ 1) and the dimensions whose bit is set in {@code onesMask} set to 1.
     */
    static int[] partner(int[] full, int drop, int onesMask) {
        int d = Math.min(drop, full.length - 1);
        int[] s = new int[full.length - d];
        for (int i = 0; i < s.length; i++) {
            s[i] = ((onesMask >> i) & 1) != 0 ? 1 : full[i + d];
        }
        return s;
    }
}
