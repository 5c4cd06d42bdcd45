package org.retailrl.algorithms.recommendation;

import java.util.List;
import org.retailrl.algorithms.rl.FactorLayout;
import org.retailrl.core.random.Rng;

/**
 * Turns the agents' outputs into one period's docs/model.md §3 decision for one environment copy:
 * each agent's action is sampled in agent order ({@link FactorLayout#sample}: categorical factors
 * in order, then Gaussian coordinates), then every part no agent makes is drawn as an untrained
 * policy would (the "random" of {@link Learner}): order levels uniformly first, then the exposure,
 * product by product — uniform over the {@code S + 1} choices of the discrete ablation, or
 * standard normal segment logits for the simplex. Rollouts and evaluation both go through this
 * class, so a policy acts identically in training and in the comparison.
 */
public final class ActionSampler {
    private final DecisionSpace space;
    private final List<AgentSpec> agents;
    private final FactorLayout[] layouts;
    private final boolean randomOrders;
    private final boolean randomExposure;
    private final double[] z;
    private final double[] alpha;
    private final float[] randomLogits;

    /** A sampler for {@code agents} in {@code space}; at most one agent may make each part. */
    public ActionSampler(DecisionSpace space, List<AgentSpec> agents) {
        this(space, agents, false);
    }

    /**
     * As {@link #ActionSampler(DecisionSpace, List)}; with {@code ordersByRule} the orders no agent
     * makes are left to the caller's replenishment rule and {@link #randomRest} draws none.
     */
    public ActionSampler(DecisionSpace space, List<AgentSpec> agents, boolean ordersByRule) {
        this.space = space;
        this.agents = List.copyOf(agents);
        layouts = new FactorLayout[agents.size()];
        boolean orders = false;
        boolean exposure = false;
        for (int a = 0; a < layouts.length; a++) {
            Decision d = agents.get(a).decision();
            if ((d.orders() && orders) || (d.exposure() && exposure)) {
                throw new IllegalArgumentException("agents: each part of the decision must be made by at most one agent;"
                        + " agent '" + agents.get(a).name() + "' repeats one");
            }
            orders |= d.orders();
            exposure |= d.exposure();
            layouts[a] = d.layout(space);
        }
        randomOrders = !orders && !ordersByRule;
        randomExposure = !exposure;
        int nm = space.scenario().products() * space.scenario().customers();
        z = new double[nm];
        alpha = new double[nm];
        randomLogits = new float[space.scenario().products() * space.segments()];
    }

    /** Agent {@code a}'s factor layout. */
    public FactorLayout layout(int a) {
        return layouts[a];
    }

    /** The decision space. */
    public DecisionSpace space() {
        return space;
    }

    /**
     * Samples agent {@code a}'s action from row {@code row} of {@code logits} into
     * {@code choices[cOff ..]} and its Gaussian coordinates into {@code x[xOff ..]}, and returns
     * its exact log-probability.
     */
    public double sample(int a, float[] logits, int row, Rng rng, int[] choices, int cOff, float[] x, int xOff) {
        FactorLayout l = layouts[a];
        l.sample(logits, row, rng, choices, cOff, x, xOff);
        return l.logProb(logits, row, choices, cOff, x, xOff, new FactorLayout.Scratch(Math.max(1, l.width())));
    }

    /**
     * Writes agent {@code a}'s action — categorical choices {@code choices[cOff ..]}, Gaussian
     * coordinates {@code x[xOff ..]} — as orders {@code orders[oOff .. oOff + N)} and/or exposure
     * {@code exposure[eOff .. eOff + N·M)}.
     */
    public void apply(int a, int[] choices, int cOff, float[] x, int xOff, int[] orders, int oOff, double[] exposure,
                      int eOff) {
        Decision d = agents.get(a).decision();
        int n = space.scenario().products();
        int at = cOff;
        if (d.orders()) {
            for (int i = 0; i < n; i++) {
                orders[oOff + i] = space.orderUnits(choices[at++]);
            }
        }
        if (d.exposure()) {
            if (space.exposureActions() == DecisionSpace.ExposureActions.SIMPLEX) {
                space.writeSimplexExposure(x, xOff, z, alpha, exposure, eOff);
            } else {
                for (int i = 0; i < n; i++) {
                    space.writeExposure(i, choices[at++], exposure, eOff);
                }
            }
        }
    }

    /** Fills the parts no agent makes with uniform draws from {@code rng}. */
    public void randomRest(Rng rng, int[] orders, int oOff, double[] exposure, int eOff) {
        int n = space.scenario().products();
        if (randomOrders) {
            for (int i = 0; i < n; i++) {
                orders[oOff + i] = space.orderUnits(rng.nextInt(space.orderLevels()));
            }
        }
        if (randomExposure) {
            if (space.exposureActions() == DecisionSpace.ExposureActions.SIMPLEX) {
                for (int k = 0; k < randomLogits.length; k++) {
                    randomLogits[k] = (float) rng.normal();
                }
                space.writeSimplexExposure(randomLogits, 0, z, alpha, exposure, eOff);
            } else {
                for (int i = 0; i < n; i++) {
                    space.writeExposure(i, rng.nextInt(space.segments() + 1), exposure, eOff);
                }
            }
        }
    }
}
