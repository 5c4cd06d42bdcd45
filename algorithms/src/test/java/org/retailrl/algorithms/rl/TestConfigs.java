package org.retailrl.algorithms.rl;

import java.util.ArrayList;
import java.util.List;
import org.retailrl.algorithms.rl.LearnerConfig.AgentSchedule;
import org.retailrl.algorithms.rl.LearnerConfig.Critic;

/**
 * Small variations of the presets (docs/model.md §8.13) for the tests: {@link LearnerConfig} has
 * copy methods for sizes, epochs and agents only, so the tests change the other fields here,
 * always through the validating constructor.
 */
public final class TestConfigs {
    private TestConfigs() {
    }

    /**
     * {@code c} with step size {@code s} for every agent and the critic (the update periods are
     * kept), as the single learning rate of the earlier configurations set them all.
     */
    public static LearnerConfig stepSize(LearnerConfig c, StepSize s) {
        List<AgentSchedule> agents = new ArrayList<>();
        for (AgentSchedule a : c.agents()) {
            agents.add(new AgentSchedule(s, a.period()));
        }
        Critic k = c.critic();
        return critic(c, new Critic(k.valueNorm(), k.huberDelta(), k.clipValues(), k.coef(), s), agents);
    }

    /** {@code c} with another critic and agent schedules (one call, as {@code ppo} ties them). */
    public static LearnerConfig critic(LearnerConfig c, Critic k, List<AgentSchedule> agents) {
        return new LearnerConfig(c.update(), c.hidden(), c.gruLayers(), c.episodesPerUpdate(), c.sequenceLength(),
                c.epochs(), c.minibatches(), c.gamma(), c.gaeLambda(), c.clip(), c.entCoef(), c.maxGradNorm(),
                c.adamBeta1(), c.adamBeta2(), c.adamEps(), c.normAdvantages(), c.scaleRewards(), k, agents);
    }

    /** {@code c} with another entropy coefficient and reward-scaling switch. */
    public static LearnerConfig entropyAndScaling(LearnerConfig c, double entCoef, boolean scaleRewards) {
        return new LearnerConfig(c.update(), c.hidden(), c.gruLayers(), c.episodesPerUpdate(), c.sequenceLength(),
                c.epochs(), c.minibatches(), c.gamma(), c.gaeLambda(), c.clip(), entCoef, c.maxGradNorm(),
                c.adamBeta1(), c.adamBeta2(), c.adamEps(), c.normAdvantages(), scaleRewards, c.critic(), c.agents());
    }

    /** {@code c} with {@code count} agents, each on step size {@code s} and updated every round. */
    public static LearnerConfig agents(LearnerConfig c, int count, StepSize s) {
        List<AgentSchedule> agents = new ArrayList<>();
        for (int a = 0; a < count; a++) {
            agents.add(new AgentSchedule(s, UpdatePeriod.ALWAYS));
        }
        Critic k = c.critic();
        return critic(c, new Critic(k.valueNorm(), k.huberDelta(), k.clipValues(), k.coef(), s), agents);
    }
}
