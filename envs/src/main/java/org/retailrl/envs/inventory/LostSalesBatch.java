package org.retailrl.envs.inventory;

import java.util.List;
import org.retailrl.core.simd.LaneArrays;
import org.retailrl.envs.ActionSpec;

/**
 * {@code N} copies of the lost-sales simulator of docs/model.md §7 ({@link LostSalesScenario}) as
 * structure-of-arrays: one {@code int} array of on-hand stock and one ring of orders in transit.
 * {@link #step(int[], double[])} allocates nothing.
 *
 * <p><b>Period {@code t} of copy {@code i}</b>, from the state (on hand {@code I} after this
 * period's arrival, transit {@code x_1..x_{L−1}} where {@code x_k} arrives at the start of period
 * {@code t + k}):
 * <ol>
 * <li>the order {@code q} is placed ({@code L = 0}: it is added to {@code I} at once);</li>
 * <li>demand {@code D} is drawn from copy {@code i}'s stream (one uniform, {@link DemandLaw#sample});</li>
 * <li>sales {@code min(D, I)}, lost {@code (D − I)^+}; cost {@code h·(I − D)^+ + p·(D − I)^+ + c·q};</li>
 * <li>{@code x_1} arrives ({@code L = 1}: the order {@code q} itself) and the transit shifts.</li>
 * </ol>
 *
 * <p><b>Observation</b> ({@code max(L, 1)} floats): on hand, then {@code x_1 .. x_{L−1}} oldest
 * first — exactly the state of the exact dynamic program, so a learner sees what the optimum sees.
 * <b>Action</b>: one component {@code order ∈ 0..Q}.
 */
public final class LostSalesBatch extends BatchBase {
    private final LostSalesScenario scenario;
    private final DemandLaw demand;
    private final int lead;
    private final int ring;
    private final double h;
    private final double p;
    private final double c;
    private final int maxOrder;
    private final int[] onHand;
    // Copy i's transit at [i*ring, (i+1)*ring); logical slot k (0 = next to arrive) is (head + k) % ring.
    private final int[] transit;
    private final int[] lastDemand;
    private final int[] lastLost;
    private int head;

    /** {@code copies} simulators of {@code scenario}; call {@link #reset(long, long)} before stepping. */
    public LostSalesBatch(LostSalesScenario scenario, int copies) {
        super(copies, new ActionSpec(List.of("order"), new int[] {scenario.maxOrder() + 1}), scenario.horizon());
        this.scenario = scenario;
        this.demand = scenario.demand();
        this.lead = scenario.leadTime();
        this.ring = Math.max(lead, 1);
        this.h = scenario.holdingCost();
        this.p = scenario.penaltyCost();
        this.c = scenario.unitCost();
        this.maxOrder = scenario.maxOrder();
        onHand = LaneArrays.ints(copies);
        transit = LaneArrays.ints(Math.multiplyExact(copies, ring));
        lastDemand = LaneArrays.ints(copies);
        lastLost = LaneArrays.ints(copies);
    }

    @Override
    public void reset(long seed, long firstStream) {
        resetStreams(seed, firstStream);
        int[] pipe = scenario.initialPipeline();
        for (int i = 0; i < copies; i++) {
            onHand[i] = scenario.initialInventory();
            for (int k = 0; k < ring; k++) {
                transit[i * ring + k] = k < pipe.length ? pipe[k] : 0;
            }
            lastDemand[i] = 0;
            lastLost[i] = 0;
        }
        head = 0;
    }

    /** Resets with streams {@code 0..N−1}. */
    public void reset(long seed) {
        reset(seed, 0);
    }

    @Override
    public void step(int[] actions, double[] costOut) {
        check(actions, costOut);
        int last = head == 0 ? ring - 1 : head - 1;
        for (int i = 0; i < copies; i++) {
            int q = actions[i];
            int base = i * ring;
            int stock = onHand[i];
            if (lead == 0) {
                stock += q;
            } else {
                // Logical slot L−1 is free until now: it holds the order just placed.
                transit[base + (lead == 1 ? head : last)] = q;
            }
            int d = demand.sample(uniform(i));
            int left = stock - d;
            double cost;
            if (left >= 0) {
                cost = h * left;
                lastLost[i] = 0;
            } else {
                cost = -p * left;
                lastLost[i] = -left;
                left = 0;
            }
            costOut[i] = cost + c * q;
            lastDemand[i] = d;
            if (lead > 0) {
                left += transit[base + head];
                transit[base + head] = 0;
            }
            onHand[i] = left;
        }
        if (lead > 0) {
            head = head + 1 == ring ? 0 : head + 1;
        }
        period++;
    }

    private void check(int[] actions, double[] costOut) {
        checkStep(actions, costOut);
        int bad = 0;
        for (int i = 0; i < copies; i++) {
            bad |= actions[i] | (maxOrder - actions[i]);
        }
        if (bad < 0) {
            for (int i = 0; i < copies; i++) {
                Check.range("actions[" + i + "] (order)", actions[i], 0, maxOrder);
            }
        }
    }

    @Override
    public void observe(float[] out, int off) {
        int dim = observationSize();
        Check.observeBuffer(out, off, (long) dim * copies);
        for (int i = 0; i < copies; i++) {
            int o = off + i * dim;
            out[o] = onHand[i];
            for (int k = 1; k < lead; k++) {
                out[o + k] = transit[i * ring + slot(k - 1)];
            }
        }
    }

    private int slot(int k) {
        int s = head + k;
        return s >= ring ? s - ring : s;
    }

    @Override
    public int observationSize() {
        return Math.max(lead, 1);
    }

    /** On-hand stock of copy {@code i} (after this period's arrival). */
    public int onHand(int i) {
        return onHand[i];
    }

    /** The {@code k}-th order in transit of copy {@code i}, {@code k ∈ 1..L−1} (arrives at the start of period {@code t + k}). */
    public int inTransit(int i, int k) {
        Check.range("k", k, 1, Math.max(lead - 1, 1));
        if (lead <= 1) {
            throw new IllegalArgumentException("with L = " + lead + " nothing is in transit at decision time");
        }
        return transit[i * ring + slot(k - 1)];
    }

    /** Inventory position of copy {@code i}: on hand plus everything in transit. */
    public int position(int i) {
        int s = onHand[i];
        for (int k = 1; k < lead; k++) {
            s += transit[i * ring + slot(k - 1)];
        }
        return s;
    }

    /** Copies copy {@code i}'s state into {@code out[0..max(L,1))}: on hand, then transit oldest first. */
    public void state(int i, int[] out) {
        out[0] = onHand[i];
        for (int k = 1; k < lead; k++) {
            out[k] = transit[i * ring + slot(k - 1)];
        }
    }

    /** Last period's demand of copy {@code i}. */
    public int lastDemand(int i) {
        return lastDemand[i];
    }

    /** Last period's lost units of copy {@code i}. */
    public int lastLost(int i) {
        return lastLost[i];
    }

    /** The scenario simulated. */
    public LostSalesScenario scenario() {
        return scenario;
    }
}
