package org.retailrl.algorithms.rl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.retailrl.algorithms.rl.LearnerConfig.AgentSchedule;
import org.retailrl.algorithms.rl.LearnerConfig.Critic;
import org.retailrl.algorithms.rl.LearnerConfig.Update;

/**
 * Pins the presets of docs/model.md §8.13: CleanRL's {@code ppo.py} values, HARL's critic, the
 * pricing actor settings of FSDA and PPO-joint, and the recommendation learners of MTMA.
 */
class PresetsTest {
    private static final Critic CLEANRL_CRITIC_3E4 = new Critic(false, Double.POSITIVE_INFINITY, true, 0.5,
            StepSize.linear(3e-4));

    @Test
    void cleanRlPpoIsCleanRls() {
        LearnerConfig d = Presets.CLEANRL_PPO;
        assertEquals(Update.PPO, d.update());
        assertEquals(0.99, d.gamma());
        assertEquals(0.95, d.gaeLambda());
        assertEquals(0.2, d.clip());
        assertEquals(0.01, d.entCoef());
        assertEquals(0.5, d.maxGradNorm());
        assertEquals(0.9, d.adamBeta1());
        assertEquals(0.999, d.adamBeta2());
        assertEquals(1e-5, d.adamEps());
        assertEquals(4, d.epochs());
        assertEquals(4, d.minibatches());
        assertTrue(d.normAdvantages());
        assertTrue(d.scaleRewards());
        assertEquals(1, d.episodesPerUpdate());
        assertEquals(100, d.sequenceLength());
        assertEquals(64, d.hidden());
        assertEquals(2, d.gruLayers());
        // vf_coef 0.5, clip_vloss on, no value normalisation, squared loss; lr 3e-4 annealed linearly.
        assertEquals(CLEANRL_CRITIC_3E4, d.critic());
        assertEquals(List.of(new AgentSchedule(StepSize.linear(3e-4), UpdatePeriod.ALWAYS)), d.agents());
    }

    @Test
    void pricingActorSettingsDifferFromCleanRlOnlyInStepAndSequenceLength() {
        LearnerConfig p = Presets.PPO_JOINT;
        assertEquals(StepSize.linear(2e-3), p.agents().get(0).stepSize());
        assertEquals(25, p.sequenceLength());
        assertEquals(Presets.CLEANRL_PPO, TestConfigs.stepSize(p, StepSize.linear(3e-4)).withSizes(64, 2, 1, 100));
        assertEquals(16, Presets.PRICING_COPIES);
        assertEquals(1000, Presets.PRICING_EPISODES);
        assertEquals(8, Presets.RECOMMENDATION_COPIES);
    }

    @Test
    void fsdaIsHappoWithHarlsCriticAndALogarithmicallySlowOrderingAgent() {
        LearnerConfig f = Presets.FSDA;
        assertEquals(Update.HAPPO, f.update());
        Critic harl = new Critic(true, 10.0, true, 1.0, StepSize.linear(2e-3));
        assertEquals(harl, f.critic());
        assertEquals(List.of(new AgentSchedule(StepSize.linear(2e-3), UpdatePeriod.ALWAYS),
                new AgentSchedule(StepSize.linear(2e-3), UpdatePeriod.logarithmic())), f.agents());
        assertEquals(4, f.agents().get(1).period().ratio(7));
        // Everything else is the pricing actor settings of PPO-joint.
        assertEquals(f, TestConfigs.critic(Presets.PPO_JOINT.withUpdate(Update.HAPPO, f.agents()), harl, f.agents()));
        // Plain HAPPO: both agents every round.
        assertEquals(f.withAgents(List.of(f.agents().get(0), f.agents().get(0))), Presets.HAPPO);
        // The CleanRL ablation: CleanRL's step and sequence length, the same timescales.
        LearnerConfig c = Presets.FSDA_CLEANRL;
        assertEquals(f, TestConfigs.stepSize(c, StepSize.linear(2e-3)).withSizes(64, 2, 1, 25));
        assertEquals(StepSize.linear(3e-4), c.critic().stepSize());
        assertEquals(100, c.sequenceLength());
    }

    @Test
    void twoTimescaleFsdaHasASlowerDecayingStepForTheOrderingAgent() {
        LearnerConfig t = Presets.FSDA_TWO_TIMESCALE;
        StepSize fast = StepSize.polynomial(2e-3, 0.6, 100);
        StepSize slow = StepSize.polynomial(2e-3, 0.9, 100);
        assertEquals(List.of(new AgentSchedule(fast, UpdatePeriod.ALWAYS),
                new AgentSchedule(slow, UpdatePeriod.logarithmic())), t.agents());
        assertEquals(fast, t.critic().stepSize());
        // b_n / a_n → 0: the ratio falls by more than 10× between rounds 100 and 10^6.
        double early = slow.at(100, 1) / fast.at(100, 1);
        double late = slow.at(1_000_000, 1) / fast.at(1_000_000, 1);
        assertTrue(late < early / 10, early + " → " + late);
        assertEquals(Presets.FSDA, TestConfigs.stepSize(t, StepSize.linear(2e-3)));
    }

    @Test
    void mtmaMakesReplenishmentSlowAndRecommendationFast() {
        LearnerConfig m = Presets.MTMA;
        StepSize fast = StepSize.polynomial(1e-3, 0.6, 100);
        StepSize slow = StepSize.polynomial(1e-3, 0.9, 100);
        // Every field at once: width 32, 2 GRU layers, 1 episode per round, 25-step sequences, 4 × 4
        // minibatches, γ 0.99, λ 0.95, clip 0.2, entropy 0.01, gradient clip 0.5, Adam (0.9, 0.999,
        // 1e-5), normalised advantages, scaled rewards, CleanRL's critic on the fast sequence.
        assertEquals(new LearnerConfig(Update.MAPPO, 32, 2, 1, 25, 4, 4, 0.99, 0.95, 0.2, 0.01, 0.5, 0.9, 0.999, 1e-5,
                true, true, new Critic(false, Double.POSITIVE_INFINITY, true, 0.5, fast),
                List.of(new AgentSchedule(slow, UpdatePeriod.every(2)), new AgentSchedule(fast, UpdatePeriod.ALWAYS))),
                m);
        // The slow agent's step per round over the fast one's vanishes: b_n / (2 a_n) → 0.
        double early = slow.at(0, 1) / (2 * fast.at(0, 1));
        double late = slow.at(1_000_000, 1) / (2 * fast.at(1_000_000, 1));
        assertTrue(late < early / 10, early + " → " + late);
        assertEquals(List.of(m.agents().get(1), m.agents().get(0)), Presets.MTMA_REPLENISHMENT_FAST.agents());
        assertEquals(List.of(new AgentSchedule(StepSize.constant(5e-4), UpdatePeriod.every(2)),
                new AgentSchedule(StepSize.constant(1e-3), UpdatePeriod.ALWAYS)), Presets.MTMA_CONSTANT.agents());
        LearnerConfig s = Presets.MTMA_SINGLE;
        assertEquals(Presets.MTMA_CONSTANT.withAgents(List.of(new AgentSchedule(StepSize.constant(1e-3),
                UpdatePeriod.ALWAYS))), s);
    }

    @Test
    void presetsAreFoundByNameAndAnUnknownNameListsThem() {
        assertEquals(List.of("cleanrl-ppo", "ppo-joint", "fsda", "fsda-two-timescale", "happo", "fsda-reversed",
                "fsda-cleanrl", "mtma", "mtma-replenishment-fast", "mtma-constant", "mtma-single", "ppo-inventory",
                "ppo-per-product"), List.copyOf(Presets.all().keySet()));
        assertSame(Presets.FSDA, Presets.named("fsda"));
        assertSame(Presets.MTMA_SINGLE, Presets.named("mtma-single"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Presets.named("fdsa"));
        assertTrue(e.getMessage().contains("preset") && e.getMessage().contains("'fdsa'")
                && e.getMessage().contains("fsda-two-timescale"), e.getMessage());
        assertThrows(UnsupportedOperationException.class, () -> Presets.all().put("x", Presets.FSDA));
        assertFalse(Presets.all().containsKey("x"));
    }
}
