package org.retailrl.algorithms.rl;

import java.util.Arrays;
import java.util.List;
import org.retailrl.autodiff.Tape;
import org.retailrl.core.Tensor;
import org.retailrl.core.random.Rng;

/**
 * Plays whole episodes of a {@link BatchEnv} with recurrent actors and a recurrent critic and
 * fills a {@link RecurrentRolloutBuffer} (MODEL.md §8; the "collect" phase of CleanRL's loop).
 * Each network's GRU hidden state is carried from step to step within an episode and zeroed when
 * an episode starts; the state entering every chunk is stored for training.
 *
 * <p>Determinism: copy {@code n} samples its actions from its own stream
 * {@code Rng.stream(seed, n)} (agents in index order), and the environment's randomness depends
 * only on {@code (envSeed, episode, copy)}, so a rollout is a function of the seeds and the
 * weights alone.
 */
public final class RolloutCollector {
    private final BatchEnv env;
    private final List<RecurrentNet> actors;
    private final RecurrentNet critic;
    private final Rng[] samplers;
    private final float[][] carried;
    private final Tape tape = new Tape();
    private final float[] obs;
    private final float[] mask;
    private final float[] reward;
    private final int[][] act;

    /** A collector for {@code actors} (one per agent of {@code env}) and {@code critic}. */
    public RolloutCollector(BatchEnv env, List<RecurrentNet> actors, RecurrentNet critic, long seed) {
        if (actors.size() != env.agents()) {
            throw new IllegalArgumentException("actors: need one per agent (" + env.agents() + "), got " + actors.size());
        }
        for (int a = 0; a < actors.size(); a++) {
            RecurrentNet.Config c = actors.get(a).config();
            if (c.outputs() != env.actionCount(a) || c.inputs() != env.observationSize()) {
                throw new IllegalArgumentException("actor " + a + " must map " + env.observationSize() + " inputs to "
                        + env.actionCount(a) + " actions, has " + c.inputs() + " → " + c.outputs());
            }
        }
        if (critic.config().outputs() != 1 || critic.config().inputs() != env.observationSize()) {
            throw new IllegalArgumentException("critic must map " + env.observationSize() + " inputs to 1 output");
        }
        this.env = env;
        this.actors = List.copyOf(actors);
        this.critic = critic;
        int n = env.copies();
        samplers = new Rng[n];
        for (int i = 0; i < n; i++) {
            samplers[i] = Rng.stream(seed, i);
        }
        carried = new float[actors.size() + 1][];
        for (int k = 0; k <= actors.size(); k++) {
            carried[k] = new float[net(k).config().hiddenSize() * n];
        }
        obs = new float[n * env.observationSize()];
        mask = new float[n];
        reward = new float[n];
        act = new int[actors.size()][n];
    }

    private RecurrentNet net(int k) {
        return k < actors.size() ? actors.get(k) : critic;
    }

    /**
     * Plays {@code buffer.steps() / horizon} episode batches, the first numbered
     * {@code firstEpisode}, into {@code buffer}.
     *
     * @param valueNorm maps the critic's outputs back to return units, or null (raw outputs)
     * @param scaler    scales the rewards stored for learning, or null
     * @return the undiscounted raw total reward of each (episode batch, copy), {@code [E·N]}
     */
    public double[] collect(RecurrentRolloutBuffer buffer, long envSeed, long firstEpisode, ValueNorm valueNorm,
                            RewardScaler scaler) {
        int n = env.copies();
        int horizon = env.horizon();
        int d = env.observationSize();
        if (buffer.copies() != n || buffer.steps() % horizon != 0) {
            throw new IllegalArgumentException("buffer must hold " + n + " copies and a multiple of the horizon "
                    + horizon + " steps, has " + buffer.copies() + " and " + buffer.steps());
        }
        int episodes = buffer.steps() / horizon;
        double[] profit = new double[episodes * n];
        float[] allObs = buffer.observations();
        for (int t = 0; t < buffer.steps(); t++) {
            int tau = t % horizon;
            int e = t / horizon;
            boolean start = tau == 0;
            boolean end = tau == horizon - 1;
            if (start) {
                env.reset(envSeed, firstEpisode + e);
                for (float[] h : carried) {
                    Arrays.fill(h, 0f);
                }
            }
            env.observe(obs);
            FiniteCheck.array("observation at step " + t, obs);
            System.arraycopy(obs, 0, allObs, t * n * d, n * d);
            Arrays.fill(mask, start ? 1f : 0f);
            if (t % buffer.chunk() == 0) {
                for (int k = 0; k < carried.length; k++) {
                    System.arraycopy(carried[k], 0, buffer.hidden(k, t / buffer.chunk()), 0, carried[k].length);
                }
            }
            Tensor obsT = Tensor.wrap(obs, 1, n, d);
            tape.setGradEnabled(false);
            for (int k = 0; k < carried.length; k++) {
                RecurrentNet net = net(k);
                RecurrentNet.Config c = net.config();
                RecurrentNet.Output out = net.forward(tape, obsT, mask,
                        Tensor.wrap(carried[k], c.gruLayers(), n, c.hidden()));
                float[] o = out.out().value().data();
                System.arraycopy(out.lastHidden().value().data(), 0, carried[k], 0, carried[k].length);
                if (k < actors.size()) {
                    int a = c.outputs();
                    int[] chosen = act[k];
                    FiniteCheck.array("logits of actor " + k + " at step " + t, o);
                    for (int i = 0; i < n; i++) {
                        chosen[i] = samplers[i].categorical(o, i * a, a);
                        buffer.actions(k)[t * n + i] = chosen[i];
                    }
                    float[] lp = new float[n];
                    PolicyLoss.logProbs(o, a, chosen, lp);
                    System.arraycopy(lp, 0, buffer.logProbs(k), t * n, n);
                } else {
                    for (int i = 0; i < n; i++) {
                        float v = o[i];
                        buffer.values()[t * n + i] = valueNorm == null ? v : valueNorm.denormalize(v);
                    }
                }
                tape.reset();
            }
            env.step(act, reward);
            for (int i = 0; i < n; i++) {
                FiniteCheck.scalar("reward of copy " + i + " at step " + t, reward[i]);
                profit[e * n + i] += reward[i];
            }
            if (scaler != null) {
                scaler.scale(reward, end);
            }
            System.arraycopy(reward, 0, buffer.rewards(), t * n, n);
            Arrays.fill(buffer.starts(), t * n, (t + 1) * n, start ? 1f : 0f);
            Arrays.fill(buffer.ends(), t * n, (t + 1) * n, end ? 1f : 0f);
        }
        return profit;
    }
}
