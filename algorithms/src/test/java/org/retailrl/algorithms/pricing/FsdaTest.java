package org.retailrl.algorithms.pricing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.retailrl.algorithms.happo.HappoConfig;
import org.retailrl.algorithms.happo.HappoTrainer;
import org.retailrl.algorithms.ppo.PpoConfig;
import org.retailrl.algorithms.ppo.PpoTrainer;
import org.retailrl.algorithms.pricing.PricingBatchEnv;
import org.retailrl.algorithms.rl.TrainingStats;
import org.retailrl.envs.pricing.PricingScenario;
import org.retailrl.nn.Parameter;

class FsdaTest {
    /** Scenario (b) shortened to 20 periods and small networks, to keep the test fast. */
    private static final PricingScenario SHORT = PricingScenario.named("b").toBuilder().horizon(20).build();

    private static FsdaConfig small(FsdaConfig.Agent fast) {
        PpoConfig ppo = PpoConfig.DEFAULTS.withSizes(1, 20, 8, 2).withUpdates(1, 2);
        return FsdaConfig.DEFAULTS.withHappo(HappoConfig.DEFAULTS.withPpo(ppo))
                .withTimescales(fast, TimescaleSchedule.logarithmic());
    }

    private static float[] flat(List<Parameter> ps) {
        int n = 0;
        for (Parameter p : ps) {
            n += p.size();
        }
        float[] out = new float[n];
        int o = 0;
        for (Parameter p : ps) {
            System.arraycopy(p.value().data(), 0, out, o, p.size());
            o += p.size();
        }
        return out;
    }

    @Test
    void defaultsMakePricingFastWithTheLogSchedule() {
        assertEquals(FsdaConfig.Agent.PRICING, FsdaConfig.DEFAULTS.fast());
        assertEquals(4, FsdaConfig.DEFAULTS.schedule().ratio(7));
        assertEquals(FsdaConfig.PRICING_PPO, FsdaConfig.DEFAULTS.happo().ppo());
        assertEquals(HappoConfig.DEFAULTS.withPpo(FsdaConfig.PRICING_PPO), FsdaConfig.DEFAULTS.happo());
        assertEquals(HappoConfig.DEFAULTS, FsdaConfig.CLEANRL.happo());
        assertEquals(FsdaConfig.Agent.PRICING, FsdaConfig.CLEANRL.fast());
    }

    @Test
    void pricingSettingsDifferFromCleanRlOnlyInLrAndSequenceLength() {
        PpoConfig p = FsdaConfig.PRICING_PPO;
        assertEquals(2e-3, p.lr());
        assertTrue(p.annealLr());
        assertEquals(25, p.sequenceLength());
        assertEquals(PpoConfig.DEFAULTS, p.withLr(PpoConfig.DEFAULTS.lr(), true).withSizes(1, 100, 64, 2));
        assertEquals(p, JointActionPpo.DEFAULTS);
        assertEquals(16, FsdaConfig.DEFAULT_COPIES);
        assertEquals(1000, FsdaConfig.DEFAULT_EPISODES);
        // Every rollout of one episode must cut into whole training sequences.
        assertEquals(0, PricingScenario.named("b").horizon() % p.sequenceLength());
    }

    @Test
    void slowAgentChangesExactlyOnScheduledEpisodes() {
        for (FsdaConfig.Agent fastAgent : FsdaConfig.Agent.values()) {
            FsdaTrainer t = new FsdaTrainer(SHORT, 4, small(fastAgent), 11, 10);
            int fast = fastAgent == FsdaConfig.Agent.PRICING ? PricingBatchEnv.PRICING : PricingBatchEnv.ORDERING;
            int slow = 1 - fast;
            TimescaleSchedule schedule = TimescaleSchedule.logarithmic();
            for (int n = 0; n < 9; n++) {
                float[] slowBefore = flat(t.happo().actor(slow).parameters());
                float[] fastBefore = flat(t.happo().actor(fast).parameters());
                float[] criticBefore = flat(t.happo().critic().parameters());
                HappoTrainer.RoundStats s = t.episode();
                boolean due = schedule.slowUpdates(n);
                assertEquals(due, s.agents()[slow].updated(), "slow agent flag at episode " + n);
                assertTrue(s.agents()[fast].updated(), "fast agent at episode " + n);
                boolean slowChanged = !java.util.Arrays.equals(slowBefore, flat(t.happo().actor(slow).parameters()));
                assertEquals(due, slowChanged, fastAgent + ": slow agent weights changed at episode " + n);
                assertTrue(!java.util.Arrays.equals(fastBefore, flat(t.happo().actor(fast).parameters())));
                assertTrue(!java.util.Arrays.equals(criticBefore, flat(t.happo().critic().parameters())));
                assertTrue(Double.isFinite(s.meanEpisodeReward()) && Double.isFinite(s.valueLoss()));
            }
        }
    }

    @Test
    void jointActionPpoHas441ActionsAndTrains() {
        PricingScenario b = PricingScenario.named("b");
        PricingBatchEnv env = new PricingBatchEnv(b, 1, PricingBatchEnv.Agents.JOINT);
        assertEquals(441, env.actionCount(0));
        assertEquals(20, JointActionPpo.priceIndex(b, 440));
        assertEquals(20, JointActionPpo.orderQuantity(b, 440));
        assertEquals(3, JointActionPpo.priceIndex(b, 3 * 21 + 7));
        assertEquals(7, JointActionPpo.orderQuantity(b, 3 * 21 + 7));
        PpoTrainer ppo = JointActionPpo.create(SHORT, 4, PpoConfig.DEFAULTS.withSizes(1, 20, 8, 1).withUpdates(1, 2), 3, 2);
        assertEquals(441, ppo.actor().config().outputs());
        TrainingStats s = ppo.update();
        // A near-uniform policy over 441 actions has entropy close to log 441.
        assertEquals(Math.log(441), s.entropy(), 0.05);
    }
}
