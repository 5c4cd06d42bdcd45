package org.retailrl.algorithms.happo;

import java.util.ArrayList;
import java.util.List;
import org.retailrl.algorithms.ppo.PpoConfig;
import org.retailrl.algorithms.rl.BatchEnv;
import org.retailrl.algorithms.rl.Diagnostics;
import org.retailrl.algorithms.rl.FiniteCheck;
import org.retailrl.algorithms.rl.Minibatches;
import org.retailrl.algorithms.rl.PolicyLoss;
import org.retailrl.algorithms.rl.RecurrentNet;
import org.retailrl.algorithms.rl.RecurrentRolloutBuffer;
import org.retailrl.algorithms.rl.RewardScaler;
import org.retailrl.algorithms.rl.RolloutCollector;
import org.retailrl.algorithms.rl.ValueLoss;
import org.retailrl.algorithms.rl.ValueNorm;
import org.retailrl.autodiff.Ops;
import org.retailrl.autodiff.Tape;
import org.retailrl.autodiff.Var;
import org.retailrl.core.random.Rng;
import org.retailrl.nn.Adam;
import org.retailrl.nn.AdamConfig;
import org.retailrl.nn.GradClip;
import org.retailrl.nn.LrSchedule;
import org.retailrl.nn.Parameter;

/**
 * Heterogeneous-agent PPO (MODEL.md §8 HAPPO; PKU-MARL/HARL {@code on_policy_ha_runner.py},
 * {@code actors/happo.py}) with recurrent actors and one centralised recurrent V critic. A round:
 * <ol>
 * <li>collect {@code episodesPerUpdate} episodes in every copy; GAE(λ) returns on the critic's
 *     values in return units;</li>
 * <li>draw a random order of the agents from a seeded stream; with the factor {@code M ≡ 1}, for
 *     each agent in that order that is due for an update: run its epochs of minibatch updates of
 *     the clipped surrogate weighted by {@code M}, then multiply {@code M} by the agent's new/old
 *     policy ratio on every sample ({@code M ← M·exp(logp_new − logp_old)}, unclipped and outside
 *     the tape, i.e. detached);</li>
 * <li>train the critic: update the {@link ValueNorm} with the round's returns, then epochs of the
 *     clipped Huber loss (δ = 10) on normalised targets.</li>
 * </ol>
 * An agent not due for an update (the slow agent of FSDA) keeps its policy, so its ratio is 1 and
 * {@code M} is unchanged.
 *
 * <p>Where this differs from HARL, deliberately: advantages are normalised per minibatch
 * (MODEL.md §8 PPO) rather than over the whole buffer; the value normaliser is updated once per
 * round with all returns rather than once per critic minibatch, and the behaviour values used for
 * value clipping are re-normalised with the updated statistics, so that the clipped and unclipped
 * predictions are compared in the same units. Each actor and the critic has its own Adam and its own gradient clip.
 * Seeds: networks, samplers, orders, shuffles and the environment use separate streams of the
 * seed; the same seed gives bit-identical weights.
 */
public final class HappoTrainer {
    /**
     * What one agent did in a round.
     *
     * @param updated      whether it was updated
     * @param position     its place in the round's order (0 first)
     * @param pgLoss       mean surrogate loss over its minibatch steps (NaN if not updated)
     * @param entropy      mean policy entropy, nats (NaN if not updated)
     * @param approxKl     approximate KL of its last epoch (NaN if not updated)
     * @param clipFraction mean clip fraction (NaN if not updated)
     */
    public record AgentStats(boolean updated, int position, double pgLoss, double entropy, double approxKl,
                             double clipFraction) {
    }

    /**
     * What one round reports.
     *
     * @param round             0-based round index
     * @param lr                learning rate used
     * @param order             agents in the order they were visited
     * @param agents            per agent (by index)
     * @param valueLoss         mean critic loss (normalised units)
     * @param explainedVariance of the rollout values for the returns
     * @param meanEpisodeReward mean undiscounted raw episode reward of the rollout
     */
    public record RoundStats(int round, double lr, int[] order, AgentStats[] agents, double valueLoss,
                             double explainedVariance, double meanEpisodeReward) {
    }

    private final BatchEnv env;
    private final HappoConfig config;
    private final List<RecurrentNet> actors = new ArrayList<>();
    private final List<Adam> actorOpts = new ArrayList<>();
    private final RecurrentNet critic;
    private final Adam criticOpt;
    private final ValueNorm valueNorm;
    private final LrSchedule schedule;
    private final RolloutCollector collector;
    private final RecurrentRolloutBuffer buffer;
    private final RewardScaler scaler;
    private final PolicyLoss policyLoss;
    private final ValueLoss valueLoss;
    private Rng orderRng;
    private Rng shuffle;
    private final long envSeed;
    private final int totalRounds;
    private final Tape tape = new Tape();
    private final float[][] lastFactors;
    private final String[] names;
    private int rounds;

    /**
     * A trainer on {@code env} with one actor per agent, planning {@code totalRounds} rounds (for
     * lr annealing). {@code names[a]} names agent {@code a}'s parameters and error messages.
     */
    public HappoTrainer(BatchEnv env, HappoConfig config, long seed, int totalRounds, String... names) {
        if (names.length != env.agents()) {
            throw new IllegalArgumentException("names: need one per agent (" + env.agents() + "), got " + names.length);
        }
        if (totalRounds < 1) {
            throw new IllegalArgumentException("totalRounds must be >= 1, got " + totalRounds);
        }
        this.env = env;
        this.config = config;
        this.totalRounds = totalRounds;
        this.names = names.clone();
        PpoConfig p = config.ppo();
        Rng init = Rng.stream(seed, 0);
        int d = env.observationSize();
        RecurrentNet.Config[] nets = new RecurrentNet.Config[names.length + 1];
        AdamConfig adam = new AdamConfig(p.lr(), 0.9, 0.999, p.adamEps());
        for (int a = 0; a < names.length; a++) {
            RecurrentNet actor = RecurrentNet.actor(names[a], d, p.hidden(), p.gruLayers(), env.actionCount(a), init);
            actors.add(actor);
            actorOpts.add(new Adam(actor.parameters(), adam));
            nets[a] = actor.config();
        }
        critic = RecurrentNet.critic("critic", d, p.hidden(), p.gruLayers(), init);
        criticOpt = new Adam(critic.parameters(), adam);
        nets[names.length] = critic.config();
        valueNorm = config.valueNorm() ? new ValueNorm(ValueNorm.DEFAULT_BETA) : null;
        schedule = p.annealLr() ? new LrSchedule.LinearAnneal(p.lr(), totalRounds) : new LrSchedule.Constant(p.lr());
        collector = new RolloutCollector(env, actors, critic, Rng.stream(seed, 1).nextLong());
        buffer = new RecurrentRolloutBuffer(p.episodesPerUpdate() * env.horizon(), env.copies(), d, names.length,
                p.sequenceLength(), nets);
        scaler = p.scaleRewards() ? new RewardScaler(env.copies(), p.gamma(), 1e-8) : null;
        policyLoss = new PolicyLoss(p.clip(), p.entCoef(), p.normAdvantages());
        valueLoss = new ValueLoss(p.clipValueLoss() ? p.clip() : Double.POSITIVE_INFINITY, config.huberDelta());
        orderRng = Rng.stream(seed, 2);
        shuffle = Rng.stream(seed, 3);
        envSeed = Rng.stream(seed, 4).nextLong();
        lastFactors = new float[names.length][];
    }

    /** Agent {@code a}'s policy network. */
    public RecurrentNet actor(int a) {
        return actors.get(a);
    }

    /** The centralised value network. */
    public RecurrentNet critic() {
        return critic;
    }

    /** The last round's rollout. */
    public RecurrentRolloutBuffer buffer() {
        return buffer;
    }

    /**
     * Runs the rollouts' network passes on {@code threads} threads (1 = the calling thread);
     * results are bit-identical whatever the count (see {@link RolloutCollector}).
     */
    public void setRolloutThreads(int threads) {
        collector.setThreads(threads);
    }

    /** Stops any rollout worker threads. */
    public void close() {
        collector.close();
    }

    /** Rounds done so far. */
    public int rounds() {
        return rounds;
    }

    /**
     * The factor {@code M} that weighted agent {@code a}'s surrogate in the last round, per sample
     * of {@link #buffer()}, or null if it was not updated.
     */
    public float[] lastFactor(int a) {
        return lastFactors[a] == null ? null : lastFactors[a].clone();
    }

    /** One round updating every agent. */
    public RoundStats round() {
        boolean[] all = new boolean[actors.size()];
        java.util.Arrays.fill(all, true);
        return round(all);
    }

    /** One round updating the agents with {@code update[a]} true; the critic is always updated. */
    public RoundStats round(boolean[] update) {
        if (update.length != actors.size()) {
            throw new IllegalArgumentException("update must have one flag per agent (" + actors.size() + "), got " + update.length);
        }
        PpoConfig p = config.ppo();
        if (rounds >= totalRounds && p.annealLr()) {
            throw new IllegalStateException("all " + totalRounds + " planned rounds are done");
        }
        for (int a = 0; a < actors.size(); a++) {
            FiniteCheck.parameters("before round " + rounds, actors.get(a).parameters());
        }
        FiniteCheck.parameters("before round " + rounds, critic.parameters());
        double lr = schedule.at(Math.min(rounds, totalRounds - 1));
        long firstEpisode = (long) rounds * p.episodesPerUpdate();
        double[] profit = collector.collect(buffer, envSeed, firstEpisode, valueNorm, scaler);
        buffer.computeAdvantages(new float[env.copies()], p.gamma(), p.gaeLambda());
        double ev = Diagnostics.explainedVariance(buffer.values(), buffer.returns());

        int[] order = orderRng.permutation(actors.size());
        AgentStats[] stats = new AgentStats[actors.size()];
        float[] factor = new float[buffer.steps() * buffer.copies()];
        java.util.Arrays.fill(factor, 1f);
        java.util.Arrays.fill(lastFactors, null);
        for (int pos = 0; pos < order.length; pos++) {
            int a = order[pos];
            if (!update[a]) {
                stats[a] = new AgentStats(false, pos, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
                continue;
            }
            lastFactors[a] = factor.clone();
            stats[a] = updateActor(a, pos, factor, lr);
            if (!laterUpdate(order, pos, update)) {
                continue; // no agent after this one reads M, so its ratio need not be replayed
            }
            float[] newLogp = logProbs(a);
            float[] oldLogp = buffer.logProbs(a);
            for (int i = 0; i < factor.length; i++) {
                factor[i] = (float) (factor[i] * Math.exp((double) newLogp[i] - oldLogp[i]));
            }
            FiniteCheck.array("HAPPO factor after agent '" + names[a] + "'", factor);
        }
        double vLoss = updateCritic(lr);
        RoundStats s = new RoundStats(rounds, lr, order, stats, vLoss, ev, Diagnostics.mean(profit));
        rounds++;
        return s;
    }

    private static boolean laterUpdate(int[] order, int pos, boolean[] update) {
        for (int q = pos + 1; q < order.length; q++) {
            if (update[order[q]]) {
                return true;
            }
        }
        return false;
    }

    private AgentStats updateActor(int a, int pos, float[] factor, double lr) {
        PpoConfig p = config.ppo();
        RecurrentNet actor = actors.get(a);
        Adam opt = actorOpts.get(a);
        opt.setLearningRate(lr);
        List<Parameter> params = actor.parameters();
        int[] actions = buffer.actions(a);
        float[] oldLogp = buffer.logProbs(a);
        double pg = 0;
        double ent = 0;
        double cf = 0;
        double kl = 0;
        int steps = 0;
        for (int epoch = 0; epoch < p.updateEpochs(); epoch++) {
            kl = 0;
            int inEpoch = 0;
            for (int[] seqs : Minibatches.split(shuffle, buffer.sequences(), p.minibatches())) {
                RecurrentRolloutBuffer.MiniBatch mb = buffer.gather(seqs);
                tape.reset();
                tape.setGradEnabled(true);
                Var logits = actor.forward(tape, mb.obsT(), mb.maskT(), mb.h0()[a]).out();
                PolicyLoss.Result r = policyLoss.compute(logits, mb.gather(actions), mb.gather(oldLogp),
                        mb.gather(buffer.advantages()), mb.gather(factor));
                FiniteCheck.scalar("actor loss of agent '" + names[a] + "' in round " + rounds,
                        r.loss().value().item());
                actor.zeroGrad();
                tape.backward(r.loss());
                FiniteCheck.scalar("actor gradient norm of agent '" + names[a] + "' in round " + rounds,
                        GradClip.clipGlobalNorm(params, p.maxGradNorm()));
                opt.step();
                pg += r.pgLoss();
                ent += r.entropy();
                cf += r.clipFraction();
                kl += r.approxKl();
                steps++;
                inEpoch++;
            }
            kl /= inEpoch;
        }
        tape.reset();
        FiniteCheck.parameters("after updating agent '" + names[a] + "' in round " + rounds, params);
        return new AgentStats(true, pos, pg / steps, ent / steps, kl, cf / steps);
    }

    private double updateCritic(double lr) {
        PpoConfig p = config.ppo();
        criticOpt.setLearningRate(lr);
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
        int netIndex = actors.size();
        double sum = 0;
        int steps = 0;
        for (int epoch = 0; epoch < p.updateEpochs(); epoch++) {
            for (int[] seqs : Minibatches.split(shuffle, buffer.sequences(), p.minibatches())) {
                RecurrentRolloutBuffer.MiniBatch mb = buffer.gather(seqs);
                tape.reset();
                tape.setGradEnabled(true);
                Var v = critic.forward(tape, mb.obsT(), mb.maskT(), mb.h0()[netIndex]).out();
                Var loss = Ops.scale(valueLoss.compute(v, mb.gather(targets), mb.gather(old)), (float) config.criticCoef());
                FiniteCheck.scalar("critic loss in round " + rounds, loss.value().item());
                critic.zeroGrad();
                tape.backward(loss);
                FiniteCheck.scalar("critic gradient norm in round " + rounds,
                        GradClip.clipGlobalNorm(critic.parameters(), p.maxGradNorm()));
                criticOpt.step();
                sum += loss.value().item();
                steps++;
            }
        }
        tape.reset();
        FiniteCheck.parameters("after the critic update in round " + rounds, critic.parameters());
        return sum / steps;
    }

    /**
     * Log-probabilities of the stored actions of agent {@code a} under its current policy, over
     * the whole of {@link #buffer()} (step-major), replaying every sequence from its stored hidden
     * state; no gradients are recorded.
     */
    public float[] logProbs(int a) {
        int seqCount = buffer.sequences();
        int[] all = new int[seqCount];
        for (int s = 0; s < seqCount; s++) {
            all[s] = s;
        }
        RecurrentRolloutBuffer.MiniBatch mb = buffer.gather(all);
        tape.reset();
        tape.setGradEnabled(false);
        RecurrentNet actor = actors.get(a);
        float[] logits = actor.forward(tape, mb.obsT(), mb.maskT(), mb.h0()[a]).out().value().data();
        int[] acts = mb.gather(buffer.actions(a));
        float[] lpRows = new float[acts.length];
        PolicyLoss.logProbs(logits, actor.config().outputs(), acts, lpRows);
        tape.reset();
        tape.setGradEnabled(true);
        float[] out = new float[lpRows.length];
        for (int i = 0; i < lpRows.length; i++) {
            out[mb.rows()[i]] = lpRows[i];
        }
        return out;
    }

    /**
     * Everything of a HAPPO learner that changes while it trains (issue 4 "reliability"): a trainer
     * built with the same environment, configuration, seed and plan and given this state continues
     * bit for bit as the one it was taken from. The rollout buffer and tape are not part of it:
     * every round overwrites them before reading.
     *
     * @param rounds         rounds done
     * @param envSeed        the environment seed derived from the trainer's seed (checked, not set)
     * @param parameterNames names of {@code parameters}: every actor's, in agent order, then the critic's
     * @param parameters     the weights, in that order
     * @param optimisers     Adam states: one per actor, then the critic's
     * @param valueNorm      the critic's target normaliser, or null when value normalisation is off
     * @param rewardScaler   the reward scaler, or null when reward scaling is off
     * @param samplers       the rollout's action samplers, one {@link Rng#state()} per copy
     * @param orderRng       the stream of agent orders
     * @param shuffle        the stream of minibatch shuffles
     */
    public record State(int rounds, long envSeed, String[] parameterNames, float[][] parameters, Adam.State[] optimisers,
                        ValueNorm.State valueNorm, RewardScaler.State rewardScaler, long[][] samplers, long[] orderRng,
                        long[] shuffle) {
    }

    private List<Parameter> allParameters() {
        List<Parameter> all = new ArrayList<>();
        for (RecurrentNet a : actors) {
            all.addAll(a.parameters());
        }
        all.addAll(critic.parameters());
        return all;
    }

    /** A deep snapshot of the learner's state (see {@link State}). */
    public State state() {
        List<Parameter> all = allParameters();
        Adam.State[] opts = new Adam.State[actors.size() + 1];
        for (int a = 0; a < actors.size(); a++) {
            opts[a] = actorOpts.get(a).state();
        }
        opts[actors.size()] = criticOpt.state();
        return new State(rounds, envSeed, org.retailrl.algorithms.rl.ParameterSnapshot.names(all),
                org.retailrl.algorithms.rl.ParameterSnapshot.values(all), opts,
                valueNorm == null ? null : valueNorm.state(), scaler == null ? null : scaler.state(),
                collector.samplerStates(), orderRng.state(), shuffle.state());
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
        if (s.rounds() < 0 || (config.ppo().annealLr() && s.rounds() > totalRounds)) {
            throw new IllegalArgumentException("state.rounds must be in [0, " + totalRounds + "], got " + s.rounds());
        }
        if (s.envSeed() != envSeed) {
            throw new IllegalArgumentException("state.envSeed " + s.envSeed() + " does not match this trainer's " + envSeed
                    + " (built with another seed)");
        }
        if ((s.valueNorm() == null) != (valueNorm == null) || (s.rewardScaler() == null) != (scaler == null)) {
            throw new IllegalArgumentException("state's value normalisation / reward scaling switches do not match the configuration");
        }
        List<Parameter> all = allParameters();
        int[] slices = new int[actors.size() + 2];
        for (int a = 0; a < actors.size(); a++) {
            slices[a + 1] = slices[a] + actors.get(a).parameters().size();
        }
        slices[actors.size() + 1] = all.size();
        org.retailrl.algorithms.rl.ParameterSnapshot.check(all, s.parameterNames(), s.parameters(), s.optimisers(), slices);
        Rng order = Rng.fromState(s.orderRng());
        Rng shuf = Rng.fromState(s.shuffle());
        collector.checkSamplers(s.samplers());
        if (valueNorm != null) {
            new ValueNorm(ValueNorm.DEFAULT_BETA).restore(s.valueNorm());
        }
        if (scaler != null) {
            new RewardScaler(env.copies(), 0.5, 1e-8).restore(s.rewardScaler());
        }
        // Everything above can throw; nothing below can, so a refused state changes nothing.
        org.retailrl.algorithms.rl.ParameterSnapshot.copyInto(all, s.parameters());
        for (int a = 0; a < actors.size(); a++) {
            actorOpts.get(a).restore(s.optimisers()[a]);
        }
        criticOpt.restore(s.optimisers()[actors.size()]);
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

    /** Rounds planned (the lr annealing horizon). */
    public int plannedRounds() {
        return totalRounds;
    }
}
