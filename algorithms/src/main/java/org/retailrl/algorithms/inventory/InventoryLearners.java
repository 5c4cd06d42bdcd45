package org.retailrl.algorithms.inventory;

import org.retailrl.algorithms.rl.LearnerConfig;
import org.retailrl.algorithms.rl.Trainer;
import org.retailrl.envs.inventory.DualSourcingScenario;
import org.retailrl.envs.inventory.LostSalesScenario;
import org.retailrl.envs.inventory.SerialScenario;

/**
 * The learned policies of docs/model.md §7 as configurations of the learner core (§8.13): one PPO
 * agent per inventory problem on the environment adapters ({@link LostSalesAgentEnv},
 * {@link DualSourcingAgentEnv}, {@link SerialAgentEnv}). One round =
 * every copy plays {@code episodesPerUpdate} episodes of the scenario's horizon {@code T}; the
 * configuration is fitted to that rollout ({@link LearnerConfig#fitted}).
 *
 * <p>The problems are infinite-horizon average-cost problems; the learner maximises the discounted
 * reward over episodes of {@code T} periods from the scenario's start state, with no bootstrap at
 * the cut. docs/inventory.md describes the bias this brings and how the policy is scored
 * ({@link InventoryEvaluation}).
 */
public final class InventoryLearners {
    private InventoryLearners() {
    }

    /** One PPO agent placing both orders on {@code copies} copies of the dual-sourcing {@code scenario}. */
    public static Trainer dualSourcing(DualSourcingScenario scenario, int copies, LearnerConfig config, long seed,
            int rounds) {
        DualSourcingAgentEnv env = new DualSourcingAgentEnv(scenario, copies);
        return new Trainer(env, config.fitted(config.episodesPerUpdate() * scenario.horizon(), copies), seed, rounds,
                "orders");
    }

    /** One PPO agent placing every stage's order on {@code copies} copies of the serial {@code scenario}. */
    public static Trainer serial(SerialScenario scenario, int copies, LearnerConfig config, long seed, int rounds) {
        SerialAgentEnv env = new SerialAgentEnv(scenario, copies);
        return new Trainer(env, config.fitted(config.episodesPerUpdate() * scenario.horizon(), copies), seed, rounds,
                "orders");
    }

    /** One PPO agent ordering on {@code copies} copies of the lost-sales {@code scenario}. */
    public static Trainer lostSales(LostSalesScenario scenario, int copies, LearnerConfig config, long seed,
            int rounds) {
        LostSalesAgentEnv env = new LostSalesAgentEnv(scenario, copies);
        return new Trainer(env, config.fitted(config.episodesPerUpdate() * scenario.horizon(), copies), seed, rounds,
                "orders");
    }
}
