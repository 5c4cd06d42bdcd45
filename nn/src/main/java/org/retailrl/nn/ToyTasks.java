package org.retailrl.nn;

import java.util.ArrayList;
import java.util.List;
import org.retailrl.autodiff.Ops;
import org.retailrl.autodiff.Tape;
import org.retailrl.autodiff.Var;
import org.retailrl.core.Tensor;
import org.retailrl.core.random.Rng;

/**
 * Two small supervised tasks that show the layers learn (the selfcheck command, docs/model.md §8
 * networks), trained with Adam on the mean squared error:
 * <ul>
 *   <li>XOR: an MLP 2 → 8 → 1 (tanh) fits the four XOR cases (targets 0/1);</li>
 *   <li>recall: a GRU 1 → 16 reads a sequence of 10 random ±1 inputs and must output the
 *       <em>first</em> one at the last step, which needs memory across 9 steps; chance accuracy is
 *       0.5.</li>
 * </ul>
 */
public final class ToyTasks {
    /** Sequence length of the recall task. */
    public static final int RECALL_STEPS = 10;
    private static final int RECALL_BATCH = 32;
    private static final int RECALL_EVAL = 512;

    private ToyTasks() {
    }

    private static void checkSteps(int steps, int logEvery) {
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be >= 1, got " + steps);
        }
        if (logEvery < 1) {
            throw new IllegalArgumentException("logEvery must be >= 1, got " + logEvery);
        }
    }

    /** Trains the XOR MLP for {@code steps} full-batch Adam updates (lr 0.05). */
    public static ToyRun xor(long seed, int steps, int logEvery) {
        checkSteps(steps, logEvery);
        Rng rng = new Rng(seed);
        MLP mlp = new MLP("xor", new int[] {2, 8, 1}, Activation.TANH, Activation.IDENTITY, 1.0, rng);
        Adam adam = new Adam(mlp.parameters(), AdamConfig.DEFAULTS.withLr(0.05));
        Tensor x = Tensor.of(new float[] {0, 0, 0, 1, 1, 0, 1, 1}, 4, 2);
        Tensor y = Tensor.of(new float[] {0, 1, 1, 0}, 4, 1);
        Tape tape = new Tape();
        List<Integer> at = new ArrayList<>();
        List<Double> losses = new ArrayList<>();
        for (int s = 0; s < steps; s++) {
            tape.reset();
            mlp.zeroGrad();
            Var loss = mse(mlp.forward(tape.constant(x)), tape.constant(y));
            tape.backward(loss);
            adam.step();
            if (s % logEvery == 0 || s == steps - 1) {
                at.add(s);
                losses.add((double) loss.value().item());
            }
        }
        tape.reset();
        Var pred = mlp.forward(tape.constant(x));
        double finalLoss = mse(pred, tape.constant(y)).value().item();
        int correct = 0;
        for (int i = 0; i < 4; i++) {
            correct += ((pred.value().data()[i] > 0.5f) == (y.data()[i] > 0.5f)) ? 1 : 0;
        }
        return new ToyRun("xor", toInts(at), toDoubles(losses), finalLoss, correct / 4.0);
    }

    /** Trains the recall GRU for {@code steps} Adam updates (lr 0.01) on fresh batches of 32. */
    public static ToyRun recall(long seed, int steps, int logEvery) {
        checkSteps(steps, logEvery);
        Rng rng = new Rng(seed);
        GRU gru = new GRU("recall.gru", 1, 16, 1, rng.split());
        Linear head = new Linear("recall.head", 16, 1, 1.0, rng.split());
        List<Parameter> params = Module.concat(gru, head);
        Adam adam = new Adam(params, AdamConfig.DEFAULTS.withLr(0.01));
        Rng data = rng.split();
        Tape tape = new Tape();
        List<Integer> at = new ArrayList<>();
        List<Double> losses = new ArrayList<>();
        for (int s = 0; s < steps; s++) {
            tape.reset();
            for (Parameter p : params) {
                p.zeroGrad();
            }
            Tensor[] xy = recallBatch(RECALL_BATCH, data);
            Var loss = mse(recallForward(gru, head, tape.constant(xy[0])), tape.constant(xy[1]));
            tape.backward(loss);
            adam.step();
            if (s % logEvery == 0 || s == steps - 1) {
                at.add(s);
                losses.add((double) loss.value().item());
            }
        }
        tape.reset();
        tape.setGradEnabled(false);
        Tensor[] xy = recallBatch(RECALL_EVAL, new Rng(seed ^ 0x5DEECE66DL));
        Var pred = recallForward(gru, head, tape.constant(xy[0]));
        double finalLoss = mse(pred, tape.constant(xy[1])).value().item();
        int correct = 0;
        for (int i = 0; i < RECALL_EVAL; i++) {
            correct += (pred.value().data()[i] > 0) == (xy[1].data()[i] > 0) ? 1 : 0;
        }
        return new ToyRun("recall", toInts(at), toDoubles(losses), finalLoss, (double) correct / RECALL_EVAL);
    }

    private static Var recallForward(GRU gru, Linear head, Var x) {
        GRU.Output out = gru.forward(x, null, null);
        return head.forward(SeqOps.select(out.lastHidden(), 0));
    }

    /** Inputs {@code [n, T, 1]} of random ±1 and targets {@code [n, 1]} = the first input. */
    static Tensor[] recallBatch(int n, Rng rng) {
        Tensor x = Tensor.zeros(n, RECALL_STEPS, 1);
        Tensor y = Tensor.zeros(n, 1);
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < RECALL_STEPS; t++) {
                x.data()[i * RECALL_STEPS + t] = rng.nextInt(2) == 0 ? -1f : 1f;
            }
            y.data()[i] = x.data()[i * RECALL_STEPS];
        }
        return new Tensor[] {x, y};
    }

    private static Var mse(Var pred, Var target) {
        return Ops.mean(Ops.square(Ops.sub(pred, target)));
    }

    private static int[] toInts(List<Integer> l) {
        return l.stream().mapToInt(Integer::intValue).toArray();
    }

    private static double[] toDoubles(List<Double> l) {
        return l.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
