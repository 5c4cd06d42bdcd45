package org.retailrl.algorithms.rl;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.retailrl.algorithms.rl.LearnerConfig.Update;
import org.retailrl.autodiff.Ops;
import org.retailrl.autodiff.Tape;
import org.retailrl.core.parallel.WorkerTeam;
import org.retailrl.autodiff.Var;
import org.retailrl.core.random.Rng;
import org.retailrl.nn.Adam;
import org.retailrl.nn.AdamConfig;
import org.retailrl.nn.GradClip;
import org.retailrl.nn.Module;
import org.retailrl.nn.Parameter;
import org.retailrl.nn.RecurrentNet;

/**
 * The learner core (docs/model.md §8.13): one recurrent actor per agent of an {@link AgentEnv}, one
 * centralised recurrent critic, their optimisers and step sizes, the {@link RolloutCollector},
 * the {@link RolloutBuffer} and GAE, and the update pieces every learner is made of —
 * {@link #actorUpdate} (epochs × minibatches of the clipped surrogate, with an optional
 * per-sample weight), {@link #criticUpdate} (value normalisation, clipped/Huber loss),
 * {@link #ppoUpdate} (both in one loss, CleanRL's single-optimiser form) and
 * {@link #replayLogProbs}. A round ({@link #round()}) collects a rollout and hands it to the
 * configured scheme — {@link PpoRound}, {@link MappoRound} or {@link HappoRound} — which orders
 * those pieces. PPO, FSDA, HAPPO, MTMA and the recommendation baselines are configurations of this
 * class ({@link LearnerConfig}, {@link Presets}), not separate trainers.
 *
 * <p>Seeds: the networks (stream 0), the action samplers (stream 1) and then, in this order, the
 * agent orders (HAPPO only), the minibatch shuffles and the environment draw from separate streams
 * of {@code seed}; the same seed gives bit-identical weights, whatever the rollout thread count.
 * Not thread-safe.
 */
public final class Trainer implements AutoCloseable {
    /**
     * What one agent did in a round.
     *
     * @param updated      whether it was updated
     * @param position     its place in the round's order (0 first)
     * @param stepSize     the step size it used (NaN if not updated)
     * @param pgLoss       mean surrogate loss over its minibatch steps (NaN if not updated)
     * @param entropy      mean policy entropy, nats (NaN if not updated)
     * @param approxKl     approximate KL of its last epoch (NaN if not updated)
     * @param clipFraction mean clip fraction (NaN if not updated)
     */
    public record AgentStats(boolean updated, int position, double stepSize, double pgLoss, double entropy,
                             double approxKl, double clipFraction) {
        static AgentStats skipped(int position) {
            return new AgentStats(false, position, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
    }

    /**
     * What one round reports.
     *
     * @param round             0-based round index
     * @param order             agents in the order they were visited
     * @param agents            per agent (by index)
     * @param valueLoss         mean value loss (normalised units when value normalisation is on)
     * @param explainedVariance of the returns by the rollout's values
     * @param meanEpisodeReward mean undiscounted raw episode reward of the rollout
     */
    public record RoundStats(int round, int[] order, AgentStats[] agents, double valueLoss, double explainedVariance,
                             double meanEpisodeReward) {
    }

    /**
     * Everything of a trainer that changes while it trains: a trainer built with the same
     * environment, configuration, seed and plan and given this state continues bit for bit as the
     * one it was taken from. The rollout buffer and tape are not part of it: every round
     * overwrites them before reading.
     *
     * @param rounds         rounds done
     * @param envSeed        the environment seed derived from the trainer's seed (checked, not set)
     * @param parameterNames names of {@code parameters}: every actor's, in agent order, then the critic's
     * @param parameters     the weights, in that order
     * @param optimisers     Adam states in {@link #optimisers()} order
     * @param valueNorm      the critic's target normaliser, or null when value normalisation is off
     * @param rewardScaler   the reward scaler, or null when reward scaling is off
     * @param samplers       the rollout's action samplers, one {@link Rng#state()} per copy
     * @param orderRng       the stream of agent orders (HAPPO), or null
     * @param shuffle        the stream of minibatch shuffles
     */
    public record State(int rounds, long envSeed, String[] parameterNames, float[][] parameters, Adam.State[] optimisers,
                        ValueNorm.State valueNorm, RewardScaler.State rewardScaler, long[][] samplers, long[] orderRng,
                        long[] shuffle) {
    }

    private final AgentEnv env;
    private final LearnerConfig config;
    private final int planned;
    private final String[] names;
    private final List<RecurrentNet> actors = new ArrayList<>();
    private final RecurrentNet critic;
    private final List<Parameter> all;
    private final Adam[] optimisers;
    private final ValueNorm valueNorm;
    private final RewardScaler scaler;
    private final RolloutCollector collector;
    private final RolloutBuffer buffer;
    private final PolicyLoss policyLoss;
    private final ValueLoss valueLoss;
    private final long envSeed;
    private final Tape tape = new Tape();
    private Rng orderRng;
    private Rng shuffle;
    private int rounds;

    /**
     * A trainer on {@code env} planning {@code planned} rounds (the horizon of annealed step
     * sizes; more rounds are refused). {@code names[a]} names agent {@code a}'s parameters and
     * error messages.
     */
    public Trainer(AgentEnv env, LearnerConfig config, long seed, int planned, String... names) {
        if (names.length != env.agents() || config.agentCount() != env.agents()) {
            throw new IllegalArgumentException("need one name and one agent schedule per agent (" + env.agents()
                    + "), got " + names.length + " and " + config.agentCount());
        }
        if (planned < 1) {
            throw new IllegalArgumentException("planned rounds must be >= 1, got " + planned);
        }
        int rollout = config.episodesPerUpdate() * env.horizon();
        if (rollout % config.sequenceLength() != 0) {
            throw new IllegalArgumentException("sequenceLength must divide the rollout of " + rollout + " steps, got "
                    + config.sequenceLength());
        }
        int sequences = rollout / config.sequenceLength() * env.copies();
        if (config.minibatches() > sequences) {
            throw new IllegalArgumentException("minibatches must be <= training sequences = " + sequences
                    + " (copies × episodesPerUpdate × T / sequenceLength), got " + config.minibatches());
        }
        this.env = env;
        this.config = config;
        this.planned = planned;
        this.names = names.clone();
        Rng init = Rng.stream(seed, 0);
        for (int a = 0; a < names.length; a++) {
            actors.add(RecurrentNet.actor(names[a], env.viewSize(env.agentView(a)), config.hidden(), config.gruLayers(),
                    env.actionLayout(a).width(), init));
        }
        critic = RecurrentNet.critic("critic", env.viewSize(env.criticView()), config.hidden(), config.gruLayers(), init);
        List<Parameter> params = new ArrayList<>();
        for (RecurrentNet a : actors) {
            params.addAll(a.parameters());
        }
        params.addAll(critic.parameters());
        all = List.copyOf(params);
        if (config.update() == Update.PPO) {
            optimisers = new Adam[] {adam(Module.concat(actors.get(0), critic), config.agents().get(0).stepSize())};
        } else {
            optimisers = new Adam[actors.size() + 1];
            for (int a = 0; a < actors.size(); a++) {
                optimisers[a] = adam(actors.get(a).parameters(), config.agents().get(a).stepSize());
            }
            optimisers[actors.size()] = adam(critic.parameters(), config.critic().stepSize());
        }
        valueNorm = config.critic().valueNorm() ? new ValueNorm(ValueNorm.DEFAULT_BETA) : null;
        scaler = config.scaleRewards() ? new RewardScaler(env.copies(), config.gamma(), 1e-8) : null;
        collector = new RolloutCollector(env, actors, critic, Rng.stream(seed, 1).nextLong());
        buffer = collector.newBuffer(rollout, config.sequenceLength());
        policyLoss = new PolicyLoss(config.clip(), config.entCoef(), config.normAdvantages());
        valueLoss = new ValueLoss(config.critic().clipValues() ? config.clip() : Double.POSITIVE_INFINITY,
                config.critic().huberDelta());
        int next = 2;
        orderRng = config.update() == Update.HAPPO ? Rng.stream(seed, next++) : null;
        shuffle = Rng.stream(seed, next++);
        envSeed = Rng.stream(seed, next).nextLong();
    }

    private Adam adam(List<Parameter> params, StepSize s) {
        return new Adam(params, new AdamConfig(s.initial(), config.adamBeta1(), config.adamBeta2(), config.adamEps()));
    }

    /** The environment. */
    public AgentEnv env() {
        return env;
    }

    /** The configuration. */
    public LearnerConfig config() {
        return config;
    }

    /** Agent {@code a}'s policy network. */
    public RecurrentNet actor(int a) {
        return actors.get(a);
    }

    /** Every actor, in agent order. */
    public List<RecurrentNet> actors() {
        return List.copyOf(actors);
    }

    /** The centralised value network. */
    public RecurrentNet critic() {
        return critic;
    }

    /** The last round's rollout. */
    public RolloutBuffer buffer() {
        return buffer;
    }

    /** Rounds done so far. */
    public int rounds() {
        return rounds;
    }

    /** Rounds planned. */
    public int plannedRounds() {
        return planned;
    }

    /** Number of agents. */
    public int agents() {
        return actors.size();
    }

    /** Agent {@code a}'s name. */
    public String name(int a) {
        return names[a];
    }

    /** Whether agent {@code a} is due for an update in round {@code n}. */
    public boolean due(int a, long n) {
        return config.agents().get(a).period().due(n);
    }

    /** The step size agent {@code a} uses in round {@code n}. */
    public double stepSize(int a, long n) {
        return config.agents().get(a).stepSize().at(n, planned);
    }

    /**
     * Runs the rollouts' network passes on {@code threads} threads (1 = the calling thread);
     * results are bit-identical whatever the count (see {@link RolloutCollector}).
     */
    public void setRolloutThreads(int threads) {
        collector.setThreads(threads);
    }

    /**
     * Runs the update's big layers (every {@code Linear} and GRU pass, forward and backward) on
     * {@code threads} threads (1 = the calling thread). Each product is split by output and every
     * gradient element is summed in the serial order, so results are bit-identical whatever the
     * count (see {@code WorkerTeam}).
     */
    public void setUpdateThreads(int threads) {
        WorkerTeam next = WorkerTeam.create(threads);
        WorkerTeam previous = tape.team();
        tape.setTeam(next);
        previous.close();
    }

    /** Stops any rollout and update worker threads. */
    @Override
    public void close() {
        collector.close();
        tape.team().close();
        tape.setTeam(WorkerTeam.SERIAL);
    }

    /** One round: collect a rollout, GAE, then the configured update scheme. */
    public RoundStats round() {
        if (rounds >= planned) {
            throw new IllegalStateException("all " + planned + " planned rounds are done");
        }
        FiniteCheck.parameters("before round " + rounds, all);
        long firstEpisode = (long) rounds * config.episodesPerUpdate();
        double[] profit = collector.collect(buffer, envSeed, firstEpisode, valueNorm, scaler);
        buffer.computeAdvantages(new float[env.copies()], config.gamma(), config.gaeLambda());
        double ev = Diagnostics.explainedVariance(buffer.values(), buffer.returns());
        RoundStats s = update(ev, Diagnostics.mean(profit));
        rounds++;
        return s;
    }

    /** The configured update scheme on the current rollout. */
    private RoundStats update(double explainedVariance, double meanEpisodeReward) {
        return switch (config.update()) {
            case PPO -> PpoRound.run(this, explainedVariance, meanEpisodeReward);
            case MAPPO -> MappoRound.run(this, explainedVariance, meanEpisodeReward);
            case HAPPO -> HappoRound.run(this, orderRng, explainedVariance, meanEpisodeReward);
        };
    }

    /** Accumulates the diagnostics of one minibatch loop. */
    private static final class Tally {
        double pg;
        double ent;
        double cf;
        double kl;
        double value;
        int steps;
    }

    /** The loss of one minibatch, built on the trainer's tape. */
    private interface MinibatchLoss {
        Var build(RolloutBuffer.Batch mb, Tally t);
    }

    /**
     * Epochs × minibatches of whole sequences: per minibatch build the loss, zero the gradients of
     * {@code params}, back-propagate, clip their global norm and step {@code opt}. The approximate
     * KL reported is the mean over the last epoch's minibatches.
     */
    private Tally loop(List<Parameter> params, Adam opt, String what, MinibatchLoss fn) {
        Tally t = new Tally();
        for (int epoch = 0; epoch < config.epochs(); epoch++) {
            t.kl = 0;
            int inEpoch = 0;
            for (int[] seqs : Minibatches.split(shuffle, buffer.sequences(), config.minibatches())) {
                RolloutBuffer.Batch mb = buffer.gather(seqs);
                tape.reset();
                tape.setGradEnabled(true);
                Var loss = fn.build(mb, t);
                FiniteCheck.scalar(what + " loss in round " + rounds, loss.value().item());
                for (Parameter q : params) {
                    q.zeroGrad();
                }
                tape.backward(loss);
                FiniteCheck.scalar(what + " gradient norm in round " + rounds,
                        GradClip.clipGlobalNorm(params, config.maxGradNorm()));
                opt.step();
                t.steps++;
                inEpoch++;
            }
            t.kl /= inEpoch;
        }
        tape.reset();
        FiniteCheck.parameters("after the " + what + " update in round " + rounds, params);
        return t;
    }

    private PolicyLoss.Result policyTerm(RolloutBuffer.Batch mb, int a, float[] weights, Tally t) {
        Var logits = actors.get(a).forward(tape, mb.obsT(a), mb.maskT(), mb.h0(a)).out();
        int d = buffer.continuous(a);
        PolicyLoss.Result r = policyLoss.compute(logits, env.actionLayout(a), mb.gather(buffer.actions(a),
                buffer.factors(a)), d == 0 ? null : mb.gather(buffer.continuousActions(a), d),
                mb.gather(buffer.logProbs(a)), mb.gather(buffer.advantages()),
                weights == null ? null : mb.gather(weights));
        t.pg += r.pgLoss();
        t.ent += r.entropy();
        t.cf += r.clipFraction();
        t.kl += r.approxKl();
        return r;
    }

    private static AgentStats stats(Tally t, int position, double lr) {
        return new AgentStats(true, position, lr, t.pg / t.steps, t.ent / t.steps, t.kl, t.cf / t.steps);
    }

    /**
     * Agent {@code a}'s epochs of the clipped surrogate at its step size of the current round, each
     * sample's term weighted by {@code weights} (step-major over the buffer; null: all 1).
     */
    public AgentStats actorUpdate(int a, int position, float[] weights) {
        if (config.update() == Update.PPO) {
            throw new IllegalStateException("update ppo trains actor and critic together: use ppoUpdate()");
        }
        double lr = stepSize(a, rounds);
        optimisers[a].setLearningRate(lr);
        Tally t = loop(actors.get(a).parameters(), optimisers[a], "actor '" + names[a] + "'",
                (mb, tally) -> policyTerm(mb, a, weights, tally).loss());
        return stats(t, position, lr);
    }

    /**
     * The critic's epochs: the value normaliser (if any) first takes the round's returns, then
     * the clipped (Huber) value loss on normalised targets, with the behaviour values
     * re-normalised by the updated statistics so both predictions are compared in one unit.
     * Returns the mean value loss.
     */
    public double criticUpdate() {
        int k = actors.size();
        optimisers[k].setLearningRate(config.critic().stepSize().at(rounds, planned));
        float[] returns = buffer.returns();
        float[] values = buffer.values();
        float[] targets = returns.clone();
        float[] old = values.clone();
        if (valueNorm != null) {
            valueNorm.update(returns, returns.length);
            for (int i = 0; i < targets.length; i++) {
                targets[i] = valueNorm.normalize(returns[i]);
                old[i] = valueNorm.normalize(values[i]);
            }
        }
        float coef = (float) config.critic().coef();
        Tally t = loop(critic.parameters(), optimisers[k], "critic", (mb, tally) -> {
            Var v = critic.forward(tape, mb.obsT(k), mb.maskT(), mb.h0(k)).out();
            Var loss = Ops.scale(valueLoss.compute(v, mb.gather(targets), mb.gather(old)), coef);
            tally.value += loss.value().item();
            return loss;
        });
        return t.value / t.steps;
    }

    /**
     * CleanRL's update of a single agent: epochs of {@code pg − entCoef·H + coef·vLoss} over actor
     * and critic with one optimiser and one gradient clip (raw value targets; no normaliser).
     * Returns the agent's statistics and writes the mean value loss to {@code valueLossOut[0]}.
     */
    AgentStats ppoUpdate(double[] valueLossOut) {
        double lr = stepSize(0, rounds);
        optimisers[0].setLearningRate(lr);
        float coef = (float) config.critic().coef();
        int k = actors.size();
        Tally t = loop(all, optimisers[0], "PPO", (mb, tally) -> {
            PolicyLoss.Result p = policyTerm(mb, 0, null, tally);
            Var values = critic.forward(tape, mb.obsT(k), mb.maskT(), mb.h0(k)).out();
            Var v = valueLoss.compute(values, mb.gather(buffer.returns()), mb.gather(buffer.values()));
            tally.value += v.value().item();
            return Ops.add(p.loss(), Ops.scale(v, coef));
        });
        valueLossOut[0] = t.value / t.steps;
        return stats(t, 0, lr);
    }

    /**
     * Runs the configured update once more on the last round's rollout, without collecting a new
     * one and without counting a round: the training step alone, for benchmarks (W1) and tests.
     * Requires at least one round done.
     */
    public RoundStats updateOnLastRollout() {
        if (rounds == 0) {
            throw new IllegalStateException("no rollout yet: run round() first");
        }
        rounds--;
        try {
            return update(Double.NaN, Double.NaN);
        } finally {
            rounds++;
        }
    }

    /**
     * Log-probabilities of the stored choices of agent {@code a} under its current policy over
     * the whole buffer (step-major), replaying every sequence from its stored hidden state; no
     * gradients are recorded.
     */
    public float[] replayLogProbs(int a) {
        RolloutBuffer.Batch mb = buffer.gather(buffer.allSequences());
        tape.reset();
        tape.setGradEnabled(false);
        float[] logits = actors.get(a).forward(tape, mb.obsT(a), mb.maskT(), mb.h0(a)).out().value().data();
        FactorLayout layout = env.actionLayout(a);
        int f = layout.factors();
        int[] acts = mb.gather(buffer.actions(a), f);
        int d = layout.continuous();
        float[] x = d == 0 ? null : mb.gather(buffer.continuousActions(a), d);
        FactorLayout.Scratch scratch = new FactorLayout.Scratch(layout.width());
        float[] out = new float[mb.rows().length];
        for (int i = 0; i < out.length; i++) {
            out[mb.rows()[i]] = (float) (d == 0 ? layout.logProb(logits, i, acts, i * f, scratch)
                    : layout.logProb(logits, i, acts, i * f, x, i * d, scratch));
        }
        tape.reset();
        tape.setGradEnabled(true);
        return out;
    }

    /** The optimisers: one over actor and critic ({@code ppo}), else one per actor, then the critic's. */
    public List<Adam> optimisers() {
        return List.of(optimisers);
    }

    /** A deep snapshot of the trainer's state (see {@link State}). */
    public State state() {
        Adam.State[] opts = new Adam.State[optimisers.length];
        for (int i = 0; i < opts.length; i++) {
            opts[i] = optimisers[i].state();
        }
        return new State(rounds, envSeed, ParameterSnapshot.names(all), ParameterSnapshot.values(all), opts,
                valueNorm == null ? null : valueNorm.state(), scaler == null ? null : scaler.state(),
                collector.samplerStates(), orderRng == null ? null : orderRng.state(), shuffle.state());
    }

    /**
     * Restores a snapshot from {@link #state()} of a trainer built with the same environment,
     * configuration, seed and plan. Everything is validated first; on a mismatch an
     * {@link IllegalArgumentException} names it and this trainer is unchanged.
     */
    public void restore(State s) {
        if (s == null) {
            throw new IllegalArgumentException("state must not be null");
        }
        if (s.rounds() < 0 || s.rounds() > planned) {
            throw new IllegalArgumentException("state.rounds must be in [0, " + planned + "], got " + s.rounds());
        }
        if (s.envSeed() != envSeed) {
            throw new IllegalArgumentException("state.envSeed " + s.envSeed() + " does not match this trainer's "
                    + envSeed + " (built with another seed)");
        }
        if ((s.valueNorm() == null) != (valueNorm == null) || (s.rewardScaler() == null) != (scaler == null)
                || (s.orderRng() == null) != (orderRng == null)) {
            throw new IllegalArgumentException("state's value normalisation / reward scaling / agent order switches "
                    + "do not match the configuration");
        }
        int[] slices = new int[optimisers.length + 1];
        if (optimisers.length == 1) {
            slices[1] = all.size();
        } else {
            for (int a = 0; a < actors.size(); a++) {
                slices[a + 1] = slices[a] + actors.get(a).parameters().size();
            }
            slices[optimisers.length] = all.size();
        }
        ParameterSnapshot.check(all, s.parameterNames(), s.parameters(), s.optimisers(), slices);
        Rng order = s.orderRng() == null ? null : Rng.fromState(s.orderRng());
        Rng shuf = Rng.fromState(s.shuffle());
        collector.checkSamplers(s.samplers());
        if (valueNorm != null) {
            new ValueNorm(ValueNorm.DEFAULT_BETA).restore(s.valueNorm());
        }
        if (scaler != null) {
            new RewardScaler(env.copies(), 0.5, 1e-8).restore(s.rewardScaler());
        }
        // Everything above can throw; nothing below can, so a refused state changes nothing.
        ParameterSnapshot.copyInto(all, s.parameters());
        for (int i = 0; i < optimisers.length; i++) {
            optimisers[i].restore(s.optimisers()[i]);
        }
        if (valueNorm != null) {
            valueNorm.restore(s.valueNorm());
        }
        if (scaler != null) {
            scaler.restore(s.rewardScaler());
        }
        collector.restoreSamplers(s.samplers());
        orderRng = order;
        shuffle = shuf;
        rounds = s.rounds();
    }

    static float[] ones(int n) {
        float[] f = new float[n];
        Arrays.fill(f, 1f);
        return f;
    }
}
