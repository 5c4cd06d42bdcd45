/**
 * Tensor-level reverse-mode automatic differentiation: the gradients every network of docs/model.md §8
 * (actor and critic MLPs, GRUs, PPO / HAPPO / FSDA / MTMA losses) is trained with.
 *
 * <h2>Tape</h2>
 * A {@link org.retailrl.autodiff.Tape} is a list of backward closures. Each op of
 * {@link org.retailrl.autodiff.Ops} computes its value eagerly and, when some input requires
 * gradients, records exactly one closure that <em>adds</em> {@code (∂out/∂input)ᵀ · dout} into
 * the gradient of each input that requires it. {@link org.retailrl.autodiff.Tape#backward} seeds the
 * output gradient and runs the closures in reverse order of recording. It is a loop, not a
 * recursive graph walk, so the depth of the computation (a GRU unrolled over thousands of steps)
 * never touches the call stack. Nodes ({@link org.retailrl.autodiff.Var}) are whole tensors.
 * {@link org.retailrl.autodiff.Tape#setGradEnabled} turns recording off for rollouts.
 *
 * <h2>Ops</h2>
 * <ul>
 *   <li>Products: {@code matmul} (any transposes; a left operand {@code [..., k]} is flattened to
 *       rows), {@code bmm} (batched, any transposes), {@code linear} ({@code x·W + b} fused). Forward
 *       and backward are single calls of {@code Kernels.gemm} with transpose flags and, in
 *       backward, {@code accumulate}: {@code dA += dC·Bᵀ}, {@code dB += Aᵀ·dC}, no transposed
 *       copies.</li>
 *   <li>Broadcasting binary: {@code add, sub, mul, div, minimum, maximum}.</li>
 *   <li>Elementwise: {@code neg, scale, addScalar, tanh, sigmoid, relu, exp, log, sqrt, abs,
 *       square, clamp, huber}. Subgradients at kinks follow PyTorch: relu and abs give 0 at 0,
 *       clamp passes the gradient for {@code lo ≤ x ≤ hi}, minimum/maximum send it to the first
 *       operand on ties.</li>
 *   <li>Rows of the last axis: {@code softmax}, {@code logSoftmax} (max-subtracted; log-softmax is
 *       {@code (x − max) − log Σ e^{x − max}}), {@code layerNorm} (biased variance, optional affine);
 *       and, dropping the last axis, {@code logSumExp} and {@code entropyFromLogits}.</li>
 *   <li>Reductions: {@code sum}, {@code mean} over everything or one axis (with {@code keepDim}).</li>
 *   <li>Movement: {@code reshape} (a view), {@code concat}, {@code slice}, {@code gather} (one
 *       column per row), {@code indexSelect} (rows, repeats allowed; gradients scatter-add).</li>
 *   <li>Transformer (docs/model.md §6.3): {@code causalSelfAttention} (fused multi-head attention over
 *       packed query/key/value projections, causal mask, max-subtracted softmax; every product one
 *       {@code Kernels.gemm} with leading dimensions that step over the packing), {@code gelu} (tanh
 *       form), {@code dropout} (inverted, drawn from a given {@code Rng} stream).</li>
 * </ul>
 *
 * <h2>Broadcasting</h2>
 * Binary elementwise ops follow NumPy: shapes are aligned at their trailing dimensions; a
 * dimension that is missing or 1 in one operand repeats to match the other; any other mismatch
 * is an {@link java.lang.IllegalArgumentException} naming both shapes, e.g.
 * {@code "add: shape [2, 3] vs [4, 3] (not broadcastable)"}. The output has the larger size in
 * every dimension. In backward, the gradient of a repeated operand is the sum of the output
 * gradient over the dimensions along which it was repeated. Internally adjacent dimensions
 * with the same repeat pattern are merged, so {@code [B,T,C] + [C]} runs as {@code B·T} contiguous
 * kernel calls of length {@code C}.
 *
 * <h2>Pooling contract</h2>
 * Op outputs, gradients created by {@link org.retailrl.autodiff.Var#grad()} and op temporaries
 * (e.g. layer norm's {@code x̂}) come from the tape's pool of float arrays, keyed by length.
 * {@link org.retailrl.autodiff.Tape#reset()} returns them all to the pool, after which every
 * {@code Var} of that tape and every tensor obtained from it is invalid (its storage is reused by
 * the next step). A training step that asks for the same sizes in the same order therefore
 * allocates no new arrays after its first run ({@link org.retailrl.autodiff.Tape#pooledAllocations()}
 * stays constant). Parameters keep their values and persistent gradients outside the pool, in
 * tensors passed to {@link org.retailrl.autodiff.Tape#leaf(org.retailrl.core.Tensor, org.retailrl.core.Tensor)};
 * backward adds into those, so they must be zeroed between optimiser steps
 * ({@link org.retailrl.autodiff.Var#zeroGrad()} or {@code Tensor.fill(0)}). An input that does not
 * require gradients never gets a gradient buffer. Values must not be modified after an op has
 * read them: backward closures read them again.
 *
 * <h2>Checking</h2>
 * {@link org.retailrl.autodiff.GradientChecker} compares a tape function with an independent
 * double-precision reference: forward values, and gradients against central finite differences
 * of the reference, with the tolerances it states.
 */
package org.retailrl.autodiff;
