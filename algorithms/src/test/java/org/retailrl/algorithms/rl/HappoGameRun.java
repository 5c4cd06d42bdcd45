package org.retailrl.algorithms.rl;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A manual run (not a test) of HAPPO on the cooperative matrix game of {@link HappoTest}: prints
 * the mean reward per tenth of the rounds and the mean of the last 10 rounds for each seed, with
 * settings given as {@code key=value} arguments ({@code seeds}, {@code rounds}, {@code lr},
 * {@code anneal}, {@code epochs}, {@code mb}, {@code ent}, {@code scale}, {@code copies}).
 */
public final class HappoGameRun {
    private HappoGameRun() {
    }

    public static void main(String[] args) {
        Map<String, String> kv = new LinkedHashMap<>();
        for (String a : args) {
            int i = a.indexOf('=');
            kv.put(a.substring(0, i), a.substring(i + 1));
        }
        int rounds = Integer.parseInt(kv.getOrDefault("rounds", "100"));
        int copies = Integer.parseInt(kv.getOrDefault("copies", "32"));
        double lr = Double.parseDouble(kv.getOrDefault("lr", "1e-2"));
        StepSize step = Boolean.parseBoolean(kv.getOrDefault("anneal", "false")) ? StepSize.linear(lr) : StepSize.constant(lr);
        LearnerConfig c = TestConfigs.entropyAndScaling(TestConfigs.agents(Presets.HAPPO.withSizes(16, 1, 1, 4)
                        .withUpdates(Integer.parseInt(kv.getOrDefault("epochs", "4")), Integer.parseInt(kv.getOrDefault("mb", "4"))),
                2, step), Double.parseDouble(kv.getOrDefault("ent", "0.01")),
                Boolean.parseBoolean(kv.getOrDefault("scale", "true")));
        for (String s : kv.getOrDefault("seeds", "1").split(",")) {
            long seed = Long.parseLong(s);
            Trainer t = new Trainer(new MatrixGameEnv(2, 3, 4, copies), c, seed, rounds, "a0", "a1");
            double[] r = new double[rounds];
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < rounds; i++) {
                Trainer.RoundStats st = t.round();
                r[i] = st.meanEpisodeReward();
                if (kv.containsKey("verbose")) {
                    System.out.printf(Locale.ROOT, "%4d %.3f order %s ent %.3f %.3f kl %.4f %.4f%n", i, r[i],
                            java.util.Arrays.toString(st.order()), st.agents()[0].entropy(), st.agents()[1].entropy(),
                            st.agents()[0].approxKl(), st.agents()[1].approxKl());
                }
            }
            for (int d = 0; d < 10; d++) {
                double m = 0;
                int lo = rounds * d / 10;
                int hi = rounds * (d + 1) / 10;
                for (int i = lo; i < hi; i++) {
                    m += r[i] / (hi - lo);
                }
                sb.append(String.format(Locale.ROOT, " %.2f", m));
            }
            double last = 0;
            for (int i = rounds - 10; i < rounds; i++) {
                last += r[i] / 10;
            }
            System.out.printf(Locale.ROOT, "seed %d last10 %.3f curve%s%n", seed, last, sb);
            if (kv.containsKey("table")) {
                for (int a = 0; a < 2; a++) {
                    for (int ctx = 0; ctx < 2; ctx++) {
                        float[] obs = new float[4 * 5];
                        for (int tt = 0; tt < 4; tt++) {
                            obs[tt * 5 + tt] = 1;
                            obs[tt * 5 + 4] = ctx;
                        }
                        float[] mask = {1, 0, 0, 0};
                        org.retailrl.autodiff.Tape tape = new org.retailrl.autodiff.Tape();
                        tape.setGradEnabled(false);
                        float[] lg = t.actor(a).forward(tape, org.retailrl.core.Tensor.wrap(obs, 4, 1, 5), mask, null)
                                .out().value().data();
                        StringBuilder row = new StringBuilder();
                        for (int tt = 0; tt < 4; tt++) {
                            double m = Math.max(lg[tt * 3], Math.max(lg[tt * 3 + 1], lg[tt * 3 + 2]));
                            double z = 0;
                            for (int k = 0; k < 3; k++) {
                                z += Math.exp(lg[tt * 3 + k] - m);
                            }
                            row.append(String.format(Locale.ROOT, " t%d(target %d):", tt, (tt + ctx) % 3));
                            for (int k = 0; k < 3; k++) {
                                row.append(String.format(Locale.ROOT, " %.3f", Math.exp(lg[tt * 3 + k] - m) / z));
                            }
                        }
                        System.out.println("  agent " + a + " ctx " + ctx + row);
                    }
                }
            }
        }
    }
}
