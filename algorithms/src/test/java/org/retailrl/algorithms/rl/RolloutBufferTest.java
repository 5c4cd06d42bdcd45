package org.retailrl.algorithms.rl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.retailrl.autodiff.Tape;
import org.retailrl.core.Tensor;
import org.retailrl.core.random.Rng;
import org.retailrl.nn.RecurrentNet;

/**
 * The buffer's chunked sequences replay the rollout exactly: 2 episodes of 6 steps cut into chunks
 * of 4, so chunks start mid-episode (stored hidden states are not zero) and the chunk [4, 8)
 * contains an episode start at step 6 (the GRU must reset inside the sequence).
 */
class RolloutBufferTest {
    private static final int COPIES = 3;
    private static final int HORIZON = 6;
    private static final int CHUNK = 4;

    private record Setup(RecurrentNet actor, RecurrentNet critic, RolloutBuffer buffer) {
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
        RolloutBuffer buf;
        try (RolloutCollector c = new RolloutCollector(env, List.of(actor), critic, 77)) {
            buf = c.newBuffer(2 * HORIZON, CHUNK);
            c.collect(buf, 5, 0, null, null);
        }
        return new Setup(actor, critic, buf);
    }

    private static float[] replay(Setup s, boolean zeroHidden, boolean critic) {
        RolloutBuffer b = s.buffer();
        RolloutBuffer.Batch mb = b.gather(b.allSequences());
        Tape tape = new Tape();
        tape.setGradEnabled(false);
        int k = critic ? 1 : 0;
        Tensor h0 = mb.h0(k);
        if (zeroHidden) {
            h0 = Tensor.zeros(h0.shape());
        }
        RecurrentNet net = critic ? s.critic() : s.actor();
        float[] out = net.forward(tape, mb.obsT(k), mb.maskT(), h0).out().value().data();
        float[] res = new float[mb.rows().length];
        if (critic) {
            for (int i = 0; i < res.length; i++) {
                res[mb.rows()[i]] = out[i];
            }
        } else {
            FactorLayout layout = new FactorLayout(3);
            int[] acts = mb.gather(b.actions(0), 1);
            for (int i = 0; i < res.length; i++) {
                res[mb.rows()[i]] = (float) layout.logProb(out, i, acts, i);
            }
        }
        return res;
    }

    @Test
    void chunkedReplayReproducesTheRolloutsLogProbsAndValues() {
        Setup s = collect();
        RolloutBuffer b = s.buffer();
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
        RecurrentNet.Config v = new RecurrentNet.Config(2, 4, 1, 1);
        int[] views = {2};
        int[] factors = {1};
        int[] netViews = {0, 0};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new RolloutBuffer(10, 2, 3, views, factors, netViews, c, v));
        assertTrue(e.getMessage().contains("chunk"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new RolloutBuffer(10, 2, 5, views, factors, new int[] {0, 1}, c, v));
        assertTrue(e.getMessage().contains("network 1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new RolloutBuffer(10, 2, 5, views, factors, netViews, c));
        assertTrue(e.getMessage().contains("one view and one network per agent plus the critic"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new RolloutBuffer(10, 2, 5, new int[] {3}, factors, netViews, c, v));
        assertTrue(e.getMessage().contains("network 0") && e.getMessage().contains("input width 2"), e.getMessage());
        RolloutBuffer b = new RolloutBuffer(10, 2, 5, views, factors, netViews, c, v);
        e = assertThrows(IllegalArgumentException.class, () -> b.gather(new int[] {4}));
        assertTrue(e.getMessage().contains("seqs[0]"), e.getMessage());
    }
}
