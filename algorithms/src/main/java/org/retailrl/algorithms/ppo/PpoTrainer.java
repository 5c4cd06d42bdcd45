package org.retailrl.algorithms.ppo;

import java.util.List;
import org.retailrl.algorithms.rl.BatchEnv;
import org.retailrl.algorithms.rl.Diagnostics;
import org.retailrl.algorithms.rl.FiniteCheck;
import org.retailrl.algorithms.rl.Minibatches;
import org.retailrl.algorithms.rl.PolicyLoss;
import org.retailrl.algorithms.rl.RecurrentNet;
import org.retailrl.algorithms.rl.RecurrentRolloutBuffer;
import org.retailrl.algorithms.rl.RewardScaler;
import org.retailrl.algorithms.rl.RolloutCollector;
import org.retailrl.algorithms.rl.TrainingStats;
import org.retailrl.algorithms.rl.ValueLoss;
import org.retailrl.autodiff.Ops;
import org.retailrl.autodiff.Tape;
import org.retailrl.autodiff.Var;
import org.retailrl.core.random.Rng;
import org.retailrl.nn.Adam;
import org.retailrl.nn.AdamConfig;
import org.retailrl.nn.GradClip;
import org.retailrl.nn.LrSchedule;
import org.retailrl.nn.Module;
import org.retailrl.nn.Parameter;

/**
 * Single-agent recurrent PPO (MODEL.md §8 PPO; the loop of CleanRL's {@code ppo.py}): each
 * {@link #update()} collects {@code episodesPerUpdate} episodes in every copy, computes GAE(λ)
 * returns, then runs {@code updateEpochs} passes of minibatches of whole sequences over the
 * combined loss {@code pg − entCoef·H + vfCoef·vLoss} with one Adam over actor and critic and one
 * global gradient-norm clip, as CleanRL does. Actor and critic are separate {@link RecurrentNet}s.
 *
 * <p>Seeds: the networks, the action samplers, the minibatch shuffles and the environment draw
 * from separate streams of {@code seed}; the same seed gives bit-identical weights.
 */
public final class PpoTrainer {
    private final BatchEnv env;
    private final PpoConfig config;
    private final RecurrentNet actor;
    private final RecurrentNet critic;
    private final List<Parameter> params;
    private final Adam adam;
    private final LrSchedule schedule;
    private final RolloutCollector collector;
    private final RecurrentRolloutBuffer buffer;
    private final RewardScaler scaler;
    private final PolicyLoss policyLoss;
    private final ValueLoss valueLoss;
    private Rng shuffle;
    private final long envSeed;
    private final int totalUpdates;
    private final Tape tape = new Tape();
    private int updates;

    /**
     * A trainer on {@code env} (one agent) that plans {@code totalUpdates} updates (for lr
     * annealing; more updates than planned are refused when annealing).
     */
    public PpoTrainer(BatchEnv env, PpoConfig config, long seed, int totalUpdates) {
        if (env.agents() != 1) {
            throw new IllegalArgumentException("env must have exactly 1 agent for PPO, has " + env.agents());
        }
        if (totalUpdates < 1) {
            throw new IllegalArgumentException("totalUpdates must be >= 1, got " + totalUpdates);
        }
        this.env = env;
        this.config = config;
        this.totalUpdates = totalUpdates;
        Rng init = Rng.stream(seed, 0);
        int d = env.observationSize();
        actor = RecurrentNet.actor("actor", d, config.hidden(), config.gruLayers(), env.actionCount(0), init);
        critic = RecurrentNet.critic("critic", d, config.hidden(), config.gruLayers(), init);
        params = Module.concat(actor, critic);
        adam = new Adam(params, new AdamConfig(config.lr(), 0.9, 0.999, config.adamEps()));
        schedule = config.annealLr() ? new LrSchedule.LinearAnneal(config.lr(), totalUpdates)
                : new LrSchedule.Constant(config.lr());
        collector = new RolloutCollector(env, List.of(actor), critic, Rng.stream(seed, 1).nextLong());
        int steps = config.episodesPerUpdate() * env.horizon();
        buffer = new RecurrentRolloutBuffer(steps, env.copies(), d, 1, config.sequenceLength(),
                actor.config(), critic.config());
        scaler = config.scaleRewards() ? new RewardScaler(env.copies(), config.gamma(), 1e-8) : null;
        policyLoss = new PolicyLoss(config.clip(), config.entCoef(), config.normAdvantages());
        valueLoss = new ValueLoss(config.clipValueLoss() ? config.clip() : Double.POSITIVE_INFINITY,
                Double.POSITIVE_INFINITY);
        shuffle = Rng.stream(seed, 2);
        envSeed = Rng.stream(seed, 3).nextLong();
    }

    /** The policy network. */
    public RecurrentNet actor() {
        return actor;
    }

    /** The value network. */
    public RecurrentNet critic() {
        return critic;
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

    /** Updates done so far. */
    public int updates() {
        return updates;
    }

    /** One PPO iteration: collect, GAE, epochs of minibatch updates; returns what CleanRL logs. */
    public TrainingStats update() {
        if (updates >= totalUpdates && config.annealLr()) {
            throw new IllegalStateException("all " + totalUpdates + " planned updates are done");
        }
        FiniteCheck.parameters("before update " + updates, params);
        double lr = schedule.at(Math.min(updates, totalUpdates - 1));
        adam.setLearningRate(lr);
        long firstEpisode = (long) updates * config.episodesPerUpdate();
        double[] profit = collector.collect(buffer, envSeed, firstEpisode, null, scaler);
        buffer.computeAdvantages(new float[env.copies()], config.gamma(), config.gaeLambda());
        double ev = Diagnostics.explainedVariance(buffer.values(), buffer.returns());
        int[] actions = buffer.actions(0);
        float[] oldLogp = buffer.logProbs(0);
        double pg = 0;
        double vl = 0;
        double ent = 0;
        double kl = 0;
        double cf = 0;
        int steps = 0;
        for (int epoch = 0; epoch < config.updateEpochs(); epoch++) {
            kl = 0;
            int inEpoch = 0;
            for (int[] seqs : Minibatches.split(shuffle, buffer.sequences(), config.minibatches())) {
                RecurrentRolloutBuffer.MiniBatch mb = buffer.gather(seqs);
                tape.reset();
                tape.setGradEnabled(true);
                Var logits = actor.forward(tape, mb.obsT(), mb.maskT(), mb.h0()[0]).out();
                Var values = critic.forward(tape, mb.obsT(), mb.maskT(), mb.h0()[1]).out();
                PolicyLoss.Result p = policyLoss.compute(logits, mb.gather(actions), mb.gather(oldLogp),
                        mb.gather(buffer.advantages()), null);
                Var v = valueLoss.compute(values, mb.gather(buffer.returns()), mb.gather(buffer.values()));
                Var loss = Ops.add(p.loss(), Ops.scale(v, (float) config.vfCoef()));
                FiniteCheck.scalar("PPO loss at update " + updates, loss.value().item());
                for (Parameter q : params) {
                    q.zeroGrad();
                }
                tape.backward(loss);
                FiniteCheck.scalar("PPO gradient norm at update " + updates,
                        GradClip.clipGlobalNorm(params, config.maxGradNorm()));
                adam.step();
                pg += p.pgLoss();
                vl += v.value().item();
                ent += p.entropy();
                cf += p.clipFraction();
                kl += p.approxKl();
                steps++;
                inEpoch++;
            }
            kl /= inEpoch;
        }
        tape.reset();
        FiniteCheck.parameters("after update " + updates, params);
        TrainingStats s = new TrainingStats(updates, lr, Diagnostics.mean(profit), pg / steps, vl / steps, ent / steps,
                kl, cf / steps, ev);
        updates++;
        return s;
    }

    /**
     * Everything of a PPO learner that changes while it trains (issue 4 "reliability"): a trainer
     * built with the same environment, configuration, seed and plan and given this state continues
     * bit for bit as the one it was taken from. The rollout buffer and tape are overwritten by
     * every update before they are read, so they are not part of it.
     *
     * @param updates        updates done
     * @param envSeed        the environment seed derived from the trainer's seed (checked, not set)
     * @param parameterNames names of {@code parameters}: the actor's, then the critic's
     * @param parameters     the weights, in that order
     * @param optimiser      the one Adam over actor and critic
     * @param rewardScaler   the reward scaler, or null when reward scaling is off
     * @param samplers       the rollout's action samplers, one {@link Rng#state()} per copy
     * @param shuffle        the stream of minibatch shuffles
     */
    public record State(int updates, long envSeed, String[] parameterNames, float[][] parameters, Adam.State optimiser,
                        RewardScaler.State rewardScaler, long[][] samplers, long[] shuffle) {
    }

    /** A deep snapshot of the learner's state (see {@link State}). */
    public State state() {
        return new State(updates, envSeed, org.retailrl.algorithms.rl.ParameterSnapshot.names(params),
                org.retailrl.algorithms.rl.ParameterSnapshot.values(params), adam.state(),
                scaler == null ? null : scaler.state(), collector.samplerStates(), shuffle.state());
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
        if (s.updates() < 0 || (config.annealLr() && s.updates() > totalUpdates)) {
            throw new IllegalArgumentException("state.updates must be in [0, " + totalUpdates + "], got " + s.updates());
        }
        if (s.envSeed() != envSeed) {
            throw new IllegalArgumentException("state.envSeed " + s.envSeed() + " does not match this trainer's " + envSeed
                    + " (built with another seed)");
        }
        if ((s.rewardScaler() == null) != (scaler == null)) {
            throw new IllegalArgumentException("state's reward scaling switch does not match the configuration");
        }
        org.retailrl.algorithms.rl.ParameterSnapshot.check(params, s.parameterNames(), s.parameters(),
                new Adam.State[] {s.optimiser()}, new int[] {0, params.size()});
        Rng shuf = Rng.fromState(s.shuffle());
        collector.checkSamplers(s.samplers());
        if (scaler != null) {
            new RewardScaler(env.copies(), 0.5, 1e-8).restore(s.rewardScaler());
        }
        // Everything above can throw; nothing below can, so a refused state changes nothing.
        org.retailrl.algorithms.rl.ParameterSnapshot.copyInto(params, s.parameters());
        adam.restore(s.optimiser());
        if (scaler != null) {
            scaler.restore(s.rewardScaler());
        }
        collector.restoreSamplers(s.samplers());
        shuffle = shuf;
        updates = s.updates();
    }

    /** Updates planned (the lr annealing horizon). */
    public int plannedUpdates() {
        return totalUpdates;
    }
}
