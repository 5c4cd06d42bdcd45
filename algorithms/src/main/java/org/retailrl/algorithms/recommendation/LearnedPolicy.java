package org.retailrl.algorithms.recommendation;

import java.util.Arrays;
import java.util.List;
import org.retailrl.algorithms.recommendation.RecommendationPolicy;
import org.retailrl.algorithms.rl.Trainer;
import org.retailrl.core.random.Rng;
import org.retailrl.envs.recommendation.RecommendationInfo;
import org.retailrl.envs.recommendation.RecommendationState;
import org.retailrl.nn.RecurrentNet;

/**
 * A trained docs/model.md §3 learner deployed as a {@link RecommendationPolicy} for the
 * common-random-number comparison: decentralised execution — each actor runs on its own
 * {@link ObservationView} of the state, carrying its GRU hidden state through the episode — and
 * choices sampled from the actors' softmaxes (the stochastic policy that was trained) through the
 * same {@link ActionSampler} as in training, so parts no actor makes are drawn uniformly — or, for
 * a learner with a replenishment partner ({@link Learner#partner}), ordered by the partner's rule.
 * Episode {@code e} of a run seeded {@code s} samples from {@code Rng.stream(s ^ SALT, e)},
 * disjoint from the environment's streams. Not thread-safe: one instance per thread.
 */
public final class LearnedPolicy implements RecommendationPolicy {
    /** Separates the policy's sampling streams from the environment's {@code Rng.stream(seed, e)}. */
    public static final long SALT = 0x3a7a_5eed_c0de_2026L;

    private final String label;
    private final DecisionSpace space;
    private final List<AgentSpec> specs;
    private final List<RecurrentNet> actors;
    private final ActionSampler sampler;
    private final ReplenishmentRule partner;
    private final float[][] hidden;
    private final float[][] obs;
    private final int[][] choices;
    private final float[][] continuous;
    private final RecurrentNet.StepWorkspace ws = new RecurrentNet.StepWorkspace();
    private final float[][] logits;
    private final float[] mask = new float[1];
    private final int[] lastDemand;
    private final int[] lastSales;
    private Rng rng = Rng.stream(SALT, 0);
    private boolean fresh = true;

    /**
     * A policy from {@code actors[a]} acting as {@code specs[a]}.
     *
     * @param label the name in tables
     */
    public LearnedPolicy(String label, DecisionSpace space, List<AgentSpec> specs, List<RecurrentNet> actors) {
        this(label, space, specs, actors, null);
    }

    /**
     * As {@link #LearnedPolicy(String, DecisionSpace, List, List)}; a non-null {@code partner}
     * places the orders when no actor makes them, as in training ({@link Learner#partner}).
     */
    public LearnedPolicy(String label, DecisionSpace space, List<AgentSpec> specs, List<RecurrentNet> actors,
                         ReplenishmentRule partner) {
        if (specs.size() != actors.size() || specs.isEmpty()) {
            throw new IllegalArgumentException("specs and actors must be non-empty and of equal length, got "
                    + specs.size() + " and " + actors.size());
        }
        this.label = label;
        this.space = space;
        this.specs = List.copyOf(specs);
        this.actors = List.copyOf(actors);
        boolean actorsOrder = false;
        for (AgentSpec a : specs) {
            actorsOrder |= a.decision().orders();
        }
        this.partner = actorsOrder ? null : partner;
        this.sampler = new ActionSampler(space, specs, this.partner != null);
        hidden = new float[actors.size()][];
        logits = new float[actors.size()][];
        obs = new float[actors.size()][];
        choices = new int[actors.size()][];
        lastDemand = new int[space.scenario().products()];
        lastSales = new int[space.scenario().products()];
        continuous = new float[actors.size()][];
        for (int a = 0; a < actors.size(); a++) {
            RecurrentNet.Config c = actors.get(a).config();
            int d = specs.get(a).view().size(space.scenario());
            if (c.inputs() != d || c.outputs() != sampler.layout(a).width()) {
                throw new IllegalArgumentException("actor " + a + " must map " + d + " inputs to "
                        + sampler.layout(a).width() + " logits, has " + c.inputs() + " → " + c.outputs());
            }
            hidden[a] = new float[c.hiddenSize()];
            logits[a] = new float[c.outputs()];
            obs[a] = new float[d];
            choices[a] = new int[sampler.layout(a).factors()];
            continuous[a] = new float[sampler.layout(a).continuous()];
        }
    }

    /** The trained learner of {@code trainer}. */
    public static LearnedPolicy of(String label, Trainer trainer) {
        RecommendationAgentEnv env = env(trainer);
        return new LearnedPolicy(label, env.space(), env.specs(), trainer.actors(), env.partner());
    }

    private static RecommendationAgentEnv env(Trainer trainer) {
        if (!(trainer.env() instanceof RecommendationAgentEnv e)) {
            throw new IllegalArgumentException("trainer must train on the recommendation simulator");
        }
        return e;
    }

    /**
     * Naive IM-RS (Jiang et al. §VI.B): the replenishment actor of the trained IM-Only learner and the
     * recommendation actor of the trained RS-Only learner, each acting on the global state as it
     * was trained, combined without any joint training.
     */
    public static LearnedPolicy naive(String label, Trainer imOnly, Trainer rsOnly) {
        List<AgentSpec> im = env(imOnly).specs();
        List<AgentSpec> rs = env(rsOnly).specs();
        if (im.size() != 1 || im.get(0).decision() != Decision.ORDERS || rs.size() != 1
                || rs.get(0).decision() != Decision.EXPOSURE) {
            throw new IllegalArgumentException("naive needs an IM-Only (orders) and an RS-Only (exposure) learner");
        }
        return new LearnedPolicy(label, env(imOnly).space(), List.of(im.get(0), rs.get(0)),
                List.of(imOnly.actor(0), rsOnly.actor(0)));
    }

    @Override
    public void beginEpisode(long seed, long episode) {
        if (partner != null) {
            partner.beginEpisode(seed, episode);
        }
        rng = Rng.stream(seed ^ SALT, episode);
        for (float[] h : hidden) {
            Arrays.fill(h, 0f);
        }
        Arrays.fill(lastDemand, 0);
        Arrays.fill(lastSales, 0);
        fresh = true;
    }

    @Override
    public void observe(RecommendationInfo outcome) {
        System.arraycopy(outcome.demand(), 0, lastDemand, 0, lastDemand.length);
        System.arraycopy(outcome.sales(), 0, lastSales, 0, lastSales.length);
    }

    @Override
    public void act(RecommendationState state, int[] orders, double[] exposure) {
        mask[0] = fresh ? 1f : 0f;
        fresh = false;
        for (int a = 0; a < actors.size(); a++) {
            specs.get(a).view().write(space.scenario(), state, lastDemand, lastSales, 0, obs[a], 0);
            actors.get(a).step(obs[a], mask, 1, hidden[a], logits[a], ws, 0);
            sampler.sample(a, logits[a], 0, rng, choices[a], 0, continuous[a], 0);
            sampler.apply(a, choices[a], 0, continuous[a], 0, orders, 0, exposure, 0);
        }
        if (partner != null) {
            partner.orders(state, orders);
        }
        sampler.randomRest(rng, orders, 0, exposure, 0);
    }

    @Override
    public String toString() {
        return label;
    }
}
