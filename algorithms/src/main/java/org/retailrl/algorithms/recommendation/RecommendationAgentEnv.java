package org.retailrl.algorithms.recommendation;

import java.util.ArrayList;
import java.util.List;
import org.retailrl.algorithms.rl.AgentEnv;
import org.retailrl.algorithms.rl.FactorLayout;
import org.retailrl.core.random.Rng;
import org.retailrl.envs.recommendation.RecommendationBatch;
import org.retailrl.envs.recommendation.RecommendationScenario;

/**
 * The inventory-with-recommendation simulator of docs/model.md §3 ({@link RecommendationBatch}) as
 * an {@link AgentEnv} for the learner core: each agent of a {@link Learner} sees its own
 * {@link ObservationView} and makes its part of the decision through the {@link DecisionSpace}'s
 * factors and Gaussian coordinates; the centralised critic sees {@link ObservationView#GLOBAL}.
 * Distinct views are stored once each, in order of first use (agents first, then the critic); the
 * decentralised views' last-period demand and sales are kept per copy and zeroed at every episode
 * start. Parts of the decision no agent makes are drawn from the copy's policy stream after the
 * agents' choices, as an untrained policy would ({@link ActionSampler#randomRest}), exactly as an
 * evaluated policy draws them — except the orders of a learner with a replenishment partner
 * ({@link Learner#partner}), which the partner's rule places from the copy's state.
 *
 * <p>Randomness: episode batch {@code e} resets copy {@code i} onto stream {@code e·N + i} of
 * the environment seed, so episodes never share a stream.
 */
public final class RecommendationAgentEnv implements AgentEnv {
    private final DecisionSpace space;
    private final RecommendationScenario scenario;
    private final List<AgentSpec> specs;
    private final ActionSampler sampler;
    private final ReplenishmentRule partner;
    private final int[] partnerOrders;
    private final RecommendationBatch batch;
    private final List<ObservationView> views = new ArrayList<>();
    private final int[] agentViews;
    private final int criticView;
    private final boolean needsSignals;
    private final int[] orders;
    private final double[] exposure;
    private final int[] lastDemand;
    private final int[] lastSales;
    private final int[] leadTimes;
    private final int[] stateStock;
    private final int[] stateBacklog;
    private final int[] statePipeline;

    /** {@code copies} copies of {@code space}'s scenario played by {@code specs}. */
    public RecommendationAgentEnv(DecisionSpace space, List<AgentSpec> specs, int copies) {
        this(space, specs, copies, null);
    }

    /**
     * As {@link #RecommendationAgentEnv(DecisionSpace, List, int)}; a non-null {@code partner}
     * places the orders when no agent makes them (a stateless rule: it is shared by every copy).
     */
    public RecommendationAgentEnv(DecisionSpace space, List<AgentSpec> specs, int copies, ReplenishmentRule partner) {
        this.space = space;
        this.scenario = space.scenario();
        this.specs = List.copyOf(specs);
        boolean agentsOrder = false;
        for (AgentSpec a : specs) {
            agentsOrder |= a.decision().orders();
        }
        this.partner = agentsOrder ? null : partner;
        this.partnerOrders = new int[scenario.products()];
        this.sampler = new ActionSampler(space, specs, this.partner != null);
        this.batch = new RecommendationBatch(scenario, copies);
        agentViews = new int[specs.size()];
        for (int a = 0; a < agentViews.length; a++) {
            agentViews[a] = viewIndex(specs.get(a).view());
        }
        criticView = viewIndex(ObservationView.GLOBAL);
        needsSignals = views.size() > 1 || views.get(0) != ObservationView.GLOBAL;
        orders = new int[copies * scenario.products()];
        exposure = new double[copies * scenario.products() * scenario.customers()];
        lastDemand = new int[copies * scenario.products()];
        lastSales = new int[copies * scenario.products()];
        leadTimes = scenario.leadTime();
        stateStock = new int[scenario.products()];
        stateBacklog = new int[scenario.products()];
        statePipeline = new int[scenario.products() * scenario.maxLeadTime()];
    }

    private int viewIndex(ObservationView v) {
        int i = views.indexOf(v);
        if (i < 0) {
            views.add(v);
            i = views.size() - 1;
        }
        return i;
    }

    /** The decision space. */
    public DecisionSpace space() {
        return space;
    }

    /** The agents. */
    public List<AgentSpec> specs() {
        return specs;
    }

    /** The rule placing the orders no agent makes, or null (random orders). */
    public ReplenishmentRule partner() {
        return partner;
    }

    @Override
    public int copies() {
        return batch.copies();
    }

    @Override
    public int horizon() {
        return scenario.horizon();
    }

    @Override
    public int agents() {
        return specs.size();
    }

    @Override
    public int views() {
        return views.size();
    }

    @Override
    public int viewSize(int view) {
        return views.get(view).size(scenario);
    }

    @Override
    public int agentView(int agent) {
        return agentViews[agent];
    }

    @Override
    public int criticView() {
        return criticView;
    }

    @Override
    public FactorLayout actionLayout(int agent) {
        return sampler.layout(agent);
    }

    @Override
    public void reset(long seed, long episode) {
        batch.reset(seed, Math.multiplyExact(episode, (long) batch.copies()));
        java.util.Arrays.fill(lastDemand, 0);
        java.util.Arrays.fill(lastSales, 0);
    }

    @Override
    public void observe(int view, float[] out) {
        ObservationView v = views.get(view);
        int d = v.size(scenario);
        // Each copy's state through the reused arrays: no allocation per copy and step.
        for (int k = 0; k < batch.copies(); k++) {
            batch.stateInto(k, stateStock, stateBacklog, statePipeline);
            v.write(scenario, batch.period(), stateStock, stateBacklog, statePipeline, leadTimes, lastDemand, lastSales,
                    k * scenario.products(), out, k * d);
        }
    }

    @Override
    public void step(int[][] choices, Rng[] streams, double[] rewardOut) {
        float[][] none = new float[specs.size()][];
        for (int a = 0; a < none.length; a++) {
            if (sampler.layout(a).continuous() > 0) {
                throw new IllegalArgumentException("agent '" + specs.get(a).name() + "' acts with Gaussian "
                        + "coordinates: use step(choices, continuous, streams, rewardOut)");
            }
            none[a] = new float[0];
        }
        step(choices, none, streams, rewardOut);
    }

    @Override
    public void step(int[][] choices, float[][] continuous, Rng[] streams, double[] rewardOut) {
        int n = batch.copies();
        int np = scenario.products();
        int nm = np * scenario.customers();
        for (int a = 0; a < specs.size(); a++) {
            int f = sampler.layout(a).factors();
            int d = sampler.layout(a).continuous();
            for (int k = 0; k < n; k++) {
                sampler.apply(a, choices[a], k * f, continuous[a], k * d, orders, k * np, exposure, k * nm);
            }
        }
        for (int k = 0; k < n; k++) {
            if (partner != null) {
                partner.orders(batch.state(k), partnerOrders);
                System.arraycopy(partnerOrders, 0, orders, k * np, np);
            }
            sampler.randomRest(streams[k], orders, k * np, exposure, k * nm);
        }
        batch.step(orders, exposure, rewardOut);
        if (needsSignals) {
            for (int k = 0; k < n; k++) {
                for (int i = 0; i < np; i++) {
                    lastDemand[k * np + i] = batch.lastDemand(k, i);
                    lastSales[k * np + i] = batch.lastSales(k, i);
                }
            }
        }
    }
}
