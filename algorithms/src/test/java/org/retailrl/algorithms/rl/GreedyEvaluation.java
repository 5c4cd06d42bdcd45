package org.retailrl.algorithms.rl;

import java.util.Arrays;
import org.retailrl.autodiff.Tape;
import org.retailrl.core.Tensor;
import org.retailrl.nn.RecurrentNet;

/**
 * Exact evaluation of the greedy (arg-max) version of a recurrent policy on a {@link TabularMdp}
 * by enumerating every history that has positive probability under it; also reports the worst
 * disagreement with the optimal action along those histories.
 */
public final class GreedyEvaluation {
    /** Expected discounted return from the uniform initial state and the mismatches found. */
    public record Result(double value, int visitedNodes, int wrongActions, double wrongMass, String firstWrong) {
    }

    private final TabularMdp mdp;
    private final RecurrentNet actor;
    private final double gamma;
    private final double[][][] q;
    private final Tape tape = new Tape();
    private int nodes;
    private int wrong;
    private double wrongMass;
    private String firstWrong;
    private final double minReach;

    /**
     * Counts a wrong action only at histories reached with probability >= {@code minReach} under
     * the greedy policy (PPO learns only where it samples); {@code wrongMass} sums the reach
     * probabilities of all wrong histories regardless.
     */
    public GreedyEvaluation(TabularMdp mdp, RecurrentNet actor, double gamma, double minReach) {
        this.minReach = minReach;
        this.mdp = mdp;
        this.actor = actor;
        this.gamma = gamma;
        this.q = mdp.optimalQ(gamma);
    }

    public Result run() {
        tape.setGradEnabled(false);
        double v = 0;
        RecurrentNet.Config c = actor.config();
        for (int s = 0; s < mdp.states(); s++) {
            v += value(s, 0, new float[c.hiddenSize()], 1.0 / mdp.states()) / mdp.states();
        }
        return new Result(v, nodes, wrong, wrongMass, firstWrong);
    }

    private double value(int s, int t, float[] h, double reach) {
        if (t == mdp.horizon) {
            return 0;
        }
        nodes++;
        RecurrentNet.Config c = actor.config();
        float[] obs = new float[mdp.observationSize()];
        mdp.encode(s, t, obs, 0);
        RecurrentNet.Output out = actor.forward(tape, Tensor.wrap(obs, 1, 1, obs.length),
                new float[] {t == 0 ? 1f : 0f}, Tensor.wrap(h.clone(), c.gruLayers(), 1, c.hidden()));
        float[] logits = out.out().value().data();
        float[] nh = Arrays.copyOf(out.lastHidden().value().data(), h.length);
        tape.reset();
        int a = 0;
        for (int k = 1; k < logits.length; k++) {
            if (logits[k] > logits[a]) {
                a = k;
            }
        }
        int best = 0;
        for (int k = 1; k < q[t][s].length; k++) {
            if (q[t][s][k] > q[t][s][best]) {
                best = k;
            }
        }
        if (a != best) {
            wrongMass += reach;
            if (reach >= minReach) {
                wrong++;
                if (firstWrong == null) {
                    firstWrong = "t=" + t + " s=" + s + " reach " + reach + " chose " + a + " optimal " + best
                            + " q=" + Arrays.toString(q[t][s]);
                }
            }
        }
        double v = mdp.reward[s][a];
        for (int y = 0; y < mdp.states(); y++) {
            double p = mdp.next[s][a][y];
            if (p > 0) {
                v += gamma * p * value(y, t + 1, nh, reach * p);
            }
        }
        return v;
    }

    /** Optimal value from the uniform initial state. */
    public double optimum() {
        double v = 0;
        for (int s = 0; s < mdp.states(); s++) {
            v += Arrays.stream(q[0][s]).max().orElseThrow() / mdp.states();
        }
        return v;
    }

    /** Smallest gap between the best and second-best action over all (t, s). */
    public double smallestGap() {
        double gap = Double.POSITIVE_INFINITY;
        for (double[][] qt : q) {
            for (double[] qs : qt) {
                double[] sorted = qs.clone();
                Arrays.sort(sorted);
                gap = Math.min(gap, sorted[sorted.length - 1] - sorted[sorted.length - 2]);
            }
        }
        return gap;
    }
}
