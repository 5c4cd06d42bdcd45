package org.retailrl.algorithms.recommendation;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.retailrl.algorithms.rl.LearnerConfig;
import org.retailrl.algorithms.rl.Presets;
import org.retailrl.algorithms.rl.Trainer;
import org.retailrl.envs.recommendation.RecommendationScenario;
import org.retailrl.nn.RecurrentNet;

/**
 * The learned systems compared in docs/model.md §3 / Jiang et al. §VI.B, each a list of agents; whatever
 * part of the decision no agent makes is drawn at random, and "random" means precisely, independently
 * every period: orders uniform on the {@code K} order levels of {@link DecisionSpace}; exposure
 * standard normal segment logits (simplex exposure) or each product's choice uniform on the
 * {@code S} favoured segments and "no favourite" (the discrete ablation). That is the distribution
 * of the untrained policies (whose head gain 0.01 makes their softmaxes uniform to within about
 * 1 % and their Gaussian logits mean 0, standard deviation 1), so a siloed learner's partner is the
 * same as where a learned partner starts.
 * <ul>
 * <li>{@link #MTMA} — replenishment (slow, own ledger view) + recommendation (fast, own stock
 *     summary view), centralised critic;</li>
 * <li>{@link #JOINT} — Joint IM-RS: one agent on the global state makes both decisions;</li>
 * <li>{@link #IM_ONLY} — replenishment learned on the global state, exposure random;</li>
 * <li>{@link #RS_ONLY} — recommendation learned on the global state, orders random (the papers'
 *     baseline: uniform orders average 2.5 times demand, so its stock is ruinous by construction);</li>
 * <li>{@link #RS_ONLY_BASE_STOCK} — the fair RS-Only: the same recommender, trained and evaluated
 *     with the orders of the fitted base-stock rule ({@link #partner}) instead of random ones.</li>
 * </ul>
 * Naive IM-RS needs no training of its own: it combines the IM-Only and RS-Only actors at
 * evaluation ({@link LearnedPolicy#naive}).
 */
public enum Learner {
    /** The two-agent multi-timescale system. */
    MTMA("MTMA"),
    /** One agent, both decisions. */
    JOINT("Joint IM-RS"),
    /** Replenishment learned, recommendation random. */
    IM_ONLY("IM-Only"),
    /** Recommendation learned, replenishment random. */
    RS_ONLY("RS-Only"),
    /** Recommendation learned, replenishment by the fitted base-stock rule. */
    RS_ONLY_BASE_STOCK("RS-Only (base-stock orders)");

    /** Fitted base-stock levels per scenario: fitting simulates 31 levels × 20 episodes, once per JVM. */
    private static final Map<RecommendationScenario, int[]> LEVELS = new ConcurrentHashMap<>();

    private final String label;

    Learner(String label) {
        this.label = label;
    }

    /** The name used in tables and plots. */
    public String label() {
        return label;
    }

    /** The agents of this learner, in the order of its configuration's agent schedules. */
    public List<AgentSpec> agents() {
        return switch (this) {
            case MTMA -> List.of(
                    new AgentSpec("replenishment", Decision.ORDERS, ObservationView.REPLENISHMENT),
                    new AgentSpec("recommendation", Decision.EXPOSURE, ObservationView.RECOMMENDATION));
            case JOINT -> List.of(new AgentSpec("joint", Decision.BOTH, ObservationView.GLOBAL));
            case IM_ONLY -> List.of(new AgentSpec("replenishment", Decision.ORDERS, ObservationView.GLOBAL));
            case RS_ONLY, RS_ONLY_BASE_STOCK -> List.of(new AgentSpec("recommendation", Decision.EXPOSURE,
                    ObservationView.GLOBAL));
        };
    }

    /**
     * The rule that places the orders no agent of this learner makes, or null where they are drawn
     * uniformly at random ({@link ActionSampler#randomRest}). For {@link #RS_ONLY_BASE_STOCK}: base-stock
     * levels fitted under uniform exposure ({@link BaseStockFitter}, the default grid, on
     * {@link RecommendationComparison#FIT_SEED} with {@link ComparisonOptions#DEFAULT_FIT_EPISODES}
     * episodes) — the levels of the "Base-stock + uniform" heuristic at the default fit. They depend
     * on the scenario only, so a run, its resumption and its saved policy all order alike.
     */
    public ReplenishmentRule partner(RecommendationScenario s) {
        if (this != RS_ONLY_BASE_STOCK) {
            return null;
        }
        int[] levels = LEVELS.computeIfAbsent(s, k -> BaseStockFitter.fit(k, new UniformExposure(k.customers()),
                BaseStockFitter.defaultGrid(), RecommendationComparison.FIT_SEED, ComparisonOptions.DEFAULT_FIT_EPISODES));
        return new BaseStockReplenishment(levels, s.maxOrder());
    }

    /** This learner's trained {@code actors} deployed in {@code space} as a policy named {@code label}. */
    public LearnedPolicy policy(String label, DecisionSpace space, List<RecurrentNet> actors) {
        return new LearnedPolicy(label, space, agents(), actors, partner(space.scenario()));
    }

    /** Its default hyperparameters ({@link Presets#MTMA} or {@link Presets#MTMA_SINGLE}). */
    public LearnerConfig defaults() {
        return this == MTMA ? Presets.MTMA : Presets.MTMA_SINGLE;
    }

    /**
     * A trainer of this learner on {@code copies} copies of {@code space}'s scenario, seeded
     * {@code seed}, planning {@code rounds} rounds.
     */
    public Trainer trainer(DecisionSpace space, LearnerConfig config, int copies, long seed, int rounds) {
        List<AgentSpec> specs = agents();
        String[] names = new String[specs.size()];
        for (int a = 0; a < names.length; a++) {
            names[a] = specs.get(a).name();
        }
        LearnerConfig fitted = config.fitted(config.episodesPerUpdate() * space.scenario().horizon(), copies);
        return new Trainer(new RecommendationAgentEnv(space, specs, copies, partner(space.scenario())), fitted, seed,
                rounds, names);
    }
}
