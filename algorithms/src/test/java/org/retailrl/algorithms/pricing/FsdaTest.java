package org.retailrl.algorithms.pricing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.retailrl.algorithms.rl.LearnerConfig;
import org.retailrl.algorithms.rl.LearnerConfig.AgentSchedule;
import org.retailrl.algorithms.rl.Presets;
import org.retailrl.algorithms.rl.Trainer;
import org.retailrl.algorithms.rl.UpdatePeriod;
import org.retailrl.envs.pricing.PricingScenario;
import org.retailrl.nn.Parameter;

/** FSDA and PPO over the joint action as configurations of the learner core (docs/model.md §1, §8.7, §8.8). */
class FsdaTest {
    /** Scenario (b) shortened to 20 periods and small networks, to keep the test fast. */
    private static final PricingScenario SHORT = PricingScenario.named("b").toBuilder().horizon(20).build();

    /**
     * FSDA with CleanRL's actor step, width 8, 20-step sequences, 1 epoch of 2 minibatches; agent
     * {@code fast} every round, the other on the logarithmic period.
     */
    private static LearnerConfig small(int fast) {
        LearnerConfig c = Presets.FSDA_CLEANRL.withSizes(8, 2, 1, 20).withUpdates(1, 2);
        AgentSchedule every = new AgentSchedule(c.agents().get(0).stepSize(), UpdatePeriod.ALWAYS);
        AgentSchedule log = new AgentSchedule(c.agents().get(0).stepSize(), UpdatePeriod.logarithmic());
        return c.withAgents(fast == PricingBatchEnv.PRICING ? List.of(every, log) : List.of(log, every));
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
        for (LearnerConfig c : List.of(Presets.FSDA, Presets.FSDA_CLEANRL, Presets.FSDA_TWO_TIMESCALE)) {
            assertEquals(UpdatePeriod.ALWAYS, c.agents().get(PricingBatchEnv.PRICING).period());
            assertEquals(UpdatePeriod.logarithmic(), c.agents().get(PricingBatchEnv.ORDERING).period());
        }
        assertEquals(4, Presets.FSDA.agents().get(PricingBatchEnv.ORDERING).period().ratio(7));
        Trainer t = PricingLearners.fsda(SHORT, 2, Presets.FSDA, 1, 1);
        assertEquals("pricing", t.name(PricingBatchEnv.PRICING));
        assertEquals("ordering", t.name(PricingBatchEnv.ORDERING));
        assertEquals(21, t.actor(PricingBatchEnv.PRICING).config().outputs());
        assertEquals(21, t.actor(PricingBatchEnv.ORDERING).config().outputs());
        // The preset is fitted to the 20-period scenario: 25-step sequences become 5-step ones.
        assertEquals(5, t.config().sequenceLength());
        t.close();
    }

    @Test
    void pricingSequencesCutTheDefaultEpisodeIntoWholeSequences() {
        // Every rollout of one episode of the reported scenarios must cut into whole training
        // sequences, so the presets run unchanged on them.
        for (String name : List.of("a", "b", "c")) {
            PricingScenario sc = PricingScenario.named(name);
            assertEquals(0, sc.horizon() % Presets.FSDA.sequenceLength(), name);
            assertEquals(0, sc.horizon() % Presets.PPO_JOINT.sequenceLength(), name);
        }
    }

    @Test
    void slowAgentChangesExactlyOnScheduledEpisodes() {
        for (int fast : new int[] {PricingBatchEnv.PRICING, PricingBatchEnv.ORDERING}) {
            Trainer t = PricingLearners.fsda(SHORT, 4, small(fast), 11, 10);
            int slow = 1 - fast;
            String fastAgent = t.name(fast);
            UpdatePeriod schedule = UpdatePeriod.logarithmic();
            for (int n = 0; n < 9; n++) {
                float[] slowBefore = flat(t.actor(slow).parameters());
                float[] fastBefore = flat(t.actor(fast).parameters());
                float[] criticBefore = flat(t.critic().parameters());
                Trainer.RoundStats s = t.round();
                boolean due = schedule.due(n);
                assertEquals(due, s.agents()[slow].updated(), "slow agent flag at episode " + n);
                assertTrue(s.agents()[fast].updated(), "fast agent at episode " + n);
                boolean slowChanged = !java.util.Arrays.equals(slowBefore, flat(t.actor(slow).parameters()));
                assertEquals(due, slowChanged, fastAgent + ": slow agent weights changed at episode " + n);
                assertTrue(!java.util.Arrays.equals(fastBefore, flat(t.actor(fast).parameters())));
                assertTrue(!java.util.Arrays.equals(criticBefore, flat(t.critic().parameters())));
                assertTrue(Double.isFinite(s.meanEpisodeReward()) && Double.isFinite(s.valueLoss()));
            }
        }
    }

    @Test
    void jointActionPpoHas441ActionsAndStartsNearUniform() {
        PricingScenario b = PricingScenario.named("b");
        PricingBatchEnv env = new PricingBatchEnv(b, 1, PricingBatchEnv.Agents.JOINT);
        assertEquals(441, env.actionCount(0));
        assertEquals(20, PricingLearners.priceIndex(b, 440));
        assertEquals(20, PricingLearners.orderQuantity(b, 440));
        assertEquals(3, PricingLearners.priceIndex(b, 3 * 21 + 7));
        assertEquals(7, PricingLearners.orderQuantity(b, 3 * 21 + 7));
        Trainer ppo = PricingLearners.ppoJoint(SHORT, 4, Presets.CLEANRL_PPO.withSizes(8, 1, 1, 20).withUpdates(1, 2), 3, 2);
        assertEquals(1, ppo.agents());
        assertEquals(441, ppo.actor(0).config().outputs());
        Trainer.AgentStats s = ppo.round().agents()[0];
        // Untrained, the policy is near-uniform over 441 actions (entropy close to log 441); that it
        // learns is PricingLearningTest's business.
        assertEquals(Math.log(441), s.entropy(), 0.05);
    }
}
