package org.retailrl.algorithms.fsda;

import org.retailrl.algorithms.happo.HappoTrainer;
import org.retailrl.algorithms.rl.PricingBatchEnv;
import org.retailrl.envs.pricing.PricingScenario;

/**
 * The fast-slow dual-agent learner FSDA (MODEL.md §8 FSDA, seed 003 §3.5.2): HAPPO with a pricing
 * agent (one action per grid price) and an ordering agent ({@code Q + 1} order sizes), each an
 * MLP → GRU → GRU → MLP → softmax actor on the full observation, and one centralised critic. At
 * episode {@code n} (0-based; one episode = every copy plays one episode of the scenario, or
 * {@code episodesPerUpdate} of them) the fast agent and the critic are updated; the slow agent only
 * when {@link TimescaleSchedule#slowUpdates(long)} says so.
 */
public final class FsdaTrainer {
    private final FsdaConfig config;
    private final PricingBatchEnv env;
    private final HappoTrainer happo;

    /**
     * A trainer on {@code copies} copies of {@code scenario} planning {@code episodes} episodes (for
     * lr annealing).
     */
    public FsdaTrainer(PricingScenario scenario, int copies, FsdaConfig config, long seed, int episodes) {
        this.config = config;
        this.env = new PricingBatchEnv(scenario, copies, PricingBatchEnv.Agents.PRICING_AND_ORDERING);
        this.happo = new HappoTrainer(env, config.happo(), seed, episodes, "pricing", "ordering");
    }

    /** Whether agent {@code agent} ({@link PricingBatchEnv#PRICING} or {@link PricingBatchEnv#ORDERING}) is updated at episode {@code n}. */
    public boolean updates(int agent, long n) {
        boolean fast = (agent == PricingBatchEnv.PRICING) == (config.fast() == FsdaConfig.Agent.PRICING);
        return fast || config.schedule().slowUpdates(n);
    }

    /** Runs the next episode: collect, update the fast agent, the slow one if due, and the critic. */
    public HappoTrainer.RoundStats episode() {
        long n = happo.rounds();
        return happo.round(new boolean[] {updates(PricingBatchEnv.PRICING, n), updates(PricingBatchEnv.ORDERING, n)});
    }

    /** Episodes done so far. */
    public int episodes() {
        return happo.rounds();
    }

    /** The underlying HAPPO learner (networks, buffer). */
    public HappoTrainer happo() {
        return happo;
    }

    /** The environment the agents act in. */
    public PricingBatchEnv env() {
        return env;
    }

    /** A deep snapshot of everything that changes while training (see {@link HappoTrainer.State}). */
    public HappoTrainer.State state() {
        return happo.state();
    }

    /**
     * Restores a snapshot of a trainer built with the same scenario, copies, configuration, seed and
     * plan; a mismatch is refused and changes nothing (see {@link HappoTrainer#restore}).
     */
    public void restore(HappoTrainer.State s) {
        happo.restore(s);
    }

    /** The settings it was built with. */
    public FsdaConfig config() {
        return config;
    }
}
