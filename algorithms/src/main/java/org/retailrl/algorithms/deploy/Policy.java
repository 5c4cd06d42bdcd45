package org.retailrl.algorithms.deploy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.retailrl.algorithms.pricing.PricingDecision;
import org.retailrl.algorithms.pricing.PricingBatchEnv;
import org.retailrl.envs.pricing.PricingBatch;
import org.retailrl.envs.pricing.PricingObservation;
import org.retailrl.envs.pricing.PricingScenario;
import org.retailrl.nn.RecurrentNet;
import org.retailrl.runtime.kernel.RowNet;

/**
 * A trained pricing-and-replenishment policy (docs/model.md §1 problem, §8 recurrent actors) for
 * embedding in other Java code: it maps one store's observation to the greedy decision — a price
 * from the scenario's grid (currency/unit) and an order quantity {@code q ∈ {0..Q}} (units) — the
 * same decision {@link org.retailrl.algorithms.pricing.LearnedPricingPolicy} takes in greedy mode.
 *
 * <p>The object is immutable and thread-safe: the weights are private copies that are never
 * written after construction. Everything that changes while acting — the GRU hidden states
 * carried through an episode and the scratch buffers — lives in a {@link Session}, one per
 * decision stream (store, thread); a session must not be used by two threads at once. After
 * warm-up, {@link #decide} allocates nothing.
 *
 * <p>Observation layout ({@link PricingObservation}): the simulator's {@code 6 + L} floats —
 * previous ending inventory (net inventory under backlog), previous lost sales (backlog),
 * previous demand (units), previous own price, the competitor's price for the coming period,
 * the reference price (currency/unit), the {@code L} outstanding orders oldest first (units) —
 * plus the period index {@code t ∈ [0, T)}. The policy normalises them as the learners did
 * through the learners' own function ({@link PricingBatchEnv#normalizeRow}: units ÷ {@code Q}
 * compressed logarithmically beyond ±1, prices ÷ the largest grid price, then {@code t/T}).
 *
 * <p>Usage:
 * <pre>{@code
 * Policy policy = Policy.load(Path.of("fsda.rrpf"));       // once; share across threads
 * Policy.Session store = policy.newSession();                // one per store / thread
 * float[] obs = new float[policy.observationSize()];         // 6 + L floats, reused
 * for (int t = 0; t < policy.scenario().horizon(); t++) {
 *     fillObservation(obs, t);                               // inventory, lost, demand, prices, pipeline
 *     PricingDecision d = policy.decide(store, obs, t);      // period 0 starts a new episode
 *     double price = store.price();                          // = grid[d.priceIndex()]
 *     int order = d.order();                                 // units, arrives after L periods
 *     apply(price, order);
 * }
 * }</pre>
 */
public final class Policy {
    private final PricingScenario scenario;
    private final String kind;
    private final RecurrentInference[] nets;
    private final double[] prices;
    private final int rawSize;
    private final int orders;
    private final int horizon;

    /**
     * One decision stream's mutable state: the recurrent hidden states of every actor, the
     * normalised observation and the last decision. Not thread-safe.
     */
    public static final class Session {
        private final Policy owner;
        private final RecurrentInference.State[] states;
        private final float[] obs;
        private final float[] raw;
        private final PricingDecision decision = new PricingDecision();

        private Session(Policy policy) {
            owner = policy;
            states = new RecurrentInference.State[policy.nets.length];
            for (int a = 0; a < states.length; a++) {
                states[a] = policy.nets[a].newState();
            }
            obs = new float[policy.rawSize + 1];
            raw = new float[policy.rawSize];
        }

        /** Zeroes the recurrent state; call at an episode start (a decision at period 0 does it too). */
        public void reset() {
            for (RecurrentInference.State s : states) {
                s.reset();
            }
        }

        /** The last decision (the object {@link Policy#decide} returned, overwritten by the next call). */
        public PricingDecision decision() {
            return decision;
        }

        /** The last decision's price in currency per unit. */
        public double price() {
            return owner.prices[decision.priceIndex()];
        }

        /** The last decision's order quantity in units. */
        public int order() {
            return decision.order();
        }
    }

    private Policy(PricingScenario scenario, String kind, List<RecurrentNet> actors) {
        String problem = PolicyFile.checkShapes(scenario, kind, actors.stream().map(RecurrentNet::config).toList());
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        this.scenario = scenario;
        this.kind = kind;
        this.nets = new RecurrentInference[actors.size()];
        for (int a = 0; a < nets.length; a++) {
            nets[a] = new RecurrentInference(actors.get(a));
        }
        this.prices = scenario.prices();
        this.rawSize = 6 + scenario.leadTime();
        this.orders = scenario.maxOrder() + 1;
        this.horizon = scenario.horizon();
        // The same float constants as PricingBatchEnv.observation, so the actors see the same bits.
    }

    /**
     * Loads a policy file ({@link PolicyFile}).
     *
     * @throws java.nio.file.NoSuchFileException when the file does not exist
     * @throws org.retailrl.nn.ModelFileException when it is truncated, corrupted or inconsistent
     */
    public static Policy load(Path path) throws IOException {
        PolicyFile.Contents c = PolicyFile.read(path);
        if (!(c.scenario() instanceof PricingScenario scenario)) {
            throw new org.retailrl.nn.ModelFileException(path + ": holds a '" + c.kind() + "' policy of the "
                    + "recommendation problem; Policy serves pricing policies (fsda, ppo-joint); evaluate it with "
                    + "`retail evaluate --scenario recommendation-lost --model FILE`");
        }
        return new Policy(scenario, c.kind(), c.actors());
    }

    /**
     * A policy from actors in memory (their weights are copied).
     *
     * @param kind {@link PolicyFile#FSDA} (pricing, ordering) or {@link PolicyFile#PPO_JOINT} (one joint actor)
     * @throws IllegalArgumentException when the kind is unknown or the actors do not fit the scenario
     */
    public static Policy of(PricingScenario scenario, String kind, List<RecurrentNet> actors) {
        if (scenario == null || actors == null) {
            throw new IllegalArgumentException("scenario and actors must not be null");
        }
        for (RecurrentNet a : actors) {
            if (a == null) {
                throw new IllegalArgumentException("actors must not contain null");
            }
        }
        return new Policy(scenario, kind, actors);
    }

    /** A new decision stream with zero recurrent state. */
    public Session newSession() {
        return new Session(this);
    }

    /** The scenario the policy was trained on (price grid, {@code Q}, {@code L}, {@code T}). */
    public PricingScenario scenario() {
        return scenario;
    }

    /** {@link PolicyFile#FSDA} or {@link PolicyFile#PPO_JOINT}. */
    public String kind() {
        return kind;
    }

    /** Length {@code 6 + L} of the observation {@link #decide} reads. */
    public int observationSize() {
        return rawSize;
    }

    /**
     * The greedy decision for one period.
     *
     * @param session     this stream's session (from {@link #newSession()})
     * @param observation the simulator's {@code 6 + L} floats, layout of {@link PricingObservation}
     * @param period      period index {@code t ∈ [0, T)}; 0 starts an episode (recurrent state zeroed)
     * @return the session's decision object, overwritten by the next call on the session
     * @throws IllegalArgumentException on a foreign session, a wrong length, a non-finite value or
     *                                  a period outside {@code [0, T)}
     */
    public PricingDecision decide(Session session, float[] observation, int period) {
        if (session == null || session.owner != this) {
            throw new IllegalArgumentException("session must come from this policy's newSession()");
        }
        RowNet.checkDecisionInput(observation, rawSize, period, horizon);
        PricingBatchEnv.normalizeRow(scenario, observation, 0, period, session.obs, 0);
        return act(session, period == 0);
    }

    /**
     * The greedy decision for copy {@code i} of a simulator batch running this policy's scenario
     * (reads the copy's observation and period; a convenience for simulation and tests).
     */
    public PricingDecision decide(Session session, PricingBatch batch, int i) {
        if (batch == null) {
            throw new IllegalArgumentException("batch must not be null");
        }
        PricingScenario b = batch.scenario();
        // What the actors' inputs and outputs depend on: L, T, Q, the grid size and its top price.
        if (b != scenario && (b.leadTime() != scenario.leadTime() || b.horizon() != horizon
                || b.maxOrder() != scenario.maxOrder() || b.priceCount() != prices.length
                || b.maxPrice() != scenario.maxPrice())) {
            throw new IllegalArgumentException("batch scenario must have the policy's L = " + scenario.leadTime()
                    + ", T = " + horizon + ", Q = " + scenario.maxOrder() + " and price grid (" + prices.length
                    + " prices up to " + scenario.maxPrice() + ")");
        }
        if (i < 0 || i >= batch.copies()) {
            throw new IllegalArgumentException("i must be in [0, " + batch.copies() + "), got " + i);
        }
        if (session == null || session.owner != this) {
            throw new IllegalArgumentException("session must come from this policy's newSession()");
        }
        batch.observe(i, session.raw, 0);
        return decide(session, session.raw, batch.period());
    }

    private PricingDecision act(Session session, boolean reset) {
        float[] first = nets[0].step(session.states[0], session.obs, 0, reset);
        int a0 = RecurrentInference.argmax(first, first.length);
        if (nets.length == 1) {
            session.decision.set(a0 / orders, a0 % orders);
        } else {
            float[] second = nets[1].step(session.states[1], session.obs, 0, reset);
            session.decision.set(a0, RecurrentInference.argmax(second, second.length));
        }
        return session.decision;
    }
}
