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
 * A fully connected layer {@code y = x·Wᵀ + b} (docs/model.md §8 networks, the layers of MLP1/MLP2 and
 * the heads), recorded on the tape as one fused op. {@code W} is stored {@code [out, in]} as in
 * PyTorch, so the forward pass is one GEMM with a transposed right operand and the backward pass
 * two accumulating GEMMs ({@code dx += dy·W}, {@code dW += dyᵀ·x}) plus a column sum for
 * {@code db}. Inputs of any rank are accepted; all but the last dimension are rows.
 */
public final class Linear implements Module {
    private final int in;
    private final int out;
    private final Parameter weight;
    private final Parameter bias;
    /** {@code Wᵀ} for inference, kept while the weight is unchanged. */
    private final DerivedWeights transposed = new DerivedWeights(w -> {
        float[] t = new float[w.length];
        WeightGrad.transpose(w, out(), in(), t);
        return t;
    });

    /**
     * A layer named {@code name} mapping {@code in} to {@code out} features, with an orthogonal
     * weight of the given gain and a zero bias (docs/model.md §8).
     */
    public Linear(String name, int in, int out, double gain, Rng rng) {
        if (in < 1) {
            throw new IllegalArgumentException("in must be >= 1, got " + in);
        }
        if (out < 1) {
            throw new IllegalArgumentException("out must be >= 1, got " + out);
        }
        this.in = in;
        this.out = out;
        this.weight = new Parameter(name + ".weight", Tensor.zeros(out, in));
        this.bias = new Parameter(name + ".bias", Tensor.zeros(out));
        Init.orthogonal(weight.value(), gain, rng);
    }

    /** Input width. */
    public int in() {
        return in;
    }

    /** Output width. */
    public int out() {
        return out;
    }

    /** The weight {@code [out, in]}. */
    public Parameter weight() {
        return weight;
    }

    /** The bias {@code [out]}. */
    public Parameter bias() {
        return bias;
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(weight, bias);
    }

    /** {@code y = x·Wᵀ + b} for {@code x} of shape {@code [..., in]}; result {@code [..., out]}. */
    public Var forward(Var x) {
        int[] shape = x.shape();
        if (shape.length == 0 || shape[shape.length - 1] != in) {
            throw new IllegalArgumentException("Linear " + weight.name() + ": input shape "
                    + java.util.Arrays.toString(shape) + " must end in " + in);
        }
        Tape tape = x.tape();
        int rows = x.value().size() / in;
        int[] outShape = shape.clone();
        outShape[outShape.length - 1] = out;
        Tensor y = tape.empty(outShape);
        float[] yd = y.data();
        biasRows(yd, rows);
        float[] xd = x.value().data();
        float[] w = weight.value().data();
        // Wᵀ [in, out] so the GEMM packs its right operand with row copies.
        boolean grad = tape.isGradEnabled();
        float[] wt;
        if (grad) {
            wt = tape.empty(in, out).data();
            WeightGrad.transpose(w, out, in, wt);
        } else {
            wt = transposed.of(w, tape.weightsEpoch());
        }
        TeamKernels.gemm(tape.team(), false, false, rows, out, in, xd, 0, in, wt, 0, out, yd, 0, out, true);
        Var result = tape.result(y, grad);
        if (grad) {
            tape.record(() -> backward(x, result, rows));
        }
        return result;
    }

    /**
     * {@code y = x·Wᵀ + b} for {@code rows} rows of {@code x} without a tape, into {@code y}
     * ({@code rows·out} floats): what {@link #forward} computes with gradients off on a serial
     * team — the same operations in the same order, so the same bits — for one-step inference
     * ({@link RecurrentNet#step}). {@code weightsEpoch} as {@code Tape.weightsEpoch}.
     */
    void infer(float[] x, int rows, float[] y, long weightsEpoch) {
        biasRows(y, rows);
        float[] wt = transposed.of(weight.value().data(), weightsEpoch);
        Kernels.gemm(false, false, rows, out, in, x, 0, in, wt, 0, out, y, 0, out, true);
    }

    /** The bias in each of the first {@code rows} rows of {@code y}: the GEMM then accumulates onto it. */
    private void biasRows(float[] y, int rows) {
        float[] b = bias.value().data();
        for (int r = 0; r < rows; r++) {
            System.arraycopy(b, 0, y, r * out, out);
        }
    }

    private void backward(Var x, Var y, int rows) {
        if (!y.hasGrad()) {
            return;
        }
        float[] dy = y.grad().data();
        float[] xd = x.value().data();
        // Each product is split over the tape's team by output, so the sums are the serial ones.
        WorkerTeam team = y.tape().team();
        WeightGrad.accumulate(team, dy, 0, xd, 0, rows, out, in, weight.grad().data());
        float[] db = bias.grad().data();
        float[] sums = y.tape().empty(out).data();
        TeamKernels.columnSums(team, dy, 0, rows, out, out, sums, 0);
        Kernels.add(db, 0, sums, 0, db, 0, out);
        if (x.requiresGrad()) {
            // The GEMM writes all of dx, so a first contribution needs no zeroed buffer.
            boolean add = x.freshGrad() == null;
            TeamKernels.gemm(team, false, false, rows, in, out, dy, 0, out, weight.value().data(), 0, in, x.grad().data(), 0, in, add);
        }
    }
}
