package org.retailrl.algorithms.multiproduct;

import java.util.ArrayList;
import java.util.List;
import org.retailrl.algorithms.rl.LearnerConfig;
import org.retailrl.algorithms.rl.Presets;
import org.retailrl.algorithms.rl.Trainer;
import org.retailrl.envs.multiproduct.MultiProductScenario;

/**
 * The learners of docs/model.md §4.3 as configurations of the learner core ({@link Trainer}), on
 * {@link MultiProductAgentEnv}:
 * <ul>
 * <li><b>FSDA-2N</b> and <b>HAPPO-2N</b>: a pricing and an ordering agent per product, one
 *     centralised critic, HAPPO rounds over all {@code 2N} agents; the configuration names two agent
 *     schedules — pricing, then ordering — and every product's agents get them
 *     ({@link Presets#FSDA}: pricing fast, ordering on {@code k(n) = 1 + ⌊log₂(1+n)⌋};
 *     {@link Presets#HAPPO}: both every round). A configuration listing all {@code 2N} schedules
 *     is used as given;</li>
 * <li><b>PPO per product</b>: {@code N} agents, each over its product's joint (price, order)
 *     action, updated independently against the shared critic ({@link Presets#PPO_PER_PRODUCT},
 *     scheme {@code mappo}); one schedule is given to every product;</li>
 * <li><b>PPO factored</b>: one agent whose policy is the product of {@code 2N} categorical
 *     factors, one per product and decision ({@link Presets#PPO_JOINT});</li>
 * <li><b>PPO shared</b>: one network applied to every product, which it tells apart by a
 *     one-hot product code (a learned embedding in its first layer), each (copy, product) pair a
 *     copy of the environment ({@link MultiProductAgentEnv.Agents#SHARED}, {@link Presets#PPO_JOINT}).</li>
 * </ul>
 * One round = every copy plays {@code episodesPerUpdate} episodes.
 */
public final class MultiProductLearners {
    private MultiProductLearners() {
    }

    /** FSDA-2N or HAPPO-2N (as {@code config} says) on {@code copies} copies of {@code scenario}. */
    public static Trainer pricingAndOrdering(MultiProductScenario scenario, int copies, LearnerConfig config, long seed,
                                             int episodes) {
        return trainer(scenario, copies, config, seed, episodes, MultiProductAgentEnv.Agents.PRICING_AND_ORDERING);
    }

    /** Independent joint-action PPO per product. */
    public static Trainer perProduct(MultiProductScenario scenario, int copies, LearnerConfig config, long seed,
                                     int episodes) {
        return trainer(scenario, copies, config, seed, episodes, MultiProductAgentEnv.Agents.PER_PRODUCT_JOINT);
    }

    /** One agent over all products' factorised decisions. */
    public static Trainer factored(MultiProductScenario scenario, int copies, LearnerConfig config, long seed,
                                   int episodes) {
        return trainer(scenario, copies, config, seed, episodes, MultiProductAgentEnv.Agents.FACTORED);
    }

    /** A trainer for {@code split}. */
    public static Trainer trainer(MultiProductScenario scenario, int copies, LearnerConfig config, long seed,
                                  int episodes, MultiProductAgentEnv.Agents split) {
        MultiProductAgentEnv env = new MultiProductAgentEnv(scenario, copies, split);
        int n = scenario.products();
        LearnerConfig c = expanded(config, split, n).fitted(config.episodesPerUpdate() * scenario.horizon(), copies);
        return new Trainer(env, c, seed, episodes, MultiProductAgentEnv.agentNames(split, n));
    }

    /**
     * {@code config} with one schedule per agent of {@code split}: a configuration that names the
     * schedules of one product (2 for pricing and ordering, 1 for a per-product agent) is repeated
     * for every product; one that already names them all is returned unchanged.
     *
     * @throws IllegalArgumentException naming {@code agents} when the count fits neither
     */
    public static LearnerConfig expanded(LearnerConfig config, MultiProductAgentEnv.Agents split, int n) {
        int want = MultiProductAgentEnv.agentCount(split, n);
        int per = split == MultiProductAgentEnv.Agents.PRICING_AND_ORDERING ? 2 : 1;
        if (config.agentCount() == want) {
            return config;
        }
        if (want == 1 || config.agentCount() != per) {
            throw new IllegalArgumentException("agents must list " + per + " schedule(s) (one product's, repeated) or "
                    + want + " (every agent's), got " + config.agentCount());
        }
        List<LearnerConfig.AgentSchedule> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            all.addAll(config.agents());
        }
        return config.withAgents(all);
    }
}
