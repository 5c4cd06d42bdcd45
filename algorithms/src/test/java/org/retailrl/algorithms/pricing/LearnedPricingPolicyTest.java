package org.retailrl.algorithms.pricing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.retailrl.algorithms.eval.Rollout;
import org.retailrl.autodiff.Tape;
import org.retailrl.core.Tensor;
import org.retailrl.core.random.Rng;
import org.retailrl.envs.pricing.PricingBatch;
import org.retailrl.envs.pricing.PricingScenario;
import org.retailrl.nn.RecurrentNet;

class LearnedPricingPolicyTest {
    private static final PricingScenario B = PricingScenario.named("b").toBuilder().horizon(12).build();
    private static final int D = 6 + 3 + 1;

    private static RecurrentNet actor(String name, int actions, long seed) {
        RecurrentNet net = RecurrentNet.actor(name, D, 8, 2, actions, new Rng(seed));
        // Sharpen the 0.01-gain head so that greedy choices vary with the state.
        float[] w = net.parameters().get(net.parameters().size() - 2).value().data();
        for (int i = 0; i < w.length; i++) {
            w[i] *= 200;
        }
        return net;
    }

    private static int argmax(float[] x, int off, int n) {
        int best = 0;
        for (int k = 1; k < n; k++) {
            if (x[off + k] > x[off + best]) {
                best = k;
            }
        }
        return best;
    }

    @Test
    void stepwiseGreedyDecisionsEqualAWholeSequencePass() {
        RecurrentNet pricing = actor("pricing", 21, 1);
        RecurrentNet ordering = actor("ordering", 21, 2);
        LearnedPricingPolicy policy = new LearnedPricingPolicy("fsda", List.of(pricing, ordering), true, 0);
        int n = 3;
        int steps = B.horizon();
        PricingBatch batch = new PricingBatch(B, n);
        batch.reset(17);
        policy.reset(batch);
        Tensor obsT = Tensor.zeros(steps, n, D);
        float[] raw = new float[9 * n];
        float[] obs = new float[D * n];
        int[][] price = new int[steps][n];
        int[][] order = new int[steps][n];
        float[] reward = new float[n];
        java.util.Set<Integer> distinct = new java.util.HashSet<>();
        for (int t = 0; t < steps; t++) {
            PricingBatchEnv.observation(batch, raw, obs);
            System.arraycopy(obs, 0, obsT.data(), t * n * D, n * D);
            policy.act(batch, price[t], order[t]);
            distinct.add(price[t][0]);
            batch.step(price[t], order[t], reward);
        }
        // The same decisions from one pass over the whole sequence (zero initial state).
        Tape tape = new Tape();
        tape.setGradEnabled(false);
        float[] lp = pricing.forward(tape, obsT, null, null).out().value().data().clone();
        float[] lo = ordering.forward(tape, obsT, null, null).out().value().data().clone();
        for (int t = 0; t < steps; t++) {
            for (int i = 0; i < n; i++) {
                int row = t * n + i;
                assertEquals(argmax(lp, row * 21, 21), price[t][i], "price at t=" + t + " copy " + i);
                assertEquals(argmax(lo, row * 21, 21), order[t][i], "order at t=" + t + " copy " + i);
            }
        }
        assertTrue(distinct.size() > 1, "the check is vacuous if every decision is the same");
    }

    @Test
    void resetRestartsEpisodesAndJointActionsDecode() {
        LearnedPricingPolicy joint = new LearnedPricingPolicy("ppo", List.of(actor("joint", 441, 3)), false, 9);
        double[] first = Rollout.profits(B, joint, 5, 4);
        double[] again = Rollout.profits(B, joint, 5, 4);
        assertArrayEquals(first, again, "a reset must restart hidden states and sampling streams");
        PricingBatch batch = new PricingBatch(B, 2);
        batch.reset(1);
        joint.reset(batch);
        int[] p = new int[2];
        int[] q = new int[2];
        joint.act(batch, p, q);
        for (int i = 0; i < 2; i++) {
            assertTrue(p[i] >= 0 && p[i] < 21 && q[i] >= 0 && q[i] <= 20);
        }
    }

    @Test
    void greedyJointActionDecodesAsTheEnvironmentDoes() {
        RecurrentNet net = actor("joint", 441, 4);
        LearnedPricingPolicy joint = new LearnedPricingPolicy("ppo", List.of(net), true, 0);
        PricingBatch batch = new PricingBatch(B, 4);
        batch.reset(3);
        joint.reset(batch);
        float[] raw = new float[9 * 4];
        float[] obs = new float[D * 4];
        PricingBatchEnv.observation(batch, raw, obs);
        Tape tape = new Tape();
        tape.setGradEnabled(false);
        float[] logits = net.forward(tape, Tensor.wrap(obs, 1, 4, D), null, null).out().value().data();
        int[] p = new int[4];
        int[] q = new int[4];
        joint.act(batch, p, q);
        for (int i = 0; i < 4; i++) {
            int a = argmax(logits, i * 441, 441);
            assertEquals(PricingLearners.priceIndex(B, a), p[i]);
            assertEquals(PricingLearners.orderQuantity(B, a), q[i]);
        }
    }

    @Test
    void mismatchedActorsAreRejected() {
        LearnedPricingPolicy wrong = new LearnedPricingPolicy("x", List.of(actor("a", 20, 1), actor("b", 21, 2)), true, 0);
        PricingBatch batch = new PricingBatch(B, 1);
        batch.reset(1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> wrong.reset(batch));
        assertTrue(e.getMessage().contains("actor 0"), e.getMessage());
    }
}
