package org.retailrl.algorithms.inventory;

import java.util.Locale;
import org.retailrl.algorithms.eval.Summary;
import org.retailrl.algorithms.rl.Presets;
import org.retailrl.algorithms.rl.Trainer;
import org.retailrl.envs.inventory.DualSourcingScenario;

/**
 * A manual run (not a test) of docs/model.md §7.2 learning: PPO (preset ppo-inventory) on the
 * dual-sourcing example with regular lead time {@code l_r}, its greedy policy simulated over
 * {@link InventoryEvaluation#COPIES} copies × {@link InventoryEvaluation#PERIODS} periods after
 * {@link InventoryEvaluation#BURN_IN}, against the exact optimum and the exact costs of the index
 * heuristics. Arguments: l_r rounds copies seed.
 */
public final class DualSourcingLearningRun {
    private DualSourcingLearningRun() {
    }

    public static void main(String[] a) {
        int lr = Integer.parseInt(a[0]);
        int rounds = Integer.parseInt(a[1]);
        int copies = Integer.parseInt(a[2]);
        long seed = Long.parseLong(a[3]);
        DualSourcingScenario s = DualSourcingScenario.example(lr);
        DualSourcingDp dp = new DualSourcingDp(s);
        double optimum = dp.solve(1e-7).cost();
        long t0 = System.nanoTime();
        Trainer t = InventoryLearners.dualSourcing(s, copies, Presets.PPO_INVENTORY, seed, rounds);
        for (int n = 0; n < rounds; n++) {
            Trainer.RoundStats r = t.round();
            if (n % Math.max(1, rounds / 10) == 0 || n == rounds - 1) {
                System.out.printf(Locale.ROOT, "round %4d  avg cost %9.3f  EV %6.3f  entropy %.3f%n", n,
                        -r.meanEpisodeReward(), r.explainedVariance(), r.agents()[0].entropy());
            }
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        for (boolean sampled : new boolean[] {false, true}) {
            Summary c = Summary.of(InventoryEvaluation.learned(new DualSourcingAgentEnv(s, InventoryEvaluation.COPIES),
                    t.actor(0), InventoryEvaluation.BURN_IN, InventoryEvaluation.PERIODS, 20_261_124L, sampled), 0.95);
            System.out.printf(Locale.ROOT, "l_r = %d: ppo %s %.3f +- %.3f, optimum %.3f, gap %.2f%% +- %.2f%% "
                    + "(%d rounds x %d copies x %d periods, %.1f s)%n", lr, sampled ? "sampled" : "greedy ", c.mean(),
                    c.halfWidth(), optimum, 100 * (c.mean() - optimum) / optimum, 100 * c.halfWidth() / optimum, rounds,
                    copies, s.horizon(), secs);
        }
        for (HeuristicResult h : dp.heuristics(1e-7)) {
            System.out.printf(Locale.ROOT, "  %-22s %.3f (%+.2f%%)%n", h.name(), h.cost(), h.gapPercent(optimum));
        }
    }
}
