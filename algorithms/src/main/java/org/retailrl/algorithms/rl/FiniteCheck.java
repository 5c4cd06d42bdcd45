package org.retailrl.algorithms.rl;

import java.util.List;
import org.retailrl.nn.Parameter;

/**
 * The training-side guard of docs/model.md §8.12 (docs/model.md §8): a NaN or infinity in a loss, a
 * gradient norm, a reward or a parameter stops training at once with an
 * {@link IllegalStateException} naming the quantity and where it was seen, instead of silently
 * spreading through every weight.
 */
public final class FiniteCheck {
    private FiniteCheck() {
    }

    /** Throws when {@code value} is NaN or infinite; {@code what} names the quantity. */
    public static void scalar(String what, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalStateException("training stopped: " + what + " is " + value);
        }
    }

    /**
     * Whether every element of {@code x} is finite: per-step callers test this first and build the
     * message for {@link #array} only on failure (a message string per step and copy was most of
     * what a rollout allocated).
     */
    public static boolean allFinite(float[] x) {
        for (float v : x) {
            if (!Float.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    /** Throws when any element of {@code x} is NaN or infinite. */
    public static void array(String what, float[] x) {
        for (int i = 0; i < x.length; i++) {
            if (!Float.isFinite(x[i])) {
                throw new IllegalStateException("training stopped: " + what + "[" + i + "] is " + x[i]);
            }
        }
    }

    /** Throws when any parameter value holds a NaN or infinity; {@code where} says when it was seen. */
    public static void parameters(String where, List<Parameter> params) {
        for (Parameter p : params) {
            float[] d = p.value().data();
            for (int i = 0; i < d.length; i++) {
                if (!Float.isFinite(d[i])) {
                    throw new IllegalStateException("training stopped: parameter " + p.name() + "[" + i + "] is "
                            + d[i] + " " + where);
                }
            }
        }
    }
}
