package org.retailrl.algorithms.inventory;

import org.retailrl.algorithms.eval.PairedComparison;
import org.retailrl.algorithms.rl.LearnerConfig;
import org.retailrl.algorithms.rl.LearnerConfigJson;
import org.retailrl.algorithms.rl.Presets;
import org.retailrl.algorithms.rl.Trainer;
import org.retailrl.envs.inventory.DemandLaw;
import org.retailrl.envs.inventory.LostSalesScenario;

/**
 * A manual run (not a test) of docs/model.md §7 learning: PPO on one Zipkin lost-sales instance,
 * printing the training curve and the greedy and sampled policies' paired gaps to the optimal
 * policy (evaluation seed 99, apart from the tables'). Arguments: law p L rounds copies T seed
 * [preset [config-json]].
 */
public final class LostSalesLearningRun {
    private LostSalesLearningRun() {
    }

    public static void main(String[] a) throws Exception {
        DemandLaw.Kind kind = a[0].equals("geometric") ? DemandLaw.Kind.GEOMETRIC : DemandLaw.Kind.POISSON;
        double p = Double.parseDouble(a[1]);
        int lead = Integer.parseInt(a[2]);
        int rounds = Integer.parseInt(a[3]);
        int copies = Integer.parseInt(a[4]);
        int horizon = Integer.parseInt(a[5]);
        long seed = Long.parseLong(a[6]);
        LearnerConfig base = Presets.named(a.length > 7 ? a[7] : "cleanrl-ppo");
        LearnerConfig cfg = a.length > 8 ? LearnerConfigJson.parse(a[8], base) : base;
        LostSalesScenario z = LostSalesScenario.zipkin(kind, p, lead);
        LostSalesScenario s = new LostSalesScenario(z.demand(), lead, 1, p, 0, z.maxOrder(), horizon, 0,
                new int[Math.max(lead - 1, 0)]);
        LostSalesSolution opt = LostSalesSolver.solve(s);
        System.out.printf("optimum %.4f target cap %d%n", opt.cost(), LostSalesAgentEnv.targetCap(s));
        Trainer t = InventoryLearners.lostSales(s, copies, cfg, seed, rounds);
        long t0 = System.nanoTime();
        for (int n = 0; n < rounds; n++) {
            Trainer.RoundStats r = t.round();
            if (n % Math.max(1, rounds / 20) == 0 || n == rounds - 1) {
                System.out.printf("round %4d  avg cost %8.3f  EV %6.3f  ent %.3f  kl %.4f  %.1fs%n", n,
                        -r.meanEpisodeReward(), r.explainedVariance(), r.agents()[0].entropy(), r.agents()[0].approxKl(),
                        (System.nanoTime() - t0) / 1e9);
            }
        }
        long t1 = System.nanoTime();
        double[] learned = InventoryEvaluation.learned(new LostSalesAgentEnv(s, 100), t.actor(0), 200, 2000, 99);
        double[] optimal = InventoryEvaluation.lostSales(s, opt.policy(), 100, 200, 2000, 99);
        double[] sampled = InventoryEvaluation.learned(new LostSalesAgentEnv(s, 100), t.actor(0), 200, 2000, 99, true);
        PairedComparison ps = PairedComparison.of("ppo", sampled, "optimal", optimal, 0.95);
        System.out.printf("sampled gap %.2f%% +- %.2f%%%n", ps.improvementPct(), ps.improvementHalfWidthPct());
        PairedComparison pc = PairedComparison.of("ppo", learned, "optimal", optimal, 0.95);
        System.out.printf("eval %.1fs: ppo - optimal = %.4f +- %.4f  gap %.2f%% +- %.2f%%  (train %.1fs)%n",
                (System.nanoTime() - t1) / 1e9, pc.difference().mean(), pc.difference().halfWidth(), pc.improvementPct(),
                pc.improvementHalfWidthPct(), (t1 - t0) / 1e9);
    }
}
