/**
 * Neural-network building blocks of the engine (docs/model.md §8 networks and optimisers).
 *
 * <ul>
 *   <li>{@link org.retailrl.nn.Parameter} and {@link org.retailrl.nn.Module}: named weights with
 *       persistent gradients, listed in a fixed order.</li>
 *   <li>Layers, each one fused tape op: {@link org.retailrl.nn.Linear},
 *       {@link org.retailrl.nn.Activation}, {@link org.retailrl.nn.MLP},
 *       {@link org.retailrl.nn.GRULayer} (a whole sequence with hand-written backpropagation
 *       through time and reset masks) stacked by {@link org.retailrl.nn.GRU};
 *       {@link org.retailrl.nn.LayerNorm} and the reference {@link org.retailrl.nn.GRUCell} are
 *       built from the general autodiff ops.</li>
 *   <li>{@link org.retailrl.nn.Init}: orthogonal initialisation with gain (√2 hidden, 0.01 policy
 *       head, 1 value head).</li>
 *   <li>{@link org.retailrl.nn.Adam} (defaults in {@link org.retailrl.nn.AdamConfig}),
 *       {@link org.retailrl.nn.AdamW}, {@link org.retailrl.nn.Sgd}, {@link org.retailrl.nn.GradClip},
 *       {@link org.retailrl.nn.LrSchedule} (constant, linear annealing, warm-up then cosine).</li>
 *   <li>Transformer parts (docs/model.md §6.3): {@link org.retailrl.nn.Embedding} (learned lookup
 *       table) and {@link org.retailrl.nn.TransformerBlock} (pre-LayerNorm causal self-attention and
 *       GELU MLP with dropout).</li>
 *   <li>{@link org.retailrl.nn.RecurrentNet}: the recurrent network of every actor and critic
 *       (docs/model.md §8.1: MLP → GRU × L → linear head).</li>
 *   <li>{@link org.retailrl.nn.CategoricalRows}: log-softmax rows with their entropy and the
 *       per-minibatch advantage statistics of the clipped-surrogate loss.</li>
 * </ul>
 *
 * <h2>Model file format "RRLM", version 1</h2>
 * All integers and floats little-endian:
 * <pre>
 *   4 bytes   magic "RRLM" (ASCII)
 *   int32     format version = 1
 *   int32     parameter count P
 *   P times:  int32 name length L, L bytes UTF-8 name,
 *             int32 rank R, R × int32 dimensions,
 *             N × float32 values (row-major, N = product of the dimensions)
 *   uint32    CRC-32C of all preceding bytes
 * </pre>
 * Files are written to a temporary file, forced to disk and atomically renamed; loading checks
 * magic, version, checksum, count, names and shapes before it changes anything
 * ({@link org.retailrl.nn.ModelFile}).
 */
package org.retailrl.nn;
