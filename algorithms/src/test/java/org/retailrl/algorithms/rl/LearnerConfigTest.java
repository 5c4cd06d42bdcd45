package org.retailrl.algorithms.rl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.retailrl.algorithms.rl.LearnerConfig.AgentSchedule;
import org.retailrl.algorithms.rl.LearnerConfig.Critic;
import org.retailrl.algorithms.rl.LearnerConfig.Update;

/** Validation of {@link LearnerConfig}, its step sizes and its fitting to a rollout (docs/model.md §8.13). */
class LearnerConfigTest {
    private static final LearnerConfig P = Presets.CLEANRL_PPO;

    private static void refused(Executable e, String... parts) {
        IllegalArgumentException x = assertThrows(IllegalArgumentException.class, e);
        for (String p : parts) {
            assertTrue(x.getMessage().contains(p), "'" + x.getMessage() + "' should contain '" + p + "'");
        }
    }

    private static LearnerConfig with(double gamma, double gaeLambda, double clip, double entCoef, double maxGradNorm,
                                      double beta1, double beta2, double eps) {
        return new LearnerConfig(P.update(), P.hidden(), P.gruLayers(), P.episodesPerUpdate(), P.sequenceLength(),
                P.epochs(), P.minibatches(), gamma, gaeLambda, clip, entCoef, maxGradNorm, beta1, beta2, eps,
                P.normAdvantages(), P.scaleRewards(), P.critic(), P.agents());
    }

    @Test
    void badValuesNameTheFieldAndTheRange() {
        refused(() -> with(1.2, 0.95, 0.2, 0.01, 0.5, 0.9, 0.999, 1e-5), "gamma", "[0, 1]", "1.2");
        refused(() -> with(0.99, -0.1, 0.2, 0.01, 0.5, 0.9, 0.999, 1e-5), "gaeLambda", "[0, 1]");
        refused(() -> with(0.99, 0.95, 0, 0.01, 0.5, 0.9, 0.999, 1e-5), "clip", "> 0");
        refused(() -> with(0.99, 0.95, 0.2, -0.01, 0.5, 0.9, 0.999, 1e-5), "entCoef", ">= 0");
        refused(() -> with(0.99, 0.95, 0.2, Double.NaN, 0.5, 0.9, 0.999, 1e-5), "entCoef");
        refused(() -> with(0.99, 0.95, 0.2, 0.01, Double.POSITIVE_INFINITY, 0.9, 0.999, 1e-5), "maxGradNorm", "finite");
        refused(() -> with(0.99, 0.95, 0.2, 0.01, 0.5, 1.0, 0.999, 1e-5), "adamBeta1", "[0, 1)");
        refused(() -> with(0.99, 0.95, 0.2, 0.01, 0.5, 0.9, -0.5, 1e-5), "adamBeta2", "[0, 1)");
        refused(() -> with(0.99, 0.95, 0.2, 0.01, 0.5, 0.9, 0.999, 0), "adamEps", "> 0");
        refused(() -> P.withUpdates(0, 4), "epochs must be >= 1", "got 0");
        refused(() -> P.withUpdates(4, 0), "minibatches must be >= 1");
        refused(() -> P.withSizes(0, 2, 1, 100), "hidden must be >= 1");
        refused(() -> P.withSizes(64, 0, 1, 100), "gruLayers must be >= 1");
        refused(() -> P.withSizes(64, 2, 0, 100), "episodesPerUpdate must be >= 1");
        refused(() -> P.withSizes(64, 2, 1, -3), "sequenceLength must be >= 1", "-3");
        refused(() -> P.withAgents(List.of()), "agents", "at least one");
        refused(() -> new Critic(true, 0, true, 1, StepSize.constant(1e-3)), "huberDelta", "> 0");
        refused(() -> new Critic(true, 10, true, Double.NaN, StepSize.constant(1e-3)), "coef", "> 0");
        refused(() -> new Critic(true, 10, true, 1, null), "stepSize");
        refused(() -> new AgentSchedule(StepSize.constant(1e-3), null), "period");
        refused(() -> P.withUpdate(null, P.agents()), "update", "ppo, mappo or happo");
    }

    @Test
    void ppoTrainsOneAgentWithTheCriticsOptimiserEveryRound() {
        AgentSchedule a = P.agents().get(0);
        refused(() -> P.withAgents(List.of(a, a)), "update ppo", "exactly 1 agent", "got 2");
        refused(() -> P.withAgents(List.of(new AgentSchedule(StepSize.linear(1e-3), UpdatePeriod.ALWAYS))),
                "critic.stepSize", "agents[0].stepSize");
        refused(() -> P.withAgents(List.of(new AgentSchedule(a.stepSize(), UpdatePeriod.every(2)))),
                "agents[0].period", "every 1");
        // The other schemes take any number of agents on their own schedules.
        LearnerConfig m = P.withUpdate(Update.MAPPO, List.of(a, new AgentSchedule(StepSize.constant(1), UpdatePeriod.every(3))));
        assertEquals(2, m.agentCount());
    }

    @Test
    void stepSizesFollowTheirSequences() {
        StepSize lin = StepSize.linear(1e-3);
        assertEquals(1e-3, lin.at(0, 10));
        assertEquals(1e-3 * 0.5, lin.at(5, 10), 1e-18);
        assertEquals(1e-4, lin.at(9, 10), 1e-18);
        // Rounds past the plan keep the last step rather than reaching 0 or going negative.
        assertEquals(1e-4, lin.at(25, 10), 1e-18);
        assertEquals(2e-3, StepSize.constant(2e-3).at(1_000, 3));
        StepSize poly = StepSize.polynomial(1e-2, 0.5, 4);
        assertEquals(1e-2, poly.at(0, 1));
        assertEquals(1e-2 / Math.sqrt(3), poly.at(8, 1), 1e-15);
        refused(() -> StepSize.constant(0), "initial", "> 0");
        refused(() -> StepSize.linear(Double.POSITIVE_INFINITY), "initial", "finite");
        refused(() -> StepSize.polynomial(1e-3, 2.5, 1), "exponent", "(0, 2]");
        refused(() -> StepSize.polynomial(1e-3, 0, 1), "exponent", "(0, 2]");
        refused(() -> StepSize.polynomial(1e-3, 0.6, 0), "offset", "> 0");
        refused(() -> new StepSize(null, 1e-3, 0, 1), "kind");
        refused(() -> lin.at(-1, 10), "round", ">= 0");
        refused(() -> lin.at(0, 0), "planned", ">= 1");
    }

    @Test
    void fittingMakesTheSequenceLengthDivideTheRolloutAndCapsTheMinibatches() {
        // 100-step sequences on a 20-step episode: gcd(100, 20) = 20; 1 sequence per copy.
        LearnerConfig f = P.fitted(20, 2);
        assertEquals(20, f.sequenceLength());
        assertEquals(2, f.minibatches());
        // 25 does not divide 30: gcd = 5, 6 sequences per copy × 3 copies = 18 ≥ 4 minibatches.
        LearnerConfig g = Presets.PPO_JOINT.fitted(30, 3);
        assertEquals(5, g.sequenceLength());
        assertEquals(4, g.minibatches());
        // Already fitting: the very same values.
        assertEquals(Presets.PPO_JOINT, Presets.PPO_JOINT.fitted(100, 16));
        assertSame(Presets.PPO_JOINT.critic(), g.critic());
    }
}
