package org.retailrl.autodiff;

/**
 * The differentiable tensor ops of the tape (docs/model.md §8: everything PPO, HAPPO, FSDA and MTMA
 * differentiate). Each op computes its value eagerly into a buffer from the tape's pool and, when
 * some input requires gradients, records one backward closure that adds into those inputs'
 * gradients (inputs that do not require gradients never get a gradient buffer). Shape errors name
 * both shapes, e.g. {@code "matmul: shape [2, 3] vs [4, 5]"}. Values are dimensionless floats;
 * the broadcasting rule and the pooling contract are described in the package documentation.
 */
public final class Ops {
    private Ops() {
    }

    /** Matrix product {@code [m,k]·[k,n] → [m,n]}; {@code a} may also be {@code [..., k]} (rows flattened). */
    public static Var matmul(Var a, Var b) {
        return MatrixOps.matmul(a, b, false, false);
    }

    /**
     * Matrix product {@code op(a)·op(b)} with {@code op(x) = xᵀ} when its flag is set (no copy is
     * made; GEMM reads the transposed layout). With {@code transA}, {@code a} must have rank 2.
     */
    public static Var matmul(Var a, Var b, boolean transA, boolean transB) {
        return MatrixOps.matmul(a, b, transA, transB);
    }

    /** Batched matrix product {@code [B,m,k]·[B,k,n] → [B,m,n]}. */
    public static Var bmm(Var a, Var b) {
        return MatrixOps.bmm(a, b, false, false);
    }

    /** Batched matrix product with optional transposes of either operand's last two axes (attention: {@code Q·Kᵀ}). */
    public static Var bmm(Var a, Var b, boolean transA, boolean transB) {
        return MatrixOps.bmm(a, b, transA, transB);
    }

    /** Fused affine map {@code x·W + bias}: {@code x [..., in]}, {@code W [in, out]}, {@code bias [out]} or null. */
    public static Var linear(Var x, Var w, Var bias) {
        return MatrixOps.linear(x, w, bias);
    }

    /** Elementwise sum with NumPy-style broadcasting of trailing dimensions. */
    public static Var add(Var a, Var b) {
        return BinaryOps.apply(BinaryOps.Kind.ADD, a, b);
    }

    /** Elementwise difference with broadcasting. */
    public static Var sub(Var a, Var b) {
        return BinaryOps.apply(BinaryOps.Kind.SUB, a, b);
    }

    /** Elementwise product with broadcasting (also the way to apply a 0/1 mask). */
    public static Var mul(Var a, Var b) {
        return BinaryOps.apply(BinaryOps.Kind.MUL, a, b);
    }

    /** Elementwise quotient with broadcasting (IEEE semantics: dividing by 0 gives ±∞ or NaN). */
    public static Var div(Var a, Var b) {
        return BinaryOps.apply(BinaryOps.Kind.DIV, a, b);
    }

    /** {@code −a}. */
    public static Var neg(Var a) {
        return UnaryOps.neg(a);
    }

    /** {@code s·a}; {@code s} must be finite. */
    public static Var scale(Var a, float s) {
        return UnaryOps.scale("scale", a, s);
    }

    /** {@code a + s}; {@code s} must be finite. */
    public static Var addScalar(Var a, float s) {
        return UnaryOps.addScalar(a, s);
    }

    /** Elementwise tanh. */
    public static Var tanh(Var a) {
        return UnaryOps.tanh(a);
    }

    /** Elementwise logistic σ. */
    public static Var sigmoid(Var a) {
        return UnaryOps.sigmoid(a);
    }

    /** Elementwise max(a, 0); the gradient at exactly 0 is 0 (as PyTorch). */
    public static Var relu(Var a) {
        return UnaryOps.relu(a);
    }

    /** Elementwise e^a. */
    public static Var exp(Var a) {
        return UnaryOps.exp(a);
    }

    /** Elementwise natural log (log of a non-positive value gives −∞ or NaN, as IEEE). */
    public static Var log(Var a) {
        return UnaryOps.log(a);
    }

    /** Elementwise √a (differentiable for a > 0). */
    public static Var sqrt(Var a) {
        return UnaryOps.sqrt(a);
    }

    /** Elementwise |a|; the gradient at exactly 0 is 0. */
    public static Var abs(Var a) {
        return UnaryOps.abs(a);
    }

    /** Elementwise a². */
    public static Var square(Var a) {
        return UnaryOps.square(a);
    }

    /** Softmax over the last axis (max-subtracted, stable). */
    public static Var softmax(Var a) {
        return RowOps.softmax(a, false);
    }

    /** Log-softmax over the last axis (max-subtracted, stable). */
    public static Var logSoftmax(Var a) {
        return RowOps.softmax(a, true);
    }

    /** {@code log Σ e^a} over the last axis (max-subtracted); the last axis is dropped. */
    public static Var logSumExp(Var a) {
        return LogitOps.logSumExp(a);
    }

    /**
     * Entropy {@code −Σ p log p} of {@code p = softmax(a)} over the last axis, in nats (the PPO
     * entropy bonus, docs/model.md §8); the last axis is dropped. Fused: no probability tensor is kept.
     */
    public static Var entropyFromLogits(Var a) {
        return LogitOps.entropy(a);
    }

    /**
     * For {@code a} of shape {@code [n, c]}: {@code out[i] = a[i, index[i]]}, shape {@code [n]}.
     * More generally {@code a [..., c]} gives {@code out [...]}, one index per row.
     */
    public static Var gather(Var a, int[] index) {
        return ShapeOps.gather(a, index);
    }

    /** Rows of {@code a} (axis 0) in the given order (repeats allowed); gradients scatter-add back. */
    public static Var indexSelect(Var a, int[] rows) {
        return ShapeOps.indexSelect(a, rows);
    }

    /** Sum of all elements (shape {@code []}), accumulated in double. */
    public static Var sum(Var a) {
        return ReduceOps.sumAll("sum", a, false);
    }

    /** Mean of all elements (shape {@code []}); {@code a} must not be empty. */
    public static Var mean(Var a) {
        return ReduceOps.sumAll("mean", a, true);
    }

    /** Sum over one axis (negative counts from the end). */
    public static Var sum(Var a, int axis, boolean keepDim) {
        return ReduceOps.sumAxis("sum", a, axis, keepDim, false);
    }

    /** Mean over one axis (negative counts from the end). */
    public static Var mean(Var a, int axis, boolean keepDim) {
        return ReduceOps.sumAxis("mean", a, axis, keepDim, true);
    }

    /**
     * Elementwise clamp to {@code [lo, hi]}; gradient 1 for {@code lo ≤ a ≤ hi} (edges included,
     * as PyTorch), 0 outside. Requires {@code lo ≤ hi}.
     */
    public static Var clamp(Var a, float lo, float hi) {
        return UnaryOps.clamp(a, lo, hi);
    }

    /** Elementwise minimum with broadcasting (PPO clipped surrogate); ties send the gradient to {@code a}. */
    public static Var minimum(Var a, Var b) {
        return BinaryOps.apply(BinaryOps.Kind.MIN, a, b);
    }

    /** Elementwise maximum with broadcasting (clipped value loss); ties send the gradient to {@code a}. */
    public static Var maximum(Var a, Var b) {
        return BinaryOps.apply(BinaryOps.Kind.MAX, a, b);
    }

    /** Concatenation along an axis (negative counts from the end); other dimensions must agree. */
    public static Var concat(int axis, Var... parts) {
        return ShapeOps.concat(axis, parts);
    }

    /** The half-open range {@code [from, to)} along an axis. */
    public static Var slice(Var a, int axis, int from, int to) {
        return ShapeOps.slice(a, axis, from, to);
    }

    /** Same data, new shape (one -1 allowed); the value is a view of {@code a}'s storage. */
    public static Var reshape(Var a, int... shape) {
        return ShapeOps.reshape(a, shape);
    }

    /**
     * Layer normalisation over the last axis with affine {@code gamma, beta} of shape
     * {@code [last]} (either may be null): {@code γ ⊙ (x − μ)/√(σ² + eps) + β}, biased σ².
     */
    public static Var layerNorm(Var x, Var gamma, Var beta, float eps) {
        return RowOps.layerNorm(x, gamma, beta, eps);
    }

    /** Elementwise Huber: {@code a²/2} for {@code |a| ≤ δ}, {@code δ(|a| − δ/2)} beyond (docs/model.md §8 HAPPO critic, δ = 10). */
    public static Var huber(Var a, float delta) {
        return UnaryOps.huber(a, delta);
    }

    /**
     * Fused causal multi-head self-attention (docs/model.md §6.3): {@code qkv [B, T, 3D]} holds the
     * query, key and value projections side by side; each of {@code heads} heads of width
     * {@code D/heads} attends from position {@code i} to positions {@code 0..i} with weights
     * {@code softmax(q·k/√d_h)} (maximum subtracted). Result {@code [B, T, D]}, heads side by side.
     */
    public static Var causalSelfAttention(Var qkv, int heads) {
        return TransformerOps.causalSelfAttention(qkv, heads);
    }

    /** Elementwise GELU, tanh form: {@code x/2 · (1 + tanh(√(2/π)(x + 0.044715 x³)))} (docs/model.md §6.3). */
    public static Var gelu(Var a) {
        return UnaryOps.gelu(a);
    }

    /**
     * Inverted dropout with drop probability {@code p ∈ [0, 1)}, one uniform of {@code rng} per
     * element in index order (docs/model.md §6.3); {@code p = 0} returns {@code a}.
     */
    public static Var dropout(Var a, float p, org.retailrl.core.random.Rng rng) {
        return UnaryOps.dropout(a, p, rng);
    }
}
