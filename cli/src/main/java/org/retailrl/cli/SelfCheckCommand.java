package org.retailrl.cli;

import java.io.PrintStream;
import org.retailrl.core.simd.Kernels;
import org.retailrl.nn.ToyRun;
import org.retailrl.nn.ToyTasks;

/**
 * {@code retail selfcheck}: the default main job for now. Trains an MLP on XOR and a
 * GRU on the first-input recall task ({@link ToyTasks}, docs/model.md §8 networks), prints the loss
 * falling, and ends with PASS or FAIL (exit code 0 or 1).
 */
final class SelfCheckCommand implements Command {
    /** XOR passes below this mean squared error (constant 0.5 scores 0.25). */
    static final double XOR_MAX_LOSS = 0.01;
    /** Recall passes at or above this accuracy (chance is 0.5). */
    static final double RECALL_MIN_ACCURACY = 0.95;

    @Override
    public String name() {
        return "selfcheck";
    }

    @Override
    public String summary() {
        return "train an MLP on XOR and a GRU on a memory task; print the loss and PASS/FAIL";
    }

    @Override
    public String usage() {
        return """
                usage: retail selfcheck [--seed N] [--steps N]

                Trains an MLP 2-8-1 on XOR and a GRU 1-16 on recalling the first of 10 random
                +-1 inputs, printing the training loss as it falls, then PASS or FAIL.

                  --seed N    random seed (default 1)
                  --steps N   training updates per task (default 500, 10..100000)

                Pass criteria: XOR mean squared error < %s; recall accuracy >= %s on 512
                held-out sequences (chance 0.5). Exit code 0 on PASS, 1 on FAIL.""".formatted(XOR_MAX_LOSS, RECALL_MIN_ACCURACY);
    }

    @Override
    public int run(Args args, PrintStream out, PrintStream err) {
        long seed = args.longValue("seed", 1, Long.MIN_VALUE, Long.MAX_VALUE);
        int steps = args.integer("steps", 500, 10, 100_000);
        args.finish();
        int every = Math.max(1, steps / 10);
        out.println("selfcheck  seed=" + seed + " steps=" + steps + " kernels=" + Kernels.implementation());
        long t0 = System.nanoTime();
        ToyRun xor = ToyTasks.xor(seed, steps, every);
        print(out, xor);
        ToyRun recall = ToyTasks.recall(seed, steps, every);
        print(out, recall);
        boolean xorOk = xor.finalLoss() < XOR_MAX_LOSS;
        boolean recallOk = recall.accuracy() >= RECALL_MIN_ACCURACY;
        out.printf("xor     final mse %.5f (< %s)  accuracy %.3f  %s%n", xor.finalLoss(), XOR_MAX_LOSS, xor.accuracy(), xorOk ? "ok" : "FAILED");
        out.printf("recall  final mse %.5f  accuracy %.3f (>= %s)  %s%n", recall.finalLoss(), recall.accuracy(), RECALL_MIN_ACCURACY, recallOk ? "ok" : "FAILED");
        out.printf("%s  (%.1f s)%n", xorOk && recallOk ? "PASS" : "FAIL", (System.nanoTime() - t0) / 1e9);
        return xorOk && recallOk ? 0 : 1;
    }

    private static void print(PrintStream out, ToyRun run) {
        for (int i = 0; i < run.steps().length; i++) {
            out.printf("%-7s step %6d  loss %.5f%n", run.task(), run.steps()[i], run.losses()[i]);
        }
    }
}
