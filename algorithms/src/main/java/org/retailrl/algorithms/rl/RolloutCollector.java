package org.retailrl.algorithms.rl;

import java.util.Arrays;
import java.util.List;
import org.retailrl.core.parallel.WorkerTeam;
import org.retailrl.core.random.Rng;
import org.retailrl.nn.RecurrentNet;

/**
 * The one rollout collector of the learner core (docs/model.md §8.2; the "collect" phase of
 * CleanRL's loop): plays whole episodes of an {@link AgentEnv} with one recurrent actor per agent
 * and a recurrent critic and fills a {@link RolloutBuffer}. Each network's GRU hidden state is
 * carried from step to step within an episode and zeroed when an episode starts; the state entering
 * every chunk is stored for training.
 *
 * <p>Parallelism and determinism: the copies are split into contiguous shards, one per thread
 * (at most one per copy); each step, every shard runs the networks on its
 * own copies with its own tape, and copy {@code n} samples its choices from its own stream
 * {@code Rng.stream(seed, n)} (agents in index order, factors in order). A copy's network outputs
 * do not depend on which other copies share its shard (every layer computes each row on its own,
 * with the same arithmetic — the GEMM's row invariance), and every shard writes disjoint buffer
 * entries, so the rollout is bit-identical for any number of shards and threads. The
 * environment is stepped on the calling thread; its randomness depends only on
 * {@code (envSeed, episode, copy)}.
 */
public final class RolloutCollector implements AutoCloseable {
    /**
     * Shards the copies are split into on one thread: one, since results do not depend on the
     * split and one taller GEMM per layer beats two short ones (16 copies: about 20% more
     * copy-steps per second than two shards of 8 rows, docs/performance.md).
     */
    public static final int SHARDS = 1;

    private final AgentEnv env;
    private final List<RecurrentNet> actors;
    private final RecurrentNet critic;
    private final FactorLayout[] layouts;
    private final int[] netViews;
    private final Rng[] samplers;
    private Shard[] shards;
    private final float[][] obs;
    private final double[] reward;
    private final float[] scaled;
    private final int[][] act;
    private final float[][] cont;
    /** Computes the shards of a step; the calling thread is one of its members. */
    private WorkerTeam team = WorkerTeam.SERIAL;
    /** Rollout rounds started by any collector, the source of their weights epochs. */
    private static final java.util.concurrent.atomic.AtomicLong ROUNDS = new java.util.concurrent.atomic.AtomicLong();

    /** The networks' view of copies {@code [lo, hi)}: its step buffers, hidden states, inputs and outputs. */
    private final class Shard {
        final int lo;
        final int hi;
        final RecurrentNet.StepWorkspace ws = new RecurrentNet.StepWorkspace();
        /** The round's weights epoch (see {@link #collect}); 0 outside a round. */
        long epoch;
        final float[][] carried;
        final float[][] out;
        final float[][] obs;
        final float[] mask;
        final FactorLayout.Scratch scratch;

        Shard(int lo, int hi) {
            this.lo = lo;
            this.hi = hi;
            int n = hi - lo;
            carried = new float[actors.size() + 1][];
            out = new float[actors.size() + 1][];
            for (int k = 0; k <= actors.size(); k++) {
                carried[k] = new float[net(k).config().hiddenSize() * n];
                out[k] = new float[net(k).config().outputs() * n];
            }
            obs = new float[env.views()][];
            for (int v = 0; v < obs.length; v++) {
                obs[v] = new float[n * env.viewSize(v)];
            }
            mask = new float[n];
            int widest = 1;
            for (FactorLayout l : layouts) {
                widest = Math.max(widest, l.width());
            }
            scratch = new FactorLayout.Scratch(widest);
        }
    }

    /** A collector for {@code actors} (one per agent of {@code env}) and {@code critic}. */
    public RolloutCollector(AgentEnv env, List<RecurrentNet> actors, RecurrentNet critic, long seed) {
        if (actors.size() != env.agents()) {
            throw new IllegalArgumentException("actors: need one per agent (" + env.agents() + "), got " + actors.size());
        }
        layouts = new FactorLayout[actors.size()];
        netViews = new int[actors.size() + 1];
        for (int a = 0; a < actors.size(); a++) {
            RecurrentNet.Config c = actors.get(a).config();
            layouts[a] = env.actionLayout(a);
            netViews[a] = env.agentView(a);
            int d = env.viewSize(netViews[a]);
            if (c.outputs() != layouts[a].width() || c.inputs() != d) {
                throw new IllegalArgumentException("actor " + a + " must map " + d + " inputs to "
                        + layouts[a].width() + " logits, has " + c.inputs() + " → " + c.outputs());
            }
        }
        netViews[actors.size()] = env.criticView();
        int dc = env.viewSize(env.criticView());
        if (critic.config().outputs() != 1 || critic.config().inputs() != dc) {
            throw new IllegalArgumentException("critic must map " + dc + " inputs to 1 output");
        }
        this.env = env;
        this.actors = List.copyOf(actors);
        this.critic = critic;
        int n = env.copies();
        samplers = new Rng[n];
        for (int i = 0; i < n; i++) {
            samplers[i] = Rng.stream(seed, i);
        }
        shards = shards(Math.min(SHARDS, n));
        obs = new float[env.views()][];
        for (int v = 0; v < obs.length; v++) {
            obs[v] = new float[n * env.viewSize(v)];
        }
        reward = new double[n];
        scaled = new float[n];
        act = new int[actors.size()][];
        cont = new float[actors.size()][];
        for (int a = 0; a < act.length; a++) {
            act[a] = new int[n * layouts[a].factors()];
            cont[a] = new float[n * layouts[a].continuous()];
        }
    }

    /** The buffer shape this collector fills: {@code steps} steps of chunks of {@code chunk}. */
    public RolloutBuffer newBuffer(int steps, int chunk) {
        int[] sizes = new int[env.views()];
        for (int v = 0; v < sizes.length; v++) {
            sizes[v] = env.viewSize(v);
        }
        int[] factors = new int[layouts.length];
        int[] continuous = new int[layouts.length];
        RecurrentNet.Config[] nets = new RecurrentNet.Config[actors.size() + 1];
        for (int a = 0; a < layouts.length; a++) {
            factors[a] = layouts[a].factors();
            continuous[a] = layouts[a].continuous();
            nets[a] = actors.get(a).config();
        }
        nets[actors.size()] = critic.config();
        return new RolloutBuffer(steps, env.copies(), chunk, sizes, factors, continuous, netViews, nets);
    }

    private Shard[] shards(int count) {
        int n = env.copies();
        Shard[] out = new Shard[count];
        for (int s = 0; s < count; s++) {
            out[s] = new Shard(n * s / count, n * (s + 1) / count);
        }
        return out;
    }

    private RecurrentNet net(int k) {
        return k < actors.size() ? actors.get(k) : critic;
    }

    /**
     * Sets how many threads compute the shards (1: the calling thread only), with one shard per
     * thread (at most one per copy); results do not depend on it. Must be in [1, 1024]. Call
     * between rollouts (every rollout starts its episodes afresh, so no state is lost).
     */
    public void setThreads(int threads) {
        if (threads < 1 || threads > 1024) {
            throw new IllegalArgumentException("threads must be in [1, 1024], got " + threads);
        }
        close();
        int count = Math.min(env.copies(), Math.max(SHARDS, threads));
        if (count != shards.length) {
            shards = shards(count);
        }
        team = WorkerTeam.create(Math.min(threads, shards.length));
    }

    /** Stops the worker threads, if any. */
    @Override
    public void close() {
        team.close();
        team = WorkerTeam.SERIAL;
    }

    /**
     * Plays {@code buffer.steps() / horizon} episode batches, the first numbered
     * {@code firstEpisode}, into {@code buffer}.
     *
     * @param valueNorm maps the critic's outputs back to return units, or null (raw outputs)
     * @param scaler    scales the rewards stored for learning, or null
     * @return the undiscounted raw total reward of each (episode batch, copy), {@code [E·N]}
     */
    public double[] collect(RolloutBuffer buffer, long envSeed, long firstEpisode, ValueNorm valueNorm,
                            RewardScaler scaler) {
        int n = env.copies();
        int horizon = env.horizon();
        if (buffer.copies() != n || buffer.steps() % horizon != 0 || buffer.agents() != actors.size()) {
            throw new IllegalArgumentException("buffer must hold " + n + " copies, " + actors.size()
                    + " agents and a multiple of the horizon " + horizon + " steps, has " + buffer.copies() + ", "
                    + buffer.agents() + " and " + buffer.steps());
        }
        int episodes = buffer.steps() / horizon;
        // Nothing trains during a round: the layers may check their packed weights once per round
        // instead of at every step (an epoch no other round, of any collector, uses).
        long epoch = ROUNDS.incrementAndGet();
        for (Shard s : shards) {
            s.epoch = epoch;
        }
        try {
            return collectSteps(buffer, envSeed, firstEpisode, valueNorm, scaler, n, horizon, episodes);
        } finally {
            for (Shard s : shards) {
                s.epoch = 0;
            }
        }
    }

    private double[] collectSteps(RolloutBuffer buffer, long envSeed, long firstEpisode, ValueNorm valueNorm,
                                  RewardScaler scaler, int n, int horizon, int episodes) {
        double[] profit = new double[episodes * n];
        for (int t = 0; t < buffer.steps(); t++) {
            int tau = t % horizon;
            int e = t / horizon;
            boolean start = tau == 0;
            boolean end = tau == horizon - 1;
            if (start) {
                env.reset(envSeed, firstEpisode + e);
            }
            for (int v = 0; v < obs.length; v++) {
                env.observe(v, obs[v]);
                // Messages are built only on failure: these checks run at every step.
                if (!FiniteCheck.allFinite(obs[v])) {
                    FiniteCheck.array("observation (view " + v + ") at step " + t, obs[v]);
                }
                int d = env.viewSize(v);
                System.arraycopy(obs[v], 0, buffer.observations(v), t * n * d, n * d);
            }
            final int step = t;
            runShards(s -> act(s, buffer, step, start, valueNorm));
            env.step(act, cont, samplers, reward);
            for (int i = 0; i < n; i++) {
                if (!Double.isFinite(reward[i])) {
                    FiniteCheck.scalar("reward of copy " + i + " at step " + t, reward[i]);
                }
                profit[e * n + i] += reward[i];
                scaled[i] = (float) reward[i];
            }
            if (scaler != null) {
                scaler.scale(scaled, end);
            }
            System.arraycopy(scaled, 0, buffer.rewards(), t * n, n);
            Arrays.fill(buffer.starts(), t * n, (t + 1) * n, start ? 1f : 0f);
            Arrays.fill(buffer.ends(), t * n, (t + 1) * n, end ? 1f : 0f);
        }
        return profit;
    }

    private interface ShardTask {
        void run(Shard s);
    }

    private void runShards(ShardTask task) {
        // Member w computes shards w, w + size, …: who computes a shard does not change its result.
        int size = team.size();
        team.run(w -> {
            for (int s = w; s < shards.length; s += size) {
                task.run(shards[s]);
            }
        });
    }

    /** One step of every network on shard {@code s}: choices, log-probs, values, next hidden states. */
    private void act(Shard s, RolloutBuffer buffer, int t, boolean start, ValueNorm valueNorm) {
        int n = env.copies();
        int m = s.hi - s.lo;
        for (int v = 0; v < obs.length; v++) {
            int d = env.viewSize(v);
            System.arraycopy(obs[v], s.lo * d, s.obs[v], 0, m * d);
        }
        Arrays.fill(s.mask, start ? 1f : 0f);
        if (start) {
            for (float[] h : s.carried) {
                Arrays.fill(h, 0f);
            }
        }
        boolean chunkStart = t % buffer.chunk() == 0;
        for (int k = 0; k < s.carried.length; k++) {
            RecurrentNet.Config c = net(k).config();
            if (chunkStart) {
                // Buffer layout [L, N, H]; the shard holds [L, m, H] for copies lo..hi-1.
                float[] dst = buffer.hidden(k, t / buffer.chunk());
                for (int l = 0; l < c.gruLayers(); l++) {
                    System.arraycopy(s.carried[k], l * m * c.hidden(), dst, (l * n + s.lo) * c.hidden(), m * c.hidden());
                }
            }
            // The tape-free step: RecurrentNet.forward's bits without its per-step objects.
            net(k).step(s.obs[netViews[k]], s.mask, m, s.carried[k], s.out[k], s.ws, s.epoch);
            float[] o = s.out[k];
            if (k < actors.size()) {
                if (!FiniteCheck.allFinite(o)) {
                    FiniteCheck.array("logits of actor " + k + " at step " + t, o);
                }
                FactorLayout l = layouts[k];
                int f = l.factors();
                int d = l.continuous();
                int[] chosen = act[k];
                int[] bufAct = buffer.actions(k);
                float[] bufLp = buffer.logProbs(k);
                if (d == 0) {
                    for (int i = 0; i < m; i++) {
                        int copy = s.lo + i;
                        int at = copy * f;
                        bufLp[t * n + copy] = (float) l.sampleLogProb(o, i, samplers[copy], chosen, at, s.scratch);
                    }
                } else {
                    float[] x = cont[k];
                    for (int i = 0; i < m; i++) {
                        int copy = s.lo + i;
                        bufLp[t * n + copy] = (float) l.sampleLogProb(o, i, samplers[copy], chosen, copy * f, x,
                                copy * d, s.scratch);
                    }
                    System.arraycopy(x, s.lo * d, buffer.continuousActions(k), (t * n + s.lo) * d, m * d);
                }
                System.arraycopy(chosen, s.lo * f, bufAct, (t * n + s.lo) * f, m * f);
            } else {
                float[] values = buffer.values();
                for (int i = 0; i < m; i++) {
                    values[t * n + s.lo + i] = valueNorm == null ? o[i] : valueNorm.denormalize(o[i]);
                }
            }
        }
    }

    /**
     * The action samplers' states, one {@link Rng#state()} per copy (for checkpoints); everything
     * else the collector holds is rebuilt at every episode start.
     */
    public long[][] samplerStates() {
        long[][] out = new long[samplers.length][];
        for (int i = 0; i < samplers.length; i++) {
            out[i] = samplers[i].state();
        }
        return out;
    }

    /**
     * Validates sampler states as {@link #restoreSamplers} would, changing nothing: trainers check
     * every part of a checkpoint before they restore any of it.
     */
    public void checkSamplers(long[][] states) {
        samplersFrom(states);
    }

    /** Restores the samplers from {@link #samplerStates()}; all are validated before any is replaced. */
    public void restoreSamplers(long[][] states) {
        Rng[] restored = samplersFrom(states);
        System.arraycopy(restored, 0, samplers, 0, samplers.length);
    }

    private Rng[] samplersFrom(long[][] states) {
        if (states == null || states.length != samplers.length) {
            throw new IllegalArgumentException("sampler states: need one per copy (" + samplers.length + "), got "
                    + (states == null ? "none" : Integer.toString(states.length)));
        }
        Rng[] restored = new Rng[states.length];
        for (int i = 0; i < states.length; i++) {
            restored[i] = Rng.fromState(states[i]);
        }
        return restored;
    }
}
