package org.retailrl.autodiff;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.retailrl.core.Tensor;
import org.retailrl.core.random.Rng;

/** The checker must be able to fail: a wrong backward or a wrong value is reported, not hidden. */
class GradientCheckerTest {
    /** Doubles its input but (wrongly) adds 1.9·g instead of 2·g in backward: a 5% gradient error. */
    private static Var wrongDouble(Var a) {
        Tape t = a.tape();
        Var out = t.result(Tensor.zeros(a.shape()), true);
        float[] x = a.value().data();
        for (int i = 0; i < x.length; i++) {
            out.value().data()[i] = 2 * x[i];
        }
        t.record(() -> {
            float[] g = out.grad().data();
            float[] ga = a.grad().data();
            for (int i = 0; i < g.length; i++) {
                ga[i] += 1.9f * g[i];
            }
        });
        return out;
    }

    private static Tensor input() {
        return Gen.uniform(new Rng(5), new int[] {3, 4}, -2, 2);
    }

    @Test
    void detectsAWrongGradient() {
        GradientChecker.Report r = GradientChecker.check((t, v) -> wrongDouble(v[0]), in -> Ref.map(in[0], x -> 2 * x),
                new Tensor[] {input()}, null, 1);
        assertTrue(r.forwardScore() <= 1, r::toString);
        assertTrue(r.gradientScore() > 1, r::toString);
        assertTrue(Math.abs(r.maxGradientRelError() - 0.05) < 1e-3, r::toString);
        assertFalse(r.passed());
        assertThrows(AssertionError.class, r::assertPassed);
    }

    @Test
    void detectsAWrongValue() {
        GradientChecker.Report r = GradientChecker.check((t, v) -> Ops.tanh(v[0]), in -> Ref.map(in[0], x -> Math.tanh(x) + 1e-3),
                new Tensor[] {input()}, null, 1);
        assertTrue(r.forwardScore() > 1, r::toString);
        assertFalse(r.passed());
    }

    @Test
    void acceptsACorrectOp() {
        GradientChecker.check((t, v) -> Ops.scale(v[0], 2f), in -> Ref.map(in[0], x -> 2 * x),
                new Tensor[] {input()}, null, 1).assertPassed();
    }

    @Test
    void rejectsBadTolerancesAndArguments() {
        assertThrows(IllegalArgumentException.class, () -> new GradientChecker.Tolerance(-1, 0));
        assertThrows(IllegalArgumentException.class, () -> new GradientChecker.Tolerance(0, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> GradientChecker.check((t, v) -> v[0], in -> in[0],
                new Tensor[] {input()}, new boolean[] {true, false}, 1));
        assertThrows(IllegalArgumentException.class, () -> GradientChecker.check((t, v) -> v[0], in -> new double[1],
                new Tensor[] {input()}, null, 1));
    }
}
