package org.retailrl.autodiff;

/**
 * The differentiable tensor ops of the tape (MODEL.md §8: everything PPO, HAPPO, FSDA and MTMA
 * differentiate). Each op computes its value eagerly and records one backward closure that adds
 * into its inputs' gradients. Shape errors name both shapes.
 */
public final class Ops {
    private Ops() {
    }

    /** Matrix product {@code [m,k]·[k,n] → [m,n]}. */
    public static Var matmul(Var a, Var b) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Matrix product with optional transposes of either operand. */
    public static Var matmul(Var a, Var b, boolean transA, boolean transB) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Batched matrix product {@code [B,m,k]·[B,k,n] → [B,m,n]}. */
    public static Var bmm(Var a, Var b) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Elementwise sum with NumPy-style broadcasting of trailing dimensions. */
    public static Var add(Var a, Var b) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Elementwise difference with broadcasting. */
    public static Var sub(Var a, Var b) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Elementwise product with broadcasting. */
    public static Var mul(Var a, Var b) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Elementwise quotient with broadcasting. */
    public static Var div(Var a, Var b) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** {@code −a}. */
    public static Var neg(Var a) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** {@code s·a}. */
    public static Var scale(Var a, float s) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** {@code a + s}. */
    public static Var addScalar(Var a, float s) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Elementwise tanh. */
    public static Var tanh(Var a) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Elementwise logistic σ. */
    public static Var sigmoid(Var a) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Elementwise max(a, 0). */
    public static Var relu(Var a) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Elementwise e^a. */
    public static Var exp(Var a) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Elementwise natural log. */
    public static Var log(Var a) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Elementwise a². */
    public static Var square(Var a) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Softmax over the last axis. */
    public static Var softmax(Var a) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Log-softmax over the last axis (max-subtracted, stable). */
    public static Var logSoftmax(Var a) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** For {@code a} of shape {@code [n, c]}: {@code out[i] = a[i, index[i]]}, shape {@code [n]}. */
    public static Var gather(Var a, int[] index) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Rows of {@code a} (axis 0) in the given order (repeats allowed); gradients scatter-add back. */
    public static Var indexSelect(Var a, int[] rows) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Sum of all elements (shape {@code []}). */
    public static Var sum(Var a) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Mean of all elements (shape {@code []}). */
    public static Var mean(Var a) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Sum over one axis. */
    public static Var sum(Var a, int axis, boolean keepDim) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Mean over one axis. */
    public static Var mean(Var a, int axis, boolean keepDim) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Elementwise clamp; gradient 1 strictly inside, 0 outside (as PyTorch). */
    public static Var clamp(Var a, float lo, float hi) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Elementwise minimum with broadcasting (PPO clipped surrogate); ties send the gradient to {@code a}. */
    public static Var minimum(Var a, Var b) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Elementwise maximum with broadcasting (clipped value loss); ties send the gradient to {@code a}. */
    public static Var maximum(Var a, Var b) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Concatenation along an axis. */
    public static Var concat(int axis, Var... parts) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** The half-open range {@code [from, to)} along an axis. */
    public static Var slice(Var a, int axis, int from, int to) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Same data, new shape (one -1 allowed). */
    public static Var reshape(Var a, int... shape) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Layer normalisation over the last axis with affine {@code gamma, beta} of shape {@code [last]}. */
    public static Var layerNorm(Var x, Var gamma, Var beta, float eps) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Elementwise Huber: {@code a²/2} for {@code |a| ≤ δ}, {@code δ(|a| − δ/2)} beyond (MODEL.md §8 HAPPO critic, δ = 10). */
    public static Var huber(Var a, float delta) {
        throw new UnsupportedOperationException("not implemented yet");
    }

}
