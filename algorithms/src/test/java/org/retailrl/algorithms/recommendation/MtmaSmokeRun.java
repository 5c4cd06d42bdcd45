package org.retailrl.algorithms.recommendation;

import org.retailrl.algorithms.rl.Presets;
import org.retailrl.algorithms.rl.Trainer;
import org.retailrl.envs.recommendation.RecommendationScenario;
import org.retailrl.envs.recommendation.RecommendationScenarios;

/**
 * A manual smoke run (not a test): trains one learner on the default scenario and prints the
 * learning curve and an evaluation. Arguments: learner name, rounds, seed.
 */
public final class MtmaSmokeRun {
    private MtmaSmokeRun() {
    }

    /** Entry point. */
    public static void main(String[] args) {
        Learner learner = Learner.valueOf(args.length > 0 ? args[0] : "MTMA");
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 1;
        String scen = args.length > 3 ? args[3] : "small";
        RecommendationScenario s = RecommendationScenarios.named(scen);
        Trainer tr = learner.trainer(new DecisionSpace(s), learner.defaults(), Presets.RECOMMENDATION_COPIES, seed, rounds);
        long t0 = System.nanoTime();
        for (int r = 0; r < rounds; r++) {
            Trainer.RoundStats st = tr.round();
            if (r % 5 == 0 || r == rounds - 1) {
                double[] ent = java.util.Arrays.stream(st.agents()).mapToDouble(Trainer.AgentStats::entropy).toArray();
                double[] kl = java.util.Arrays.stream(st.agents()).mapToDouble(Trainer.AgentStats::approxKl).toArray();
                System.out.printf("round %d reward %.1f ev %.3f ent %s kl %s %.1fs%n", r, st.meanEpisodeReward(),
                        st.explainedVariance(), java.util.Arrays.toString(ent), java.util.Arrays.toString(kl),
                        (System.nanoTime() - t0) / 1e9);
            }
        }
        System.out.println("eval " + CrnEvaluation.evaluate(s, LearnedPolicy.of(learner.label(), tr), 99, 50));
    }
}
