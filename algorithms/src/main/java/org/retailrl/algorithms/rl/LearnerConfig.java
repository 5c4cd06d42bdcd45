package org.retailrl.algorithms.rl;

import java.util.List;

/**
 * Every hyperparameter of one training run of the learner core (docs/model.md §8.13), as data: read
 * from and written to JSON ({@link LearnerConfigJson}), stored in checkpoints and reports. The
 * named presets, each default included, live in {@link Presets} and nowhere else.
 *
 * <p>{@link #update} chooses how a round orders the core's pieces: {@code ppo} — one loss
 * {@code pg − entCoef·H + critic.coef·vLoss} over the actor and the critic with one optimiser and
 * one gradient clip (CleanRL's {@code ppo.py}; one agent); {@code mappo} — each due agent's own
 * clipped-surrogate update against the shared advantages, then the critic (independent updates,
 * MTMA); {@code happo} — the due agents in a random order, each surrogate weighted by the product
 * {@code M} of the ratios of the agents updated before it, then the critic (HAPPO; FSDA with a
 * slow agent).
 *
 * @param update            the update scheme
 * @param hidden            width of the MLP and GRU layers, >= 1 (64)
 * @param gruLayers         stacked GRU layers, >= 1 (2)
 * @param episodesPerUpdate episodes each copy plays per round, >= 1 (1)
 * @param sequenceLength    training sequence length in steps, >= 1; must divide the rollout
 * @param epochs            passes over each rollout, >= 1 (4)
 * @param minibatches       minibatches (of whole sequences) per pass, >= 1 (4)
 * @param gamma             discount factor, in [0, 1] (0.99)
 * @param gaeLambda         GAE λ, in [0, 1] (0.95)
 * @param clip              surrogate clip range ε, > 0 (0.2); also the value clip range
 * @param entCoef           entropy bonus weight, >= 0 (0.01)
 * @param maxGradNorm       global gradient-norm clip per optimiser step, > 0 (0.5)
 * @param adamBeta1         Adam β₁, in [0, 1) (0.9)
 * @param adamBeta2         Adam β₂, in [0, 1) (0.999)
 * @param adamEps           Adam ε, > 0 (1e-5)
 * @param normAdvantages    normalise advantages within each minibatch (true)
 * @param scaleRewards      divide rewards by a running std of discounted returns (true)
 * @param critic            the centralised critic's settings
 * @param agents            per agent, in the environment's agent order: step sizes and update period
 */
public record LearnerConfig(Update update, int hidden, int gruLayers, int episodesPerUpdate, int sequenceLength,
                            int epochs, int minibatches, double gamma, double gaeLambda, double clip, double entCoef,
                            double maxGradNorm, double adamBeta1, double adamBeta2, double adamEps,
                            boolean normAdvantages, boolean scaleRewards, Critic critic, List<AgentSchedule> agents) {
    /** How a round orders the updates. */
    public enum Update {
        /** One combined loss and optimiser over the single actor and the critic (CleanRL PPO). */
        PPO,
        /** Independent clipped-surrogate updates of the due agents, then the critic. */
        MAPPO,
        /** HAPPO: sequential updates in a random order weighted by the ratio product {@code M}. */
        HAPPO
    }

    /**
     * The centralised critic.
     *
     * @param valueNorm  normalise targets with {@link ValueNorm} (HARL true)
     * @param huberDelta Huber δ of the value loss, > 0, or +∞ for the squared loss
     * @param clipValues use the clipped value loss with range {@code clip}
     * @param coef       multiplier of the value loss, > 0 (CleanRL 0.5, HARL 1)
     * @param stepSize   its step sizes (with {@code ppo}: must equal agent 0's, which it shares)
     */
    public record Critic(boolean valueNorm, double huberDelta, boolean clipValues, double coef, StepSize stepSize) {
        /** Validates the fields. */
        public Critic {
            if (!(huberDelta > 0)) {
                throw new IllegalArgumentException("huberDelta must be > 0 (or Infinity), got " + huberDelta);
            }
            if (!(coef > 0) || !Double.isFinite(coef)) {
                throw new IllegalArgumentException("coef must be finite and > 0, got " + coef);
            }
            if (stepSize == null) {
                throw new IllegalArgumentException("stepSize must be given");
            }
        }
    }

    /**
     * One agent's timescale: its step-size sequence and its update period.
     *
     * @param stepSize its Adam step sizes {@code a_n}
     * @param period   the rounds at which it is updated
     */
    public record AgentSchedule(StepSize stepSize, UpdatePeriod period) {
        /** Validates the fields. */
        public AgentSchedule {
            if (stepSize == null || period == null) {
                throw new IllegalArgumentException("stepSize and period must be given");
            }
        }
    }

    /** Validates the ranges, naming the field. */
    public LearnerConfig {
        if (update == null) {
            throw new IllegalArgumentException("update must be ppo, mappo or happo");
        }
        atLeastOne("hidden", hidden);
        atLeastOne("gruLayers", gruLayers);
        atLeastOne("episodesPerUpdate", episodesPerUpdate);
        atLeastOne("sequenceLength", sequenceLength);
        atLeastOne("epochs", epochs);
        atLeastOne("minibatches", minibatches);
        unit("gamma", gamma);
        unit("gaeLambda", gaeLambda);
        positive("clip", clip);
        if (!(entCoef >= 0) || !Double.isFinite(entCoef)) {
            throw new IllegalArgumentException("entCoef must be finite and >= 0, got " + entCoef);
        }
        positive("maxGradNorm", maxGradNorm);
        if (!(adamBeta1 >= 0 && adamBeta1 < 1) || !(adamBeta2 >= 0 && adamBeta2 < 1)) {
            throw new IllegalArgumentException("adamBeta1 and adamBeta2 must be in [0, 1), got " + adamBeta1 + ", "
                    + adamBeta2);
        }
        positive("adamEps", adamEps);
        if (critic == null) {
            throw new IllegalArgumentException("critic must be given");
        }
        if (agents == null || agents.isEmpty()) {
            throw new IllegalArgumentException("agents must list at least one agent");
        }
        agents = List.copyOf(agents);
        if (update == Update.PPO) {
            if (agents.size() != 1) {
                throw new IllegalArgumentException("update ppo trains exactly 1 agent, got " + agents.size());
            }
            if (!critic.stepSize().equals(agents.get(0).stepSize())) {
                throw new IllegalArgumentException("update ppo shares one optimiser: critic.stepSize must equal "
                        + "agents[0].stepSize");
            }
            if (!agents.get(0).period().equals(UpdatePeriod.ALWAYS)) {
                throw new IllegalArgumentException("update ppo updates its agent every round: agents[0].period must be "
                        + "every 1");
            }
        }
    }

    /** Number of agents. */
    public int agentCount() {
        return agents.size();
    }

    /**
     * This configuration fitted to a rollout of {@code rollout} steps per copy and {@code copies}
     * copies: the sequence length becomes {@code gcd(sequenceLength, rollout)} so that it divides
     * the rollout, and the minibatch count is capped by the number of sequences. Unchanged when
     * both already fit.
     */
    public LearnerConfig fitted(int rollout, int copies) {
        int seq = (int) gcd(sequenceLength, rollout);
        int mb = Math.min(minibatches, rollout / seq * copies);
        return new LearnerConfig(update, hidden, gruLayers, episodesPerUpdate, seq, epochs, mb, gamma, gaeLambda, clip,
                entCoef, maxGradNorm, adamBeta1, adamBeta2, adamEps, normAdvantages, scaleRewards, critic, agents);
    }

    /** A copy with other agent schedules (the same update scheme). */
    public LearnerConfig withAgents(List<AgentSchedule> newAgents) {
        return new LearnerConfig(update, hidden, gruLayers, episodesPerUpdate, sequenceLength, epochs, minibatches,
                gamma, gaeLambda, clip, entCoef, maxGradNorm, adamBeta1, adamBeta2, adamEps, normAdvantages,
                scaleRewards, critic, newAgents);
    }

    /** A copy with another update scheme and agent schedules. */
    public LearnerConfig withUpdate(Update newUpdate, List<AgentSchedule> newAgents) {
        return new LearnerConfig(newUpdate, hidden, gruLayers, episodesPerUpdate, sequenceLength, epochs, minibatches,
                gamma, gaeLambda, clip, entCoef, maxGradNorm, adamBeta1, adamBeta2, adamEps, normAdvantages,
                scaleRewards, critic, newAgents);
    }

    /** A copy with other network sizes and rollout shape. */
    public LearnerConfig withSizes(int newHidden, int newGruLayers, int newEpisodesPerUpdate, int newSequenceLength) {
        return new LearnerConfig(update, newHidden, newGruLayers, newEpisodesPerUpdate, newSequenceLength, epochs,
                minibatches, gamma, gaeLambda, clip, entCoef, maxGradNorm, adamBeta1, adamBeta2, adamEps,
                normAdvantages, scaleRewards, critic, agents);
    }

    /** A copy in which every agent and the critic use {@code s} (the update periods are kept). */
    public LearnerConfig withStepSizes(StepSize s) {
        List<AgentSchedule> as = new java.util.ArrayList<>();
        for (AgentSchedule a : agents) {
            as.add(new AgentSchedule(s, a.period()));
        }
        return new LearnerConfig(update, hidden, gruLayers, episodesPerUpdate, sequenceLength, epochs, minibatches,
                gamma, gaeLambda, clip, entCoef, maxGradNorm, adamBeta1, adamBeta2, adamEps, normAdvantages,
                scaleRewards, new Critic(critic.valueNorm(), critic.huberDelta(), critic.clipValues(), critic.coef(), s),
                as);
    }

    /** A copy with another critic. */
    public LearnerConfig withCritic(Critic newCritic) {
        return new LearnerConfig(update, hidden, gruLayers, episodesPerUpdate, sequenceLength, epochs, minibatches,
                gamma, gaeLambda, clip, entCoef, maxGradNorm, adamBeta1, adamBeta2, adamEps, normAdvantages,
                scaleRewards, newCritic, agents);
    }

    /** A copy with another entropy weight and reward-scaling switch. */
    public LearnerConfig withEntropyAndScaling(double newEntCoef, boolean newScaleRewards) {
        return new LearnerConfig(update, hidden, gruLayers, episodesPerUpdate, sequenceLength, epochs, minibatches,
                gamma, gaeLambda, clip, newEntCoef, maxGradNorm, adamBeta1, adamBeta2, adamEps, normAdvantages,
                newScaleRewards, critic, agents);
    }

    /** A copy with other epochs and minibatch counts. */
    public LearnerConfig withUpdates(int newEpochs, int newMinibatches) {
        return new LearnerConfig(update, hidden, gruLayers, episodesPerUpdate, sequenceLength, newEpochs,
                newMinibatches, gamma, gaeLambda, clip, entCoef, maxGradNorm, adamBeta1, adamBeta2, adamEps,
                normAdvantages, scaleRewards, critic, agents);
    }

    private static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    private static void atLeastOne(String f, int v) {
        if (v < 1) {
            throw new IllegalArgumentException(f + " must be >= 1, got " + v);
        }
    }

    private static void unit(String f, double v) {
        if (!(v >= 0 && v <= 1)) {
            throw new IllegalArgumentException(f + " must be in [0, 1], got " + v);
        }
    }

    private static void positive(String f, double v) {
        if (!(v > 0) || !Double.isFinite(v)) {
            throw new IllegalArgumentException(f + " must be finite and > 0, got " + v);
        }
    }
}
