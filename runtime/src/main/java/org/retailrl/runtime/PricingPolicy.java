package org.retailrl.runtime;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.retailrl.runtime.internal.PolicyImage;
import org.retailrl.runtime.kernel.RowKernel;
import org.retailrl.runtime.kernel.RowNet;

/**
 * A trained pricing-and-replenishment policy (docs/model.md §1 problem, §8.1 recurrent actors) read
 * from a policy file, for embedding: it maps one store's observation to the greedy decision — a
 * price from the scenario's grid and an order quantity {@code q ∈ {0..Q}} — exactly as the training
 * engine's {@code org.retailrl.algorithms.deploy.Policy} does, with nothing but the JDK (Java 17 or
 * newer) on the class or module path.
 *
 * <p>Observation ({@link #observationSize()} = {@code 6 + L} floats, the simulator's own): previous
 * ending inventory (net inventory under backlog), previous lost sales (backlog), previous demand
 * (units), previous own price, the competitor's price for the coming period, the reference price
 * (currency/unit), then the {@code L} outstanding orders oldest first (units); plus the period
 * index {@code t ∈ [0, T)}. They are normalised as the learners saw them: units ÷ {@code Q},
 * compressed logarithmically beyond ±1, prices ÷ the largest grid price, and {@code t/T}.
 *
 * <p>The object is immutable and thread-safe; the recurrent state of one decision stream (store)
 * lives in a {@link Session}, which must not be shared by threads. The arithmetic is the engine's
 * scalar path operation for operation (fused-multiply-add chains in input order, {@code Math.tanh},
 * the logistic function in double precision), so the logits equal the engine's bit for bit when
 * the engine runs its scalar kernels and agree to a few float ulps with its vector ones. The
 * matrix-vector products use the Vector API when {@code jdk.incubator.vector} is in the boot layer
 * (bit-identical to the scalar kernel); {@link #kernel()} says which runs.
 *
 * <pre>{@code
 * PricingPolicy policy = PricingPolicy.load(Path.of("fsda-seed1.rrpf"));
 * PricingPolicy.Session store = policy.newSession();
 * float[] obs = new float[policy.observationSize()];
 * for (int t = 0; t < policy.horizon(); t++) {
 *     fill(obs);                                    // inventory, lost sales, demand, prices, pipeline
 *     Decision d = policy.decide(store, obs, t);    // t = 0 starts a new episode; see inputFields()
 *     apply(d.price(), d.order());
 * }
 * }</pre>
 */
public final class PricingPolicy {
    /** The size limit of {@link #load(Path)} and {@link #load(InputStream, String)}: 256 MiB. */
    public static final long DEFAULT_MAX_BYTES = 256L << 20;
    private static final RowKernel KERNEL = RowKernel.select();

    private final PolicyImage image;
    private final PolicyMetadata metadata;
    private final List<InputField> fields;
    private final RowNet[] nets;
    private final double[] prices;
    private final int rawSize;
    private final int orders;
    private final int horizon;
    private final float unitScale;
    private final float priceScale;

    /** One decision stream's recurrent state and scratch buffers. Not thread-safe. */
    public static final class Session {
        private final PricingPolicy owner;
        private final RowNet.State[] states;
        private final float[] obs;

        private Session(PricingPolicy p) {
            owner = p;
            states = new RowNet.State[p.nets.length];
            for (int a = 0; a < states.length; a++) {
                states[a] = p.nets[a].newState();
            }
            obs = new float[p.rawSize + 1];
        }

        /** Zeroes the recurrent state (a decision at period 0 does it too). */
        public void reset() {
            for (RowNet.State s : states) {
                s.reset();
            }
        }
    }

    private PricingPolicy(PolicyImage image, String source) throws PolicyFormatException {
        this.image = image;
        metadata = new PolicyMetadata(image.header, source);
        nets = new RowNet[image.actors.size()];
        for (int a = 0; a < nets.length; a++) {
            PolicyImage.Actor actor = image.actors.get(a);
            nets[a] = new RowNet(actor.inputs, actor.hidden, actor.gruLayers, actor.outputs, actor::get, KERNEL,
                    RowNet.SCALAR);
        }
        prices = image.prices;
        rawSize = 6 + image.leadTime;
        orders = image.maxOrder + 1;
        horizon = image.horizon;
        unitScale = (float) (1.0 / Math.max(1, image.maxOrder));
        priceScale = (float) (1.0 / prices[prices.length - 1]);
        List<InputField> f = new ArrayList<>();
        f.add(new InputField(0, "endingInventory", "units", "the previous period's ending inventory (net inventory under backlog)"));
        f.add(new InputField(1, "lostSales", "units", "the previous period's lost sales (backlog)"));
        f.add(new InputField(2, "demand", "units", "the previous period's demand"));
        f.add(new InputField(3, "ownPrice", "currency/unit", "the previous period's own price"));
        f.add(new InputField(4, "competitorPrice", "currency/unit", "the competitor's price for the coming period"));
        f.add(new InputField(5, "referencePrice", "currency/unit", "the customers' reference price"));
        for (int k = 0; k < image.leadTime; k++) {
            f.add(new InputField(6 + k, "pipeline[" + k + "]", "units", "outstanding order " + k
                    + " (0 arrives next)"));
        }
        fields = List.copyOf(f);
    }

    /**
     * Loads a policy file of at most {@link #DEFAULT_MAX_BYTES}.
     *
     * @param file the policy file
     * @return the policy
     * @throws java.nio.file.NoSuchFileException when the file does not exist
     * @throws PolicyFormatException when it is too large, truncated, corrupted, of a newer format or another problem
     * @throws IOException when it cannot be read
     */
    public static PricingPolicy load(Path file) throws IOException {
        return load(file, DEFAULT_MAX_BYTES);
    }

    /**
     * Loads a policy file of at most {@code maxBytes}; its size is checked before it is read.
     *
     * @param file     the policy file
     * @param maxBytes the largest file accepted, at least 1
     * @return the policy
     * @throws PolicyFormatException when it is larger, or not a servable policy file
     * @throws IOException when it cannot be read
     */
    public static PricingPolicy load(Path file, long maxBytes) throws IOException {
        if (file == null || maxBytes < 1) {
            throw new IllegalArgumentException("file must not be null and maxBytes must be >= 1, got " + maxBytes);
        }
        sizeWithin(file, maxBytes);
        return fromBytes(Files.readAllBytes(file), file.toString());
    }

    /** The file's size, refused when it is above {@code maxBytes} or not a regular file. */
    static long sizeWithin(Path file, long maxBytes) throws IOException {
        if (Files.isDirectory(file)) {
            throw new PolicyFormatException(file + ": is a folder, not a policy file");
        }
        long size = Files.size(file);
        if (size > maxBytes) {
            throw new PolicyFormatException(file + ": " + size + " bytes, more than the limit of " + maxBytes);
        }
        return size;
    }

    /**
     * Reads a policy from a stream (for instance a class-path resource) of at most
     * {@link #DEFAULT_MAX_BYTES}; the stream is read to its end but not closed.
     *
     * @param in   the stream
     * @param name what error messages call it
     * @return the policy
     * @throws PolicyFormatException when the stream is longer than the limit or not a servable policy file
     * @throws IOException when the stream fails
     */
    public static PricingPolicy load(InputStream in, String name) throws IOException {
        return load(in, name, DEFAULT_MAX_BYTES);
    }

    /**
     * Reads a policy from a stream of at most {@code maxBytes}; reading stops as soon as the
     * limit is passed, so an endless stream costs at most that much memory.
     *
     * @param in       the stream (not closed)
     * @param name     what error messages call it
     * @param maxBytes the largest stream accepted, at least 1
     * @return the policy
     * @throws PolicyFormatException when the stream is longer than the limit or not a servable policy file
     * @throws IOException when the stream fails
     */
    public static PricingPolicy load(InputStream in, String name, long maxBytes) throws IOException {
        if (in == null || maxBytes < 1) {
            throw new IllegalArgumentException("in must not be null and maxBytes must be >= 1, got " + maxBytes);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[64 * 1024];
        long total = 0;
        for (int n; (n = in.read(buf)) != -1; ) {
            total += n;
            if (total > maxBytes) {
                throw new PolicyFormatException(name + ": longer than the limit of " + maxBytes + " bytes");
            }
            out.write(buf, 0, n);
        }
        return fromBytes(out.toByteArray(), name);
    }

    /**
     * Loads a policy file packaged as a class-path resource.
     *
     * @param loader   the class loader to ask (for instance {@code MyApp.class.getClassLoader()})
     * @param resource the resource name, such as {@code "models/fsda.rrpf"}
     * @return the policy
     * @throws java.io.FileNotFoundException when there is no such resource
     * @throws PolicyFormatException when it is not a servable policy file
     * @throws IOException when it cannot be read
     */
    public static PricingPolicy fromResource(ClassLoader loader, String resource) throws IOException {
        if (loader == null || resource == null) {
            throw new IllegalArgumentException("loader and resource must not be null");
        }
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new java.io.FileNotFoundException("no class-path resource '" + resource + "'");
            }
            return load(in, resource, DEFAULT_MAX_BYTES);
        }
    }

    /**
     * A policy from the bytes of a policy file.
     *
     * @param bytes  the file's bytes
     * @param source what error messages call them
     * @return the policy
     * @throws PolicyFormatException when they are not a servable policy file
     */
    public static PricingPolicy fromBytes(byte[] bytes, String source) throws PolicyFormatException {
        if (bytes == null) {
            throw new IllegalArgumentException("bytes must not be null");
        }
        return new PricingPolicy(PolicyImage.decode(bytes, source), source);
    }

    /**
     * The file's format version and provenance (model id, library version, creation time,
     * training seed, configuration, scenario name, training summary). To read them without
     * loading the weights use {@link PolicyMetadata#read(Path)}.
     *
     * @return the metadata
     */
    public PolicyMetadata metadata() {
        return metadata;
    }

    /**
     * The observation's fields by name, in array order: what {@link #decide(Session, float[], int)}
     * expects at each position.
     *
     * @return {@code 6 + L} fields, unmodifiable
     */
    public List<InputField> inputFields() {
        return fields;
    }

    /**
     * The policy kind: {@code "fsda"} (a pricing and an ordering actor) or {@code "ppo-joint"}
     * (one actor over {@code priceIndex·(Q + 1) + q}).
     *
     * @return the kind
     */
    public String kind() {
        return image.kind;
    }

    /**
     * The scenario the policy was trained on, as the JSON text the file stores (every member of
     * the engine's scenario; the runtime itself reads the price grid, {@code maxOrder},
     * {@code leadTime} and {@code horizon}).
     *
     * @return the JSON text
     */
    public String scenarioJson() {
        return image.scenarioJson;
    }

    /**
     * The price grid, currency per unit, increasing.
     *
     * @return a copy of the grid
     */
    public double[] prices() {
        return prices.clone();
    }

    /**
     * The largest order {@code Q}, units.
     *
     * @return Q
     */
    public int maxOrder() {
        return image.maxOrder;
    }

    /**
     * The lead time {@code L}, periods.
     *
     * @return L
     */
    public int leadTime() {
        return image.leadTime;
    }

    /**
     * The horizon {@code T}, periods per episode.
     *
     * @return T
     */
    public int horizon() {
        return horizon;
    }

    /**
     * The observation length {@code 6 + L}.
     *
     * @return 6 + L
     */
    public int observationSize() {
        return rawSize;
    }

    /**
     * Which matrix-vector kernel runs in this JVM: {@code "scalar"} or {@code "vector-<bits>"}.
     *
     * @return the kernel's name
     */
    public static String kernel() {
        return KERNEL.name();
    }

    /**
     * A new decision stream with zero recurrent state.
     *
     * @return the session
     */
    public Session newSession() {
        return new Session(this);
    }

    /**
     * The greedy decision for one period, without constraints.
     *
     * @param session     this stream's session (from {@link #newSession()})
     * @param observation the {@code 6 + L} raw floats of {@link #inputFields()}
     * @param period      {@code t ∈ [0, T)}; 0 starts an episode (recurrent state zeroed)
     * @return the decision
     * @throws IllegalArgumentException on a foreign session, a wrong length, a non-finite value or a
     *                                  period outside {@code [0, T)}
     */
    public Decision decide(Session session, float[] observation, int period) {
        return decide(session, observation, period, DecisionConstraints.NONE);
    }

    /**
     * The greedy decision for one period among the actions {@code constraints} allow.
     *
     * @param session     this stream's session (from {@link #newSession()})
     * @param observation the {@code 6 + L} raw floats of {@link #inputFields()}
     * @param period      {@code t ∈ [0, T)}; 0 starts an episode (recurrent state zeroed)
     * @param constraints price floor and ceiling, largest order ({@link DecisionConstraints#NONE} for none)
     * @return the decision
     * @throws IllegalArgumentException on a foreign session, a wrong length, a non-finite value, a
     *                                  period outside {@code [0, T)}, or constraints that exclude every grid price
     */
    public Decision decide(Session session, float[] observation, int period, DecisionConstraints constraints) {
        if (session == null || session.owner != this) {
            throw new IllegalArgumentException("session must come from this policy's newSession()");
        }
        if (constraints == null) {
            throw new IllegalArgumentException("constraints must not be null (use DecisionConstraints.NONE)");
        }
        RowNet.checkDecisionInput(observation, rawSize, period, horizon);
        boolean[] priceAllowed = priceMask(constraints);
        float[] x = session.obs;
        for (int k = 0; k < rawSize; k++) {
            float v = observation[k];
            // Indices 3, 4, 5: own, competitor and reference price; the rest are quantities.
            x[k] = k >= 3 && k <= 5 ? v * priceScale : squash(v * unitScale);
        }
        x[rawSize] = (float) period / horizon;
        boolean reset = period == 0;
        float[] first = nets[0].step(session.states[0], x, 0, reset).clone();
        int maxQ = Math.min(orders - 1, constraints.maxOrder());
        if (nets.length == 1) {
            for (int a = 0; a < first.length; a++) {
                if (!priceAllowed[a / orders] || a % orders > maxQ) {
                    first[a] = Float.NEGATIVE_INFINITY;
                }
            }
            int a0 = RowNet.argmax(first, first.length);
            return new Decision(a0 / orders, prices[a0 / orders], a0 % orders, new float[][] {first});
        }
        for (int i = 0; i < first.length; i++) {
            if (!priceAllowed[i]) {
                first[i] = Float.NEGATIVE_INFINITY;
            }
        }
        int a0 = RowNet.argmax(first, first.length);
        float[] second = nets[1].step(session.states[1], x, 0, reset).clone();
        for (int q = maxQ + 1; q < second.length; q++) {
            second[q] = Float.NEGATIVE_INFINITY;
        }
        return new Decision(a0, prices[a0], RowNet.argmax(second, second.length), new float[][] {first, second});
    }

    /**
     * The greedy decision for one period from a named observation.
     *
     * @param session     this stream's session (from {@link #newSession()})
     * @param observation the store's observation; its pipeline must hold {@code L} orders
     * @param period      {@code t ∈ [0, T)}; 0 starts an episode (recurrent state zeroed)
     * @param constraints price floor and ceiling, largest order ({@link DecisionConstraints#NONE} for none)
     * @return the decision
     * @throws IllegalArgumentException as {@link #decide(Session, float[], int, DecisionConstraints)}, or when
     *                                  the pipeline's length is not {@code L}
     */
    public Decision decide(Session session, StoreObservation observation, int period, DecisionConstraints constraints) {
        if (observation == null) {
            throw new IllegalArgumentException("observation must not be null");
        }
        if (observation.pipeline().length != image.leadTime) {
            throw new IllegalArgumentException("observation.pipeline must hold L = " + image.leadTime + " orders, got "
                    + observation.pipeline().length);
        }
        return decide(session, observation.toArray(), period, constraints);
    }

    /**
     * The greedy decisions of many stores for the same period in one call: store {@code k} uses
     * {@code sessions[k]} and {@code observations[k]}, exactly as {@code k} single calls would.
     *
     * @param sessions     one distinct session per store, from {@link #newSession()}
     * @param observations one observation per store, {@code 6 + L} raw floats each
     * @param period       {@code t ∈ [0, T)}; 0 starts every store's episode
     * @param constraints  applied to every store ({@link DecisionConstraints#NONE} for none)
     * @return the decisions, in store order
     * @throws IllegalArgumentException when the arrays differ in length, a session appears twice, or as
     *                                  {@link #decide(Session, float[], int, DecisionConstraints)} for a store
     *                                  (the message names its index)
     */
    public Decision[] decide(Session[] sessions, float[][] observations, int period, DecisionConstraints constraints) {
        if (sessions == null || observations == null || sessions.length != observations.length) {
            throw new IllegalArgumentException("sessions and observations must be arrays of the same length, got "
                    + (sessions == null ? "null" : sessions.length) + " and "
                    + (observations == null ? "null" : observations.length));
        }
        Set<Session> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (int k = 0; k < sessions.length; k++) {
            if (!seen.add(sessions[k])) {
                throw new IllegalArgumentException("sessions[" + k + "] appears twice; every store needs its own session");
            }
        }
        Decision[] out = new Decision[sessions.length];
        for (int k = 0; k < sessions.length; k++) {
            try {
                out[k] = decide(sessions[k], observations[k], period, constraints);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("store " + k + ": " + e.getMessage(), e);
            }
        }
        return out;
    }

    /** Which grid prices {@code c} allows; refused when none. */
    private boolean[] priceMask(DecisionConstraints c) {
        boolean[] allowed = new boolean[prices.length];
        boolean any = false;
        for (int i = 0; i < prices.length; i++) {
            allowed[i] = c.allowsPrice(prices[i]);
            any |= allowed[i];
        }
        if (!any) {
            throw new IllegalArgumentException("constraints allow no grid price: price must be in [" + c.priceFloor()
                    + ", " + c.priceCeiling() + "] but the grid is " + Arrays.toString(prices));
        }
        return allowed;
    }

    /** The identity on [−1, 1] and ±(1 + ln|u|) beyond, as the learners' observation. */
    private static float squash(float u) {
        float a = Math.abs(u);
        return a <= 1f ? u : Math.copySign(1f + (float) Math.log(a), u);
    }
}
