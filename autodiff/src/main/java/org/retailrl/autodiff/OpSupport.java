package org.retailrl.autodiff;

import java.util.Arrays;
import org.retailrl.core.Tensor;

/** Checks and node construction shared by the op implementations. */
final class OpSupport {
    private OpSupport() {
    }

    /** The common tape of the inputs, all required; mixing tapes is a programming error caught early. */
    static Tape tapeOf(String op, Var... vs) {
        if (vs == null || vs.length == 0) {
            throw new IllegalArgumentException(op + ": no input given");
        }
        for (int i = 0; i < vs.length; i++) {
            if (vs[i] == null) {
                throw new IllegalArgumentException(op + ": input " + i + " must not be null");
            }
        }
        Tape t = vs[0].tape();
        for (Var v : vs) {
            sameTape(op, t, v);
        }
        return t;
    }

    /** Checks that an optional input (null allowed) lives on {@code t}. */
    static void sameTape(String op, Tape t, Var optional) {
        if (optional != null && optional.tape() != t) {
            throw new IllegalArgumentException(op + ": inputs were recorded on different tapes");
        }
    }

    /** Whether the op's output must take gradients: recording is on and some input takes them. */
    static boolean needsGrad(Tape t, Var... vs) {
        if (!t.isGradEnabled()) {
            return false;
        }
        for (Var v : vs) {
            if (v != null && v.requiresGrad()) {
                return true;
            }
        }
        return false;
    }

    /** An output node whose value is an uninitialised pooled buffer of the given shape. */
    static Var output(Tape t, boolean requiresGrad, int... shape) {
        return t.result(t.empty(shape), requiresGrad);
    }

    /** The gradient array of {@code v}, or null when it takes none (so none is ever allocated). */
    static float[] gradOrNull(Var v) {
        return v != null && v.requiresGrad() ? v.grad().data() : null;
    }

    /** Normalises a possibly negative axis, naming the op and shape when it is out of range. */
    static int axis(String op, int axis, int rank) {
        int a = axis < 0 ? axis + rank : axis;
        if (a < 0 || a >= rank) {
            throw new IllegalArgumentException(op + ": axis " + axis + " outside [" + (-rank) + ", " + rank + ") for rank " + rank);
        }
        return a;
    }

    static int product(int[] shape, int from, int to) {
        int p = 1;
        for (int i = from; i < to; i++) {
            p *= shape[i];
        }
        return p;
    }

    static String str(int[] shape) {
        return Arrays.toString(shape);
    }

    static IllegalArgumentException shapeError(String op, Tensor a, Tensor b) {
        return new IllegalArgumentException(op + ": shape " + str(a.shape()) + " vs " + str(b.shape()));
    }

    static void requireFinite(String op, String name, float v) {
        if (!Float.isFinite(v)) {
            throw new IllegalArgumentException(op + ": " + name + " must be finite, got " + v);
        }
    }
}
