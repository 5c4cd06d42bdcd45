package org.retailrl.algorithms.mtma;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.retailrl.algorithms.rl.Diagnostics;
import org.retailrl.algorithms.rl.FiniteCheck;
import org.retailrl.algorithms.rl.Minibatches;
import org.retailrl.algorithms.rl.RecurrentNet;
import org.retailrl.algorithms.rl.RewardScaler;
import org.retailrl.algorithms.rl.ValueLoss;
import org.retailrl.autodiff.Ops;
import org.retailrl.autodiff.Tape;
import org.retailrl.autodiff.Var;
import org.retailrl.core.Tensor;
import org.retailrl.core.random.Rng;
import org.retailrl.envs.recommendation.RecommendationBatch;
import org.retailrl.envs.recommendation.RecommendationScenario;
import org.retailrl.envs.recommendation.RecommendationState;
import org.retailrl.nn.Adam;
import org.retailrl.nn.AdamConfig;
import org.retailrl.nn.GradClip;
import org.retailrl.nn.Parameter;

/**
 * Trains a MODEL.md §3 learner ({@link Learner}: MTMA or a learned baseline): one recurrent actor
 * ({@link RecurrentNet}, MODEL.md §8) per agent on the agent's own {@link ObservationView}, one
 * centralised recurrent critic on the global state, PPO-style clipped updates. A round:
 * <ol>
 * <li>collect {@code episodesPerUpdate} episodes in each of the {@code copies} environment copies
 *     (episodes numbered on from round to round, so no episode repeats); rewards are scaled by
 *     {@link RewardScaler}; GAE(λ) on the critic's values (no bootstrap: episodes end at
 *     {@code T});</li>
 * <li>every agent due in this round ({@link AgentSpec#dueAt}) runs its epochs of minibatch
 *     updates of the factorised clipped surrogate ({@link FactorisedPolicyLoss}) with its own Adam
 *     at its own step size — the two timescales of MTMA — on the shared advantages (independent
 *     PPO updates of each agent against the centralised critic, as MAPPO);</li>
 * <li>the critic runs its epochs of the clipped value loss.</li>
 * </ol>
 * Everything runs on the calling thread; networks, samplers, shuffles and the environment use
 * separate streams of the seed, so the same seed gives bit-identical weights.
 */
public final class MultiAgentTrainer {
    /**
     * What one round reports.
     *
     * @param round             0-based index
     * @param meanEpisodeReward mean undiscounted episode profit of the rollout, currency
     * @param updated           per agent, whether it was updated
     * @param entropy           per agent, mean policy entropy (nats; NaN when not updated)
     * @param approxKl          per agent, approximate KL of its last epoch (NaN when not updated)
     * @param valueLoss         mean critic loss
     * @param explainedVariance of the returns by the rollout's values
     */
    public record RoundStats(int round, double meanEpisodeReward, boolean[] updated, double[] entropy,
                             double[] approxKl, double valueLoss, double explainedVariance) {
    }

    private final RecommendationScenario scenario;
    private final MtmaConfig config;
    private final List<AgentSpec> specs;
    private final ActionSampler sampler;
    private final List<RecurrentNet> actors = new ArrayList<>();
    private final List<Adam> actorOpts = new ArrayList<>();
    private final RecurrentNet critic;
    private final Adam criticOpt;
    private final RecommendationBatch env;
    private final MultiAgentBuffer buffer;
    private final RewardScaler scaler;
    private final FactorisedPolicyLoss policyLoss;
    private final ValueLoss valueLoss;
    private final Rng[] samplers;
    private final Rng shuffle;
    private final long envSeed;
    private final Tape tape = new Tape();
    private final float[][] carried;
    private int rounds;

    /** A trainer of {@code learner} on {@code space}'s scenario, seeded {@code seed}. */
    public MultiAgentTrainer(DecisionSpace space, Learner learner, MtmaConfig config, long seed) {
        this(space, learner.agents(config), config, seed);
    }

    /** A trainer of the agents {@code specs} (at least one). */
    public MultiAgentTrainer(DecisionSpace space, List<AgentSpec> specs, MtmaConfig config, long seed) {
        if (specs == null || specs.isEmpty()) {
            throw new IllegalArgumentException("specs must list at least one agent");
        }
        this.scenario = space.scenario();
        this.config = config;
        this.specs = List.copyOf(specs);
        this.sampler = new ActionSampler(space, specs);
        if (scenario.horizon() % config.sequenceLength() != 0) {
            throw new IllegalArgumentException("sequenceLength must divide the horizon T = " + scenario.horizon()
                    + ", got " + config.sequenceLength());
        }
        Rng init = Rng.stream(seed, 0);
        int[] factors = new int[specs.size()];
        RecurrentNet.Config[] nets = new RecurrentNet.Config[specs.size() + 1];
        for (int a = 0; a < specs.size(); a++) {
            AgentSpec sp = specs.get(a);
            FactorLayout l = sampler.layout(a);
            RecurrentNet actor = RecurrentNet.actor(sp.name(), sp.view().size(scenario), config.hidden(),
                    config.gruLayers(), l.width(), init);
            actors.add(actor);
            actorOpts.add(new Adam(actor.parameters(), new AdamConfig(sp.lr(), 0.9, 0.999, config.adamEps())));
            factors[a] = l.factors();
            nets[a] = actor.config();
        }
        critic = RecurrentNet.critic("critic", ObservationView.GLOBAL.size(scenario), config.hidden(),
                config.gruLayers(), init);
        criticOpt = new Adam(critic.parameters(), new AdamConfig(config.criticLr(), 0.9, 0.999, config.adamEps()));
        nets[specs.size()] = critic.config();
        int copies = config.copies();
        env = new RecommendationBatch(scenario, copies);
        buffer = new MultiAgentBuffer(config.episodesPerUpdate() * scenario.horizon(), copies, config.sequenceLength(),
                factors, nets);
        if (config.minibatches() > buffer.sequences()) {
            throw new IllegalArgumentException("minibatches must be <= training sequences = " + buffer.sequences()
                    + " (copies × episodesPerUpdate × T / sequenceLength), got " + config.minibatches());
        }
        scaler = new RewardScaler(copies, config.gamma(), 1e-8);
        policyLoss = new FactorisedPolicyLoss(config.clip(), config.entCoef(), true);
        valueLoss = new ValueLoss(config.clip(), Double.POSITIVE_INFINITY);
        long samplerSeed = Rng.stream(seed, 1).nextLong();
        samplers = new Rng[copies];
        for (int k = 0; k < copies; k++) {
            samplers[k] = Rng.stream(samplerSeed, k);
        }
        shuffle = Rng.stream(seed, 2);
        envSeed = Rng.stream(seed, 3).nextLong();
        carried = new float[nets.length][];
        for (int k = 0; k < nets.length; k++) {
            carried[k] = new float[nets[k].hiddenSize() * copies];
        }
    }

    /** Actor of agent {@code a}. */
    public RecurrentNet actor(int a) {
        return actors.get(a);
    }

    /** The centralised critic. */
    public RecurrentNet critic() {
        return critic;
    }

    /** The agents. */
    public List<AgentSpec> specs() {
        return specs;
    }

    /** The sampler (decision space and factor layouts). */
    public ActionSampler sampler() {
        return sampler;
    }

    /** The last round's rollout. */
    public MultiAgentBuffer buffer() {
        return buffer;
    }

    /** Rounds done so far. */
    public int rounds() {
        return rounds;
    }

    /** Episodes played per round (all copies). */
    public int episodesPerRound() {
        return config.copies() * config.episodesPerUpdate();
    }

    /** One round: collect, update the due agents, update the critic. */
    public RoundStats round() {
        double[] profit = collect();
        buffer.computeAdvantages(new float[config.copies()], config.gamma(), config.gaeLambda());
        double ev = Diagnostics.explainedVariance(buffer.values(), buffer.returns());
        int na = actors.size();
        boolean[] updated = new boolean[na];
        double[] ent = new double[na];
        double[] kl = new double[na];
        Arrays.fill(ent, Double.NaN);
        Arrays.fill(kl, Double.NaN);
        for (int a = 0; a < na; a++) {
            if (specs.get(a).dueAt(rounds)) {
                double[] r = updateActor(a);
                updated[a] = true;
                ent[a] = r[0];
                kl[a] = r[1];
            }
        }
        double vl = updateCritic();
        RoundStats s = new RoundStats(rounds, Diagnostics.mean(profit), updated, ent, kl, vl, ev);
        rounds++;
        return s;
    }

    /** Plays the round's episodes into the buffer; returns each (episode, copy)'s raw profit. */
    double[] collect() {
        int n = config.copies();
        int horizon = scenario.horizon();
        int np = scenario.products();
        int nm = np * scenario.customers();
        int episodes = config.episodesPerUpdate();
        double[] profit = new double[episodes * n];
        int[] orders = new int[n * np];
        double[] exposure = new double[n * nm];
        double[] reward = new double[n];
        float[] scaled = new float[n];
        tape.setGradEnabled(false);
        for (int t = 0; t < buffer.steps(); t++) {
            int tau = t % horizon;
            int e = t / horizon;
            boolean start = tau == 0;
            boolean end = tau == horizon - 1;
            if (start) {
                env.reset(envSeed, ((long) rounds * episodes + e) * n);
                for (float[] h : carried) {
                    Arrays.fill(h, 0f);
                }
            }
            for (int k = 0; k < n; k++) {
                RecommendationState st = env.state(k);
                for (int net = 0; net <= actors.size(); net++) {
                    int d = buffer.observationSize(net);
                    view(net).write(scenario, st, buffer.observations(net), (t * n + k) * d);
                }
            }
            Arrays.fill(buffer.starts(), t * n, (t + 1) * n, start ? 1f : 0f);
            Arrays.fill(buffer.ends(), t * n, (t + 1) * n, end ? 1f : 0f);
            float[] mask = new float[n];
            Arrays.fill(mask, start ? 1f : 0f);
            for (int net = 0; net <= actors.size(); net++) {
                float[] out = step(net, t, mask);
                if (net < actors.size()) {
                    FiniteCheck.array("logits of agent '" + specs.get(net).name() + "' at step " + t, out);
                    int f = buffer.factors(net);
                    int[] acts = buffer.actions(net);
                    float[] lp = buffer.logProbs(net);
                    for (int k = 0; k < n; k++) {
                        int row = t * n + k;
                        lp[row] = (float) sampler.sample(net, out, k, samplers[k], acts, row * f);
                        sampler.apply(net, acts, row * f, orders, k * np, exposure, k * nm);
                    }
                } else {
                    System.arraycopy(out, 0, buffer.values(), t * n, n);
                }
            }
            for (int k = 0; k < n; k++) {
                sampler.randomRest(samplers[k], orders, k * np, exposure, k * nm);
            }
            env.step(orders, exposure, reward);
            for (int k = 0; k < n; k++) {
                FiniteCheck.scalar("reward of copy " + k + " at step " + t, reward[k]);
                profit[e * n + k] += reward[k];
                scaled[k] = (float) reward[k];
            }
            scaler.scale(scaled, end);
            System.arraycopy(scaled, 0, buffer.rewards(), t * n, n);
        }
        return profit;
    }

    private ObservationView view(int net) {
        return net < actors.size() ? specs.get(net).view() : ObservationView.GLOBAL;
    }

    /** One step of network {@code net} on all copies; stores the chunk's entering hidden state. */
    private float[] step(int net, int t, float[] mask) {
        int n = config.copies();
        RecurrentNet nn = net < actors.size() ? actors.get(net) : critic;
        RecurrentNet.Config c = nn.config();
        if (t % buffer.chunk() == 0) {
            System.arraycopy(carried[net], 0, buffer.hidden(net, t / buffer.chunk()), 0, carried[net].length);
        }
        int d = c.inputs();
        Tensor obsT = Tensor.wrap(Arrays.copyOfRange(buffer.observations(net), t * n * d, (t + 1) * n * d), 1, n, d);
        tape.reset();
        RecurrentNet.Output o = nn.forward(tape, obsT, mask, Tensor.wrap(carried[net], c.gruLayers(), n, c.hidden()));
        float[] out = o.out().value().data().clone();
        System.arraycopy(o.lastHidden().value().data(), 0, carried[net], 0, carried[net].length);
        tape.reset();
        return out;
    }

    private double[] updateActor(int a) {
        RecurrentNet actor = actors.get(a);
        Adam opt = actorOpts.get(a);
        List<Parameter> params = actor.parameters();
        FactorLayout layout = sampler.layout(a);
        int f = layout.factors();
        String name = specs.get(a).name();
        double ent = 0;
        double kl = 0;
        int count = 0;
        for (int epoch = 0; epoch < config.epochs(); epoch++) {
            kl = 0;
            int inEpoch = 0;
            for (int[] seqs : Minibatches.split(shuffle, buffer.sequences(), config.minibatches())) {
                MultiAgentBuffer.Batch mb = buffer.gather(a, seqs);
                tape.reset();
                tape.setGradEnabled(true);
                Var logits = actor.forward(tape, mb.obsT(), mb.maskT(), mb.h0()).out();
                FactorisedPolicyLoss.Result r = policyLoss.compute(logits, layout, mb.gather(buffer.actions(a), f),
                        mb.gather(buffer.logProbs(a)), mb.gather(buffer.advantages()));
                FiniteCheck.scalar("actor loss of agent '" + name + "' in round " + rounds, r.loss().value().item());
                actor.zeroGrad();
                tape.backward(r.loss());
                FiniteCheck.scalar("actor gradient norm of agent '" + name + "' in round " + rounds,
                        GradClip.clipGlobalNorm(params, config.maxGradNorm()));
                opt.step();
                ent += r.entropy();
                kl += r.approxKl();
                count++;
                inEpoch++;
            }
            kl /= inEpoch;
        }
        tape.reset();
        FiniteCheck.parameters("after updating agent '" + name + "' in round " + rounds, params);
        return new double[] {ent / count, kl};
    }

    private double updateCritic() {
        int net = actors.size();
        float[] targets = buffer.returns();
        float[] old = buffer.values();
        double sum = 0;
        int count = 0;
        for (int epoch = 0; epoch < config.epochs(); epoch++) {
            for (int[] seqs : Minibatches.split(shuffle, buffer.sequences(), config.minibatches())) {
                MultiAgentBuffer.Batch mb = buffer.gather(net, seqs);
                tape.reset();
                tape.setGradEnabled(true);
                Var v = critic.forward(tape, mb.obsT(), mb.maskT(), mb.h0()).out();
                Var loss = Ops.scale(valueLoss.compute(v, mb.gather(targets), mb.gather(old)), (float) config.vfCoef());
                FiniteCheck.scalar("critic loss in round " + rounds, loss.value().item());
                critic.zeroGrad();
                tape.backward(loss);
                FiniteCheck.scalar("critic gradient norm in round " + rounds,
                        GradClip.clipGlobalNorm(critic.parameters(), config.maxGradNorm()));
                criticOpt.step();
                sum += loss.value().item();
                count++;
            }
        }
        tape.reset();
        FiniteCheck.parameters("after the critic update in round " + rounds, critic.parameters());
        return sum / count;
    }

    /**
     * Log-probabilities of actor {@code a}'s stored choices under its current policy over the
     * whole buffer (step-major), replaying every sequence from its stored hidden state, with the
     * arithmetic of {@link FactorisedPolicyLoss}.
     */
    public float[] logProbs(int a) {
        int[] all = new int[buffer.sequences()];
        for (int s = 0; s < all.length; s++) {
            all[s] = s;
        }
        MultiAgentBuffer.Batch mb = buffer.gather(a, all);
        tape.reset();
        tape.setGradEnabled(false);
        float[] logits = actors.get(a).forward(tape, mb.obsT(), mb.maskT(), mb.h0()).out().value().data().clone();
        tape.reset();
        FactorLayout layout = sampler.layout(a);
        int f = layout.factors();
        int[] acts = mb.gather(buffer.actions(a), f);
        float[] out = new float[mb.rows().length];
        for (int i = 0; i < mb.rows().length; i++) {
            out[mb.rows()[i]] = (float) layout.logProb(logits, i, acts, i * f);
        }
        return out;
    }
}
