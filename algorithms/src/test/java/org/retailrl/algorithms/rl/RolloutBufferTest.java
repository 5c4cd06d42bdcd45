package org.retailrl.algorithms.rl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.retailrl.autodiff.Tape;
import org.retailrl.core.Tensor;
import org.retailrl.core.random.Rng;

/**
 * The buffer's chunked sequences replay the rollout exactly: 2 episodes of 6 steps cut into chunks
 * of 4, so chunks start mid-episode (stored hidden states are not zero) and the chunk [4, 8)
 * contains an episode start at step 6 (the GRU must reset inside the sequence).
 */
class RecurrentRolloutBufferTest {
    private static final int COPIES = 3;
    private static final int HORIZON = 6;
    private static final int CHUNK = 4;

    private record Setup(RecurrentNet actor, RecurrentNet critic, RecurrentRolloutBuffer buffer) {
    }

    private static Setup collect() {
        MatrixGameEnv env = new MatrixGameEnv(1, 3, HORIZON, COPIES);
        Rng init = new Rng(4);
        RecurrentNet actor = RecurrentNet.actor("actor", env.observationSize(), 8, 2, 3, init);
        RecurrentNet critic = RecurrentNet.critic("critic", env.observationSize(), 8, 2, init);
        // Larger head weights than the 0.01 init, so that the logits depend visibly on the hidden state.
        for (float[] w : List.of(actor.parameters().get(actor.parameters().size() - 2).value().data())) {
            for (int i = 0; i < w.length; i++) {
                w[i] *= 300;
            }
        }
        RecurrentRolloutBuffer buf = new RecurrentRolloutBuffer(2 * HORIZON, COPIES, env.observationSize(), 1, CHUNK,
                actor.config(), critic.config());
        try (RolloutCollector c = new RolloutCollector(env, List.of(actor), critic, 77)) {
            c.collect(buf, 5, 0, null, null);
        }
        return new Setup(actor, critic, buf);
    }

    private static float[] replay(Setup s, boolean zeroHidden, boolean critic) {
        RecurrentRolloutBuffer b = s.buffer();
        int[] all = new int[b.sequences()];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        RecurrentRolloutBuffer.MiniBatch mb = b.gather(all);
        Tape tape = new Tape();
        tape.setGradEnabled(false);
        Tensor h0 = mb.h0()[critic ? 1 : 0];
        if (zeroHidden) {
            h0 = Tensor.zeros(h0.shape());
        }
        RecurrentNet net = critic ? s.critic() : s.actor();
        float[] out = net.forward(tape, mb.obsT(), mb.maskT(), h0).out().value().data();
        float[] res = new float[mb.rows().length];
        if (critic) {
            for (int i = 0; i < res.length; i++) {
                res[mb.rows()[i]] = out[i];
            }
        } else {
            float[] lp = new float[res.length];
            PolicyLoss.logProbs(out, 3, mb.gather(b.actions(0)), lp);
            for (int i = 0; i < res.length; i++) {
                res[mb.rows()[i]] = lp[i];
            }
        }
        return res;
    }

    @Test
    void chunkedReplayReproducesTheRolloutsLogProbsAndValues() {
        Setup s = collect();
        RecurrentRolloutBuffer b = s.buffer();
        assertEquals(COPIES * 3, b.sequences());
        float[] lp = replay(s, false, false);
        float[] v = replay(s, false, true);
        for (int i = 0; i < lp.length; i++) {
            assertEquals(b.logProbs(0)[i], lp[i], 1e-5, "log-prob at step " + i / COPIES + ", copy " + i % COPIES);
            assertEquals(b.values()[i], v[i], 1e-5, "value at step " + i / COPIES + ", copy " + i % COPIES);
        }
        // Flags: episode starts at steps 0 and 6, ends at 5 and 11.
        for (int t = 0; t < 2 * HORIZON; t++) {
            assertEquals(t % HORIZON == 0 ? 1f : 0f, b.starts()[t * COPIES]);
            assertEquals(t % HORIZON == HORIZON - 1 ? 1f : 0f, b.ends()[t * COPIES]);
        }
    }

    @Test
    void replayWithoutTheStoredHiddenStatesWouldDiffer() {
        // Control: the hidden state stored at chunk starts matters, so the test above can fail.
        Setup s = collect();
        float[] lp = replay(s, true, false);
        double maxDiff = 0;
        for (int i = 0; i < lp.length; i++) {
            maxDiff = Math.max(maxDiff, Math.abs(lp[i] - s.buffer().logProbs(0)[i]));
        }
        assertTrue(maxDiff > 1e-3, "zeroed hidden states should change some log-prob, max diff " + maxDiff);
        // Chunk 0 starts an episode, so its stored state is zero; chunk 1 (step 4) is mid-episode.
        float[] h1 = s.buffer().hidden(0, 1);
        double norm = 0;
        for (float x : h1) {
            norm += x * x;
        }
        assertTrue(norm > 0, "hidden state entering step 4 must be stored");
        for (float x : s.buffer().hidden(0, 0)) {
            assertEquals(0f, x);
        }
    }

    @Test
    void badShapesAreRejected() {
        RecurrentNet.Config c = new RecurrentNet.Config(2, 4, 1, 3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new RecurrentRolloutBuffer(10, 2, 2, 1, 3, c));
        assertTrue(e.getMessage().contains("chunk"), e.getMessage());
        RecurrentRolloutBuffer b = new RecurrentRolloutBuffer(10, 2, 2, 1, 5, c);
        e = assertThrows(IllegalArgumentException.class, () -> b.gather(new int[] {4}));
        assertTrue(e.getMessage().contains("seqs[0]"), e.getMessage());
    }
}
