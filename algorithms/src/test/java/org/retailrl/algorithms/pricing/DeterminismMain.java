package org.retailrl.algorithms.pricing;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.retailrl.algorithms.rl.LearnerConfig;
import org.retailrl.algorithms.rl.MatrixGameEnv;
import org.retailrl.algorithms.rl.Presets;
import org.retailrl.algorithms.rl.StepSize;
import org.retailrl.algorithms.rl.TabularMdp;
import org.retailrl.algorithms.rl.TestConfigs;
import org.retailrl.algorithms.rl.Trainer;
import org.retailrl.core.simd.Kernels;
import org.retailrl.envs.pricing.PricingScenario;
import org.retailrl.nn.Module;
import org.retailrl.nn.Parameter;

/**
 * Trains PPO, HAPPO and FSDA briefly and prints a SHA-256 digest of every weight, one line per
 * run, for {@link DeterminismTest} (which runs this in fresh JVMs). Line format: {@code name digest}.
 */
public final class DeterminismMain {
    private DeterminismMain() {
    }

    static String digest(List<Parameter> params) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (Parameter p : params) {
                float[] d = p.value().data();
                ByteBuffer b = ByteBuffer.allocate(4 * d.length);
                for (float x : d) {
                    b.putInt(Float.floatToRawIntBits(x));
                }
                md.update(b.array());
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String ppo(long seed) {
        LearnerConfig cfg = TestConfigs.stepSize(Presets.CLEANRL_PPO.withSizes(16, 1, 1, 5), StepSize.linear(3e-3));
        Trainer t = new Trainer(TabularMdp.standard(8), cfg, seed, 3, "actor");
        for (int u = 0; u < 3; u++) {
            t.round();
        }
        return digest(Module.concat(t.actor(0), t.critic()));
    }

    static String happo(long seed) {
        LearnerConfig cfg = TestConfigs.agents(Presets.HAPPO.withSizes(16, 1, 1, 4), 3, StepSize.constant(1e-2));
        Trainer t = new Trainer(new MatrixGameEnv(3, 3, 4, 16), cfg, seed, 4, "a0", "a1", "a2");
        for (int r = 0; r < 4; r++) {
            t.round();
        }
        return digest(Module.concat(t.actor(0), t.actor(1), t.actor(2), t.critic()));
    }

    static String fsda(long seed, int threads) {
        PricingScenario shortB = PricingScenario.named("b").toBuilder().horizon(20).build();
        // FSDA's timescales with CleanRL's actor step, width 8 and 20-step sequences.
        LearnerConfig cfg = Presets.FSDA_CLEANRL.withSizes(8, 2, 1, 20).withUpdates(1, 2);
        Trainer t = PricingLearners.fsda(shortB, 5, cfg, seed, 3);
        t.setRolloutThreads(threads);
        try {
            for (int n = 0; n < 3; n++) {
                t.round();
            }
        } finally {
            t.close();
        }
        return digest(Module.concat(t.actor(0), t.actor(1), t.critic()));
    }

    public static void main(String[] args) {
        System.out.println("kernels " + Kernels.implementation());
        System.out.println("ppo " + ppo(5));
        System.out.println("ppo-again " + ppo(5));
        System.out.println("ppo-other-seed " + ppo(6));
        System.out.println("happo " + happo(9));
        System.out.println("happo-again " + happo(9));
        System.out.println("fsda-1-thread " + fsda(8, 1));
        System.out.println("fsda-2-threads " + fsda(8, 2));
    }
}
