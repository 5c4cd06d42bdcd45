package org.retailrl.nn;

import java.util.List;
import org.retailrl.autodiff.Tape;
import org.retailrl.autodiff.Var;
import org.retailrl.core.Tensor;
import org.retailrl.core.random.Rng;
import org.retailrl.core.parallel.TeamKernels;
import org.retailrl.core.parallel.WorkerTeam;
import org.retailrl.core.simd.Kernels;

/**
 * One GRU layer over a whole sequence, recorded on the tape as a single fused op with a
 * hand-written backpropagation through time (docs/model.md §8 networks: GRU1 and GRU2 of the FSDA
 * actor and critic). The equations are PyTorch's, with gate order {@code (r, z, n)}:
 * <pre>
 *   r  = σ(W_ir x + b_ir + W_hr h + b_hr)
 *   z  = σ(W_iz x + b_iz + W_hz h + b_hz)
 *   n  = tanh(W_in x + b_in + r ⊙ (W_hn h + b_hn))
 *   h' = (1 − z) ⊙ n + z ⊙ h
 * </pre>
 * A reset mask value of 1 at {@code (t, b)} zeroes the hidden state entering step {@code t} of
 * sequence {@code b} (a new episode starts there), and no gradient flows across that boundary.
 *
 * <p>Layout is time-major ({@code [T, B, ·]}) so the rows of one step are contiguous. The input
 * projection is one GEMM {@code [rows, in]×[in, 3H]} per block of about 256 rows; each step adds
 * only the recurrent GEMM {@code [B, H]×[H, 3H]}. Both right operands are packed once per call when
 * the tape records gradients; without gradients (inference, one step per call) the packing is kept
 * and reused until the weights' values change. The
 * backward pass does one GEMM per step ({@code dh·W_hh}, also packed once) and the weight and
 * input gradients as big GEMMs per block of steps. Every buffer comes from the tape's pool, so
 * nothing is allocated per step.
 *
 * <p>Initialisation as PyTorch: every weight and bias uniform on {@code ±1/√H}.
 */
public final class GRULayer implements Module {
    private final int in;
    private final int hidden;
    private final Parameter weightIh;
    private final Parameter weightHh;
    private final Parameter biasIh;
    private final Parameter biasHh;
    /** {@code W_ihᵀ} and {@code W_hhᵀ} packed for inference, kept while the weights are unchanged. */
    private final DerivedWeights packedIh = new DerivedWeights(w -> packedTranspose(w, in()));
    private final DerivedWeights packedHh = new DerivedWeights(w -> packedTranspose(w, hidden()));

    /** A layer named {@code name} with {@code in} inputs and {@code hidden} units. */
    public GRULayer(String name, int in, int hidden, Rng rng) {
        if (in < 1) {
            throw new IllegalArgumentException("in must be >= 1, got " + in);
        }
        if (hidden < 1) {
            throw new IllegalArgumentException("hidden must be >= 1, got " + hidden);
        }
        this.in = in;
        this.hidden = hidden;
        weightIh = new Parameter(name + ".weight_ih", Tensor.zeros(3 * hidden, in));
        weightHh = new Parameter(name + ".weight_hh", Tensor.zeros(3 * hidden, hidden));
        biasIh = new Parameter(name + ".bias_ih", Tensor.zeros(3 * hidden));
        biasHh = new Parameter(name + ".bias_hh", Tensor.zeros(3 * hidden));
        double bound = 1.0 / Math.sqrt(hidden);
        for (Parameter p : parameters()) {
            Init.uniform(p.value(), bound, rng);
        }
    }

    /** Input width. */
    public int in() {
        return in;
    }

    /** Hidden width {@code H}. */
    public int hidden() {
        return hidden;
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(weightIh, weightHh, biasIh, biasHh);
    }

    /** {@code [3H, in]}, gate blocks r, z, n. */
    public Parameter weightIh() {
        return weightIh;
    }

    /** {@code [3H, H]}, gate blocks r, z, n. */
    public Parameter weightHh() {
        return weightHh;
    }

    /** {@code [3H]}. */
    public Parameter biasIh() {
        return biasIh;
    }

    /** {@code [3H]}. */
    public Parameter biasHh() {
        return biasHh;
    }

    /**
     * Runs the layer over a time-major sequence.
     *
     * @param x    input of shape {@code [T, B, in]}
     * @param mask reset flags in time-major order ({@code mask[t·B + b]}, 1 = reset), or null
     * @param h0   initial hidden state {@code [B, H]}, or null for zeros
     * @return all hidden states {@code [T, B, H]}; the last step is the final hidden state
     */
    public Var forwardTimeMajor(Var x, float[] mask, Var h0) {
        int[] s = x.shape();
        if (s.length != 3 || s[2] != in) {
            throw new IllegalArgumentException("GRULayer: input shape " + java.util.Arrays.toString(s) + " must be [T, B, " + in + "]");
        }
        final int steps = s[0];
        final int batch = s[1];
        final int h = hidden;
        final int g = 3 * h;
        final int rows = steps * batch;
        if (mask != null && mask.length != rows) {
            throw new IllegalArgumentException("GRULayer: mask length " + mask.length + " must be T·B = " + rows);
        }
        if (h0 != null && !h0.value().hasShape(batch, h)) {
            throw new IllegalArgumentException("GRULayer: h0 shape " + java.util.Arrays.toString(h0.shape()) + " must be [" + batch + ", " + h + "]");
        }
        Tape tape = x.tape();
        float[] xd = x.value().data();
        Tensor gatesT = tape.empty(rows, g);
        Tensor hnT = tape.empty(rows, h);
        Tensor hprevT = tape.empty(rows, h);
        Tensor yT = tape.empty(steps, batch, h);
        float[] gates = gatesT.data();
        float[] hn = hnT.data();
        float[] hprev = hprevT.data();
        float[] y = yT.data();
        float[] bih = biasIh.value().data();
        float[] wih = weightIh.value().data();
        // W_ihᵀ [in, 3H] and W_hhᵀ [H, 3H] packed once for all steps instead of by every step's GEMM.
        float[] wihT;
        float[] whhT;
        if (tape.isGradEnabled()) {
            whhT = tape.empty(Kernels.packedRightSize(h, g)).data();
            Kernels.packRight(true, h, g, weightHh.value().data(), 0, h, whhT, 0);
            wihT = tape.empty(Kernels.packedRightSize(in, g)).data();
            Kernels.packRight(true, in, g, wih, 0, in, wihT, 0);
        } else {
            wihT = packedIh.of(wih, tape.weightsEpoch());
            whhT = packedHh.of(weightHh.value().data(), tape.weightsEpoch());
        }
        float[] h0d = h0 == null ? null : h0.value().data();

        // The biases join the step kernels (recurrentBias), so neither GEMM needs a bias pass or a
        // bias-initialised output.
        float[] ghInit = recurrentBias(tape.empty(g).data());

        // The input projection of a block of steps is computed just before the block runs, into
        // one block-sized buffer that every block reuses (blocks of about 256 rows): the GEMM then
        // writes to cache-warm memory, and the step kernel streams the gates out to their
        // sequence-long storage. W_ihᵀ is packed once for all blocks.
        // On a team the sequences are split into row shards, each running the whole recurrence
        // on its own rows with no synchronisation: a row's result does not depend on which other
        // rows share a GEMM, so the output is bit-identical to the serial pass.
        WorkerTeam team = tape.team();
        int parts = TeamKernels.parts(team, batch / 4, (long) rows * g * (in + h));
        if (parts == 1) {
            int chunk = Math.max(1, CHUNK_ROWS / batch);
            float[] gi = tape.empty(Math.min(chunk, steps) * batch, g).data();
            float[] gh = tape.empty(batch, g).data();
            forwardRows(0, batch, chunk, steps, batch, xd, mask, h0d, 0, wihT, whhT, ghInit, bih, gates, hn, hprev, y, gi,
                    gh);
        } else {
            float[][] gi = new float[parts][];
            float[][] gh = new float[parts][];
            for (int p = 0; p < parts; p++) {
                gi[p] = tape.empty(batch, g).data();
                gh[p] = tape.empty(batch, g).data();
            }
            team.run(w -> {
                if (w < parts) {
                    int b0 = WorkerTeam.start(w, parts, batch, 4);
                    int b1 = WorkerTeam.start(w + 1, parts, batch, 4);
                    forwardRows(b0, b1, 1, steps, batch, xd, mask, h0d, 0, wihT, whhT, ghInit, bih, gates, hn, hprev, y,
                            gi[w], gh[w]);
                }
            });
        }
        // The weights always take gradients, so only the tape's no-grad mode turns recording off.
        boolean grad = tape.isGradEnabled();
        Var out = tape.result(yT, grad);
        if (grad) {
            tape.record(() -> backward(x, mask, h0, out, steps, batch, gates, hn, hprev));
        }
        return out;
    }

    /**
     * One step of {@code batch} sequences without a tape ({@link RecurrentNet#step}): input
     * {@code x [B, in]}, reset flags {@code mask [B]} (or null), entering state
     * {@code h0[h0Off, h0Off + B·H)}, new state into {@code y [B, H]} ({@code y} must not overlap
     * the entering state). The operations of {@link #forwardTimeMajor} with one step and gradients
     * off on a serial team, so the same bits; the buffers come from {@code ws}, so nothing is
     * allocated once it has grown.
     */
    void step(float[] x, float[] mask, float[] h0, int h0Off, int batch, float[] y, RecurrentNet.StepWorkspace ws,
              long weightsEpoch) {
        final int h = hidden;
        final int g = 3 * h;
        float[] bih = biasIh.value().data();
        float[] wihT = packedIh.of(weightIh.value().data(), weightsEpoch);
        float[] whhT = packedHh.of(weightHh.value().data(), weightsEpoch);
        float[] ghInit = recurrentBias(ws.floats(RecurrentNet.StepWorkspace.GH_INIT, g));
        int chunk = Math.max(1, CHUNK_ROWS / batch);
        forwardRows(0, batch, chunk, 1, batch, x, mask, h0, h0Off, wihT, whhT, ghInit, bih,
                ws.floats(RecurrentNet.StepWorkspace.GATES, batch * g), ws.floats(RecurrentNet.StepWorkspace.HN, batch * h),
                ws.floats(RecurrentNet.StepWorkspace.HPREV, batch * h), y,
                ws.floats(RecurrentNet.StepWorkspace.GI, batch * g), ws.floats(RecurrentNet.StepWorkspace.GH, batch * g));
    }

    /**
     * The recurrence for sequences {@code [b0, b1)}: input projections (of {@code chunk} steps at a
     * time, which needs all rows, or of one step), recurrent GEMM and gate kernels per step.
     */
    private void forwardRows(int b0, int b1, int chunk, int steps, int batch, float[] xd, float[] mask, float[] h0d,
                             int h0Off, float[] wihT, float[] whhT, float[] ghInit, float[] bih, float[] gates,
                             float[] hn, float[] hprev, float[] y, float[] gi, float[] gh) {
        final int h = hidden;
        final int g = 3 * h;
        final int nb = b1 - b0;
        if (nb == 0) {
            return;
        }
        for (int t = 0; t < steps; t++) {
            int base = t * batch;
            if (t % chunk == 0) {
                // A block of several steps spans whole steps, so only the full batch (nb = batch) uses it.
                int n = Math.min(chunk, steps - t) * nb;
                Kernels.gemmPackedRight(n, g, in, xd, (base + b0) * in, in, wihT, 0, gi, 0, g, false);
            }
            int giBase = (t % chunk) * nb;
            for (int b = b0; b < b1; b++) {
                int dst = (base + b) * h;
                boolean reset = mask != null && mask[base + b] != 0f;
                if (reset || (t == 0 && h0d == null)) {
                    java.util.Arrays.fill(hprev, dst, dst + h, 0f);
                } else if (t == 0) {
                    System.arraycopy(h0d, h0Off + b * h, hprev, dst, h);
                } else {
                    System.arraycopy(y, dst - batch * h, hprev, dst, h);
                }
            }
            Kernels.gemmPackedRight(nb, g, h, hprev, (base + b0) * h, h, whhT, 0, gh, 0, g, false);
            for (int b = b0; b < b1; b++) {
                int go = (base + b) * g;
                int ho = (b - b0) * g;
                int ro = (base + b) * h;
                int io = (giBase + b - b0) * g;
                Kernels.addSigmoid(gi, io, gh, ho, ghInit, 0, gates, go, 2 * h);
                System.arraycopy(gi, io + 2 * h, gates, go + 2 * h, h);
                Kernels.add(gh, ho + 2 * h, ghInit, 2 * h, hn, ro, h);
                Kernels.gruForwardTail(gates, go, bih, 2 * h, hn, hprev, ro, y, ro, h);
            }
        }
    }

    /**
     * The bias the step kernels add to the recurrent product, into {@code dst} ({@code 3H}):
     * {@code b_ih + b_hh} for r and z, {@code b_hn} alone for n ({@code b_in} is added where n is
     * formed, outside {@code r ⊙ (W_hn h + b_hn)}).
     */
    private float[] recurrentBias(float[] dst) {
        int h = hidden;
        float[] bhh = biasHh.value().data();
        Kernels.add(biasIh.value().data(), 0, bhh, 0, dst, 0, 2 * h);
        System.arraycopy(bhh, 2 * h, dst, 2 * h, h);
        return dst;
    }

    /** {@code wᵀ} of a {@code [3H, k]} weight, packed as the right operand of a {@code [·, k]×[k, 3H]} GEMM. */
    private float[] packedTranspose(float[] w, int k) {
        int g = 3 * hidden;
        float[] packed = new float[Kernels.packedRightSize(k, g)];
        Kernels.packRight(true, k, g, w, 0, k, packed, 0);
        return packed;
    }

    private void backward(Var x, float[] mask, Var h0, Var out, int steps, int batch,
                          float[] gates, float[] hn, float[] hprev) {
        if (!out.hasGrad()) {
            return;
        }
        Tape tape = x.tape();
        final int h = hidden;
        final int g = 3 * h;
        float[] dy = out.grad().data();
        // The weight, bias and input gradients of a block of steps are taken as soon as the block
        // is done, while its gate gradients are still in cache (blocks of about 256 rows).
        final int chunk = Math.max(1, CHUNK_ROWS / batch);
        final int blockSteps = Math.min(chunk, steps);
        // On a team every member runs the recurrence of its own row shard, then each takes its
        // share of every block's weight gradient (rows of dW), bias gradient (columns) and input
        // gradient (rows of dx), blocks in the serial order and each summed over the block's rows
        // in the serial order, so the gradients are bit-identical to the serial pass.
        WorkerTeam team = tape.team();
        int rows = steps * batch;
        boolean split = TeamKernels.parts(team, batch / 4, (long) rows * g * (in + 2 * h)) > 1;
        // Gate-preactivation gradients of the input side (dgi) and the recurrent side (dgh);
        // they differ only in the n block (dgh_n = dgi_n ⊙ r). Serially nothing reads them after
        // their block is flushed, so they span one block only and stay in L2 instead of streaming
        // 2·T·B·3H floats through memory. On a team they span the whole sequence instead, so the
        // members meet once per pass rather than twice per block.
        int held = split ? steps : blockSteps;
        float[] dgi = tape.empty(held * batch, g).data();
        float[] dgh = tape.empty(held * batch, g).data();
        float[] dh = tape.zeros(batch, h).data();
        float[] dhp = tape.empty(batch, h).data();
        // W_hh [3H, H] packed once for the dh·W_hh GEMM of every step.
        float[] whh = tape.empty(Kernels.packedRightSize(g, h)).data();
        Kernels.packRight(false, g, h, weightHh.value().data(), 0, h, whh, 0);
        float[] colSums = tape.empty(g).data();
        // The blocks' input-gradient GEMMs together write every row of dx once, so a first
        // contribution needs no zeroed buffer.
        boolean dxAdd = !x.requiresGrad() || x.freshGrad() == null;
        if (split) {
            int parts = team.size();
            team.run(w -> {
                backwardRows(w, parts, x, mask, steps, batch, steps, steps, gates, hn, hprev, dy, dgi, dgh, dh, dhp,
                        whh, colSums, dxAdd);
                team.await();
                // The serial pass's blocks — chunk steps each counted from the end, the last first —
                // each read from its rows of the sequence-long buffers.
                for (int end = steps; end > 0; ) {
                    int t0 = Math.max(0, end - chunk);
                    flushBlock(w, parts, x, dgi, dgh, t0 * batch, hprev, t0 * batch, (end - t0) * batch, colSums, dxAdd);
                    end = t0;
                }
            });
        } else {
            backwardRows(0, 1, x, mask, steps, batch, chunk, blockSteps, gates, hn, hprev, dy, dgi, dgh, dh, dhp,
                    whh, colSums, dxAdd);
        }
        if (h0 != null && h0.requiresGrad()) {
            // Each step swaps the two state-gradient buffers, so after T steps dh holds it again
            // when T is even.
            float[] last = steps % 2 == 0 ? dh : dhp;
            float[] dh0 = h0.grad().data();
            Kernels.add(dh0, 0, last, 0, dh0, 0, batch * h);
        }
    }

    /**
     * Backpropagation through time for the rows of member {@code part} of {@code parts}. With
     * {@code chunk < steps} (serial only) each block's gradients are flushed as soon as the block
     * is done, into block-sized gate buffers; with {@code chunk = steps} the gate gradients of the
     * whole sequence are kept for the caller to flush.
     */
    private void backwardRows(int part, int parts, Var x, float[] mask, int steps, int batch, int chunk,
                              int blockSteps, float[] gates, float[] hn, float[] hprev, float[] dy, float[] dgi, float[] dgh,
                              float[] dh, float[] dhp, float[] whh, float[] colSums, boolean dxAdd) {
        final int h = hidden;
        final int g = 3 * h;
        final int b0 = WorkerTeam.start(part, parts, batch, 4);
        final int b1 = WorkerTeam.start(part + 1, parts, batch, 4);
        final boolean flush = chunk < steps || parts == 1;
        int chunkEnd = steps;
        for (int t = steps - 1; t >= 0; t--) {
            int base = t * batch;
            // Step t of the block ending at chunkEnd sits at local step t − (chunkEnd − blockSteps),
            // which stays in [0, blockSteps) also for the short first block.
            int local = (t - (chunkEnd - blockSteps)) * batch;
            for (int b = b0; b < b1; b++) {
                int ro = (base + b) * h;
                int go = (base + b) * g;
                int bo = b * h;
                Kernels.gruBackwardRow(gates, go, hn, hprev, dy, ro, dh, dhp, bo, dgi, dgh, (local + b) * g, h);
            }
            if (b1 > b0) {
                Kernels.gemmPackedRight(b1 - b0, h, g, dgh, (local + b0) * g, g, whh, 0, dhp, b0 * h, h, true);
            }
            if (mask != null) {
                for (int b = b0; b < b1; b++) {
                    if (mask[base + b] != 0f) {
                        java.util.Arrays.fill(dhp, b * h, b * h + h, 0f);
                    }
                }
            }
            float[] tmp = dh;
            dh = dhp;
            dhp = tmp;
            if (flush && (t == 0 || chunkEnd - t == chunk)) {
                int local0 = (t - (chunkEnd - blockSteps)) * batch;
                flushBlock(0, 1, x, dgi, dgh, local0, hprev, t * batch, (chunkEnd - t) * batch, colSums, dxAdd);
                chunkEnd = t;
            }
        }
    }

    /**
     * Rows per block of the forward input projection and of the blocked gradient pass of
     * {@link #backward}. 256 ran faster on W1 than 128, 512 and 1024: a block's projection and
     * gate gradients stay in L2 between the step that writes them and the GEMM that reads them.
     */
    private static final int CHUNK_ROWS = 256;

    /**
     * Weight, bias and input gradients of rows {@code [r0, r0 + n)}, whose gate gradients start at
     * row {@code l0} of dgi and dgh: member {@code part} of {@code parts} takes its rows of the
     * weight gradients and of dx and its columns of the bias gradients.
     */
    private void flushBlock(int part, int parts, Var x, float[] dgi, float[] dgh, int l0, float[] hprev, int r0, int n,
                            float[] colSums, boolean dxAdd) {
        final int h = hidden;
        final int g = 3 * h;
        WeightGrad.accumulatePart(part, parts, dgi, l0 * g, x.value().data(), r0 * in, n, g, in, weightIh.grad().data());
        WeightGrad.accumulatePart(part, parts, dgh, l0 * g, hprev, r0 * h, n, g, h, weightHh.grad().data());
        // Bias gradients are column sums; the r and z columns of dgi and dgh are equal, so only
        // the n columns of dgi need a second sum (into the n columns of the scratch row).
        int c0 = TeamKernels.columnStart(part, parts, g);
        int c1 = TeamKernels.columnStart(part + 1, parts, g);
        float[] dbih = biasIh.grad().data();
        float[] dbhh = biasHh.grad().data();
        if (c1 > c0) {
            Kernels.columnSums(dgh, l0 * g + c0, n, c1 - c0, g, colSums, c0);
            Kernels.add(dbhh, c0, colSums, c0, dbhh, c0, c1 - c0);
            int rz = Math.min(c1, 2 * h);
            if (rz > c0) {
                Kernels.add(dbih, c0, colSums, c0, dbih, c0, rz - c0);
            }
            int n0 = Math.max(c0, 2 * h);
            if (c1 > n0) {
                Kernels.columnSums(dgi, l0 * g + n0, n, c1 - n0, g, colSums, n0);
                Kernels.add(dbih, n0, colSums, n0, dbih, n0, c1 - n0);
            }
        }
        if (x.requiresGrad()) {
            TeamKernels.gemmPart(part, parts, false, false, n, in, g, dgi, l0 * g, g, weightIh.value().data(), 0, in,
                    x.grad().data(), r0 * in, in, dxAdd);
        }
    }
}
