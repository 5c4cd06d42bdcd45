package org.retailrl.algorithms.pricing;

import org.retailrl.algorithms.eval.PolicyEvaluator;
import org.retailrl.algorithms.heuristics.Heuristic;
import org.retailrl.algorithms.heuristics.HeuristicOptimizer;
import org.retailrl.algorithms.heuristics.HeuristicSuite;
import org.retailrl.algorithms.rl.Presets;
import org.retailrl.algorithms.rl.Trainer;
import org.retailrl.envs.pricing.PricingScenario;

/**
 * A manual smoke run (not a test): FSDA and joint-action PPO on scenario (b) with the default
 * networks for a few episodes, printing the mean profit per episode, then both policies (greedy and sampled) and
 * the fitted heuristics scored on the same 200 evaluation episodes (common random numbers).
 * Arguments: episodes (default 20), copies (default 8), seed (default 1).
 */
public final class FsdaSmokeRun {
    private FsdaSmokeRun() {
    }

    public static void main(String[] args) {
        int episodes = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int copies = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 1;
        PricingScenario b = PricingScenario.named("b");
        Trainer fsda = PricingLearners.fsda(b, copies, Presets.FSDA, seed, episodes);
        long t0 = System.nanoTime();
        for (int n = 0; n < episodes; n++) {
            Trainer.RoundStats s = fsda.round();
            System.out.printf("FSDA episode %3d  profit %10.1f  slow updated %-5s  vLoss %.4f  EV %6.3f  pricing KL %.5f%n",
                    n, s.meanEpisodeReward(), s.agents()[1].updated(), s.valueLoss(), s.explainedVariance(),
                    s.agents()[0].approxKl());
        }
        System.out.printf("FSDA: %d episodes × %d copies in %.1f s%n", episodes, copies, (System.nanoTime() - t0) / 1e9);
        Trainer ppo = PricingLearners.ppoJoint(b, copies, Presets.PPO_JOINT, seed, episodes);
        t0 = System.nanoTime();
        for (int n = 0; n < episodes; n++) {
            Trainer.RoundStats r = ppo.round();
            Trainer.AgentStats s = r.agents()[0];
            System.out.printf("PPO-joint episode %3d  profit %10.1f  EV %6.3f  KL %.5f  clipfrac %.3f  entropy %.3f%n",
                    n, r.meanEpisodeReward(), r.explainedVariance(), s.approxKl(), s.clipFraction(), s.entropy());
        }
        System.out.printf("PPO-joint: %d episodes × %d copies in %.1f s%n", episodes, copies, (System.nanoTime() - t0) / 1e9);
        java.util.List<PolicyEvaluator.Candidate> candidates = new java.util.ArrayList<>();
        candidates.add(new PolicyEvaluator.Candidate("FSDA", java.util.List.of(new LearnedPricingPolicy("FSDA",
                java.util.List.of(fsda.actor(0), fsda.actor(1)), true, 0))));
        candidates.add(new PolicyEvaluator.Candidate("PPO-joint", java.util.List.of(new LearnedPricingPolicy("PPO-joint",
                java.util.List.of(ppo.actor(0)), true, 0))));
        candidates.add(new PolicyEvaluator.Candidate("FSDA-sampled", java.util.List.of(new LearnedPricingPolicy(
                "FSDA-sampled", java.util.List.of(fsda.actor(0), fsda.actor(1)), false, 0))));
        candidates.add(new PolicyEvaluator.Candidate("PPO-sampled", java.util.List.of(new LearnedPricingPolicy(
                "PPO-sampled", java.util.List.of(ppo.actor(0)), false, 0))));
        HeuristicSuite suite = HeuristicSuite.fit(b, HeuristicSuite.Settings.defaults(seed));
        for (HeuristicOptimizer.Result r : suite.fitted()) {
            Heuristic h = r.policy();
            candidates.add(new PolicyEvaluator.Candidate(h.name(), java.util.List.of(new PerCopyBatchPolicy(() -> h))));
        }
        System.out.println(PolicyEvaluator.evaluate("scenario b", b, candidates, 200, 20261124L, Double.NaN).toTable());
    }
}
