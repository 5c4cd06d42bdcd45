package org.retailrl.algorithms.recommendation;

import java.util.Locale;
import org.retailrl.algorithms.rl.LearnerConfig;
import org.retailrl.algorithms.rl.LearnerConfig.AgentSchedule;
import org.retailrl.algorithms.rl.Presets;
import org.retailrl.algorithms.rl.Trainer;
import org.retailrl.algorithms.rl.UpdatePeriod;
import org.retailrl.envs.recommendation.RecommendationScenario;

/**
 * A manual run (not a test): MTMA with the default timescales against MTMA with equal ones
 * (both agents at the recommendation agent's step, every round), same training seeds, scored on the comparison's
 * evaluation episodes. Arguments: scenario name, training episodes, seeds.
 */
public final class TimescaleAblationRun {
    private TimescaleAblationRun() {
    }

    /** Entry point. */
    public static void main(String[] args) {
        String name = args.length > 0 ? args[0] : "recommendation-lost";
        int episodes = args.length > 1 ? Integer.parseInt(args[1]) : 8000;
        int seeds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        RecommendationScenario s = RecommendationComparison.scenario(name);
        DecisionSpace space = new DecisionSpace(s);
        LearnerConfig base = Presets.MTMA;
        AgentSchedule fast = new AgentSchedule(base.agents().get(1).stepSize(), UpdatePeriod.ALWAYS);
        LearnerConfig equal = base.withAgents(java.util.List.of(fast, fast));
        int copies = Presets.RECOMMENDATION_COPIES;
        int rounds = episodes / (copies * base.episodesPerUpdate());
        int e = ComparisonOptions.DEFAULT_EVAL_EPISODES;
        double[] a = new double[seeds * e];
        double[] b = new double[seeds * e];
        for (int g = 0; g < seeds; g++) {
            long seed = 1000 + g;
            Trainer ta = Learner.MTMA.trainer(space, base, copies, seed, rounds);
            Trainer tb = Learner.MTMA.trainer(space, equal, copies, seed, rounds);
            for (int r = 0; r < rounds; r++) {
                ta.round();
                tb.round();
            }
            System.arraycopy(CrnEvaluation.episodeRewards(s, LearnedPolicy.of("two", ta), RecommendationComparison.EVAL_SEED,
                    e), 0, a, g * e, e);
            System.arraycopy(CrnEvaluation.episodeRewards(s, LearnedPolicy.of("one", tb), RecommendationComparison.EVAL_SEED,
                    e), 0, b, g * e, e);
        }
        System.out.println("default timescales " + MeanInterval.of(a) + " sd " + String.format(Locale.ROOT, "%.1f",
                Spread.sd(a)));
        System.out.println("equal timescales   " + MeanInterval.of(b) + " sd " + String.format(Locale.ROOT, "%.1f",
                Spread.sd(b)));
        System.out.println("default − equal    " + MeanInterval.ofDifference(a, b) + " (pairs over seeds × episodes)");
    }
}
