package org.retailrl.autodiff;

import java.util.Arrays;
import org.retailrl.core.Tensor;
import org.retailrl.core.random.Rng;

/**
 * Checks a tape function's value and gradients against an independent double-precision
 * reference (docs/model.md §8: every network trained on the tape relies on these gradients).
 *
 * <p>The caller gives the float function on the tape and a reference function of the same inputs
 * written in double. The checker draws projection weights {@code w ~ N(0, 1)} of the output's shape
 * from a seed and compares, for the scalar loss {@code L = Σ w ⊙ f(x)}:
 * <ul>
 *   <li>the forward value: every output element against the reference, with {@link #FORWARD};</li>
 *   <li>the tape gradient {@code ∂L/∂x} (backward seeded with {@code w}) against central finite
 *       differences {@code (L(x + h e_i) − L(x − h e_i)) / 2h} of the double reference,
 *       {@code h =} {@link #STEP}, with {@link #GRADIENT}.</li>
 * </ul>
 * An element passes when {@code |got − ref| ≤ atol + rtol·|ref|}. Differences are taken in double,
 * so their error (≈ 1e-16/h + h²) is far below float rounding; the tolerances then only have
 * to cover float32 rounding of the tape (unit roundoff 6e-8, amplified by sums of a few hundred
 * terms at most), while a wrong derivative formula is off by O(1).
 */
public final class GradientChecker {
    /** Central-difference step for the double reference. */
    public static final double STEP = 1e-6;
    /** Forward tolerance: float32 results of well-conditioned ops are within a few ulps. */
    public static final Tolerance FORWARD = new Tolerance(1e-5, 1e-5);
    /** Gradient tolerance (the float32 setting of PyTorch's gradcheck uses rtol 1e-3 as well). */
    public static final Tolerance GRADIENT = new Tolerance(1e-4, 1e-3);

    private GradientChecker() {
    }

    /** {@code |got − ref| ≤ atol + rtol·|ref|}; both bounds must be finite and ≥ 0. */
    public record Tolerance(double atol, double rtol) {
        /** Validates the bounds. */
        public Tolerance {
            if (!(atol >= 0) || !(rtol >= 0) || Double.isInfinite(atol) || Double.isInfinite(rtol)) {
                throw new IllegalArgumentException("tolerance: atol and rtol must be finite and >= 0, got " + atol + ", " + rtol);
            }
        }

        /** The error of {@code got} as a fraction of the allowed error (≤ 1 passes; NaN counts as failing). */
        public double score(double got, double ref) {
            double err = Math.abs(got - ref);
            double s = err / (atol + rtol * Math.abs(ref));
            return Double.isNaN(s) ? Double.POSITIVE_INFINITY : s;
        }
    }

    /** The op under test on the tape: receives one Var per input (leaves or constants). */
    @FunctionalInterface
    public interface TapeFunction {
        /** Builds the output on {@code tape}. */
        Var apply(Tape tape, Var[] inputs);
    }

    /** The independent reference in double: inputs flattened row-major, output flattened. */
    @FunctionalInterface
    public interface ReferenceFunction {
        /** Computes the output for the given inputs (must not modify them). */
        double[] apply(double[][] inputs);
    }

    /**
     * The outcome of one check. Scores are errors as a fraction of the allowed error; the check
     * passes when both are ≤ 1. Relative gradient error is over elements with
     * {@code |g_fd| > atol}.
     */
    public record Report(double forwardScore, double maxForwardAbsError, double gradientScore,
                         double maxGradientAbsError, double maxGradientRelError, String worst) {
        /** True when the forward value and every gradient element are within tolerance. */
        public boolean passed() {
            return forwardScore <= 1 && gradientScore <= 1;
        }

        /** Throws an {@link AssertionError} carrying this report unless {@link #passed()}. */
        public Report assertPassed() {
            if (!passed()) {
                throw new AssertionError("gradient check failed: " + this);
            }
            return this;
        }
    }

    /** {@link #check(TapeFunction, ReferenceFunction, Tensor[], boolean[], long, Tolerance, Tolerance)} with the default tolerances. */
    public static Report check(TapeFunction f, ReferenceFunction ref, Tensor[] inputs, boolean[] differentiable, long seed) {
        return check(f, ref, inputs, differentiable, seed, FORWARD, GRADIENT);
    }

    /**
     * Runs the check. {@code differentiable[i]} says whether input {@code i} is a gradient leaf
     * (true) or a constant (false); null means all are leaves. Inputs are not modified.
     */
    public static Report check(TapeFunction f, ReferenceFunction ref, Tensor[] inputs, boolean[] differentiable, long seed,
                               Tolerance forwardTol, Tolerance gradientTol) {
        if (inputs == null || inputs.length == 0) {
            throw new IllegalArgumentException("check: inputs must hold at least one tensor");
        }
        if (differentiable != null && differentiable.length != inputs.length) {
            throw new IllegalArgumentException("check: differentiable has length " + differentiable.length
                    + ", inputs " + inputs.length);
        }
        Tape tape = new Tape();
        Var[] vars = new Var[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            boolean d = differentiable == null || differentiable[i];
            Tensor copy = inputs[i].copy();
            vars[i] = d ? tape.leaf(copy, Tensor.zeros(copy.shape())) : tape.constant(copy);
        }
        Var out = f.apply(tape, vars);
        float[] got = out.value().data();
        double[][] x = new double[inputs.length][];
        for (int i = 0; i < inputs.length; i++) {
            float[] v = inputs[i].data();
            x[i] = new double[v.length];
            for (int j = 0; j < v.length; j++) {
                x[i][j] = v[j];
            }
        }
        double[] want = ref.apply(x);
        if (want.length != got.length) {
            throw new IllegalArgumentException("check: reference returned " + want.length + " values, tape output shape "
                    + Arrays.toString(out.shape()));
        }
        double fScore = 0;
        double fAbs = 0;
        String worst = "none";
        for (int j = 0; j < got.length; j++) {
            double s = forwardTol.score(got[j], want[j]);
            fAbs = Math.max(fAbs, Math.abs(got[j] - want[j]));
            if (s > fScore) {
                fScore = s;
                worst = "forward[" + j + "] got " + got[j] + " want " + want[j];
            }
        }
        Rng rng = new Rng(seed);
        float[] w = new float[got.length];
        for (int j = 0; j < w.length; j++) {
            w[j] = (float) rng.normal();
        }
        boolean anyLeaf = false;
        for (Var v : vars) {
            anyLeaf |= v.requiresGrad();
        }
        double gScore = 0;
        double gAbs = 0;
        double gRel = 0;
        if (anyLeaf) {
            tape.backward(out, Tensor.wrap(w, out.shape()));
        }
        String gWorst = null;
        for (int i = 0; i < inputs.length; i++) {
            if (!vars[i].requiresGrad()) {
                continue;
            }
            float[] g = vars[i].grad().data();
            for (int j = 0; j < g.length; j++) {
                double keep = x[i][j];
                x[i][j] = keep + STEP;
                double up = project(w, ref.apply(x));
                x[i][j] = keep - STEP;
                double down = project(w, ref.apply(x));
                x[i][j] = keep;
                double fd = (up - down) / (2 * STEP);
                double err = Math.abs(g[j] - fd);
                gAbs = Math.max(gAbs, err);
                if (Math.abs(fd) > gradientTol.atol()) {
                    gRel = Math.max(gRel, err / Math.abs(fd));
                }
                double s = gradientTol.score(g[j], fd);
                if (s > gScore) {
                    gScore = s;
                    gWorst = "grad input " + i + " [" + j + "] tape " + g[j] + " fd " + fd;
                }
            }
        }
        if (gScore > fScore && gWorst != null) {
            worst = gWorst;
        }
        return new Report(fScore, fAbs, gScore, gAbs, gRel, worst);
    }

    private static double project(float[] w, double[] y) {
        double s = 0;
        for (int j = 0; j < w.length; j++) {
            s += w[j] * y[j];
        }
        return s;
    }
}
