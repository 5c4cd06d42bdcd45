package org.retailrl.envs.inventory;

import java.util.List;
import org.retailrl.envs.ActionSpec;

/**
 * {@code N} copies of the dual-sourcing simulator of docs/model.md §7 ({@link DualSourcingScenario})
 * as structure-of-arrays: net inventory and two rings of orders in transit. Period {@code t} of copy
 * {@code i}: both orders are placed ({@code l_e = 0}: the expedited one is added to {@code N} at
 * once); demand {@code D} is drawn (one uniform from copy {@code i}'s stream); {@code N ← N − D};
 * cost {@code c_r q_r + c_e q_e + h N^+ + b N^-}; then the orders due at the start of period
 * {@code t + 1} arrive.
 *
 * <p><b>Action</b>: {@code (regular, expedited)} order quantities. <b>Observation</b>:
 * {@code N}, the {@code l_r − 1} regular orders in transit (oldest first), the {@code max(l_e − 1, 0)}
 * expedited ones.
 */
public final class DualSourcingBatch extends BatchBase {
    private final DualSourcingScenario scenario;
    private final DemandLaw demand;
    private final int lr;
    private final int le;
    private final int ringE;
    private final int[] net;
    private final int[] regular;
    private final int[] expedited;
    private int headR;
    private int headE;

    /** {@code copies} simulators of {@code scenario}. */
    public DualSourcingBatch(DualSourcingScenario scenario, int copies) {
        super(copies, new ActionSpec(List.of("regular", "expedited"),
                new int[] {scenario.maxRegular() + 1, scenario.maxExpedited() + 1}), scenario.horizon());
        this.scenario = scenario;
        this.demand = scenario.demand();
        this.lr = scenario.regularLead();
        this.le = scenario.expeditedLead();
        this.ringE = Math.max(le, 1);
        net = new int[copies];
        regular = new int[Math.multiplyExact(copies, lr)];
        expedited = new int[Math.multiplyExact(copies, ringE)];
    }

    @Override
    public void reset(long seed, long firstStream) {
        int[] r0 = scenario.initialRegular();
        int[] e0 = scenario.initialExpedited();
        resetStreams(seed, firstStream);
        for (int i = 0; i < copies; i++) {
            net[i] = scenario.initialNet();
            for (int k = 0; k < lr; k++) {
                regular[i * lr + k] = k < r0.length ? r0[k] : 0;
            }
            for (int k = 0; k < ringE; k++) {
                expedited[i * ringE + k] = k < e0.length ? e0[k] : 0;
            }
        }
        headR = 0;
        headE = 0;
    }

    @Override
    public void step(int[] actions, double[] costOut) {
        checkStep(actions, costOut);
        for (int i = 0; i < copies; i++) {
            Check.range("actions[" + (2 * i) + "] (regular)", actions[2 * i], 0, scenario.maxRegular());
            Check.range("actions[" + (2 * i + 1) + "] (expedited)", actions[2 * i + 1], 0, scenario.maxExpedited());
        }
        int lastR = headR == 0 ? lr - 1 : headR - 1;
        int lastE = headE == 0 ? ringE - 1 : headE - 1;
        double h = scenario.holdingCost();
        double b = scenario.backlogCost();
        for (int i = 0; i < copies; i++) {
            int qr = actions[2 * i];
            int qe = actions[2 * i + 1];
            regular[i * lr + lastR] = qr;
            int n = net[i];
            if (le == 0) {
                n += qe;
            } else {
                expedited[i * ringE + lastE] = qe;
            }
            n -= demand.sample(uniform(i));
            costOut[i] = scenario.regularCost() * qr + scenario.expeditedCost() * qe + (n >= 0 ? h * n : -b * n);
            n += regular[i * lr + headR];
            regular[i * lr + headR] = 0;
            if (le > 0) {
                n += expedited[i * ringE + headE];
                expedited[i * ringE + headE] = 0;
            }
            net[i] = n;
        }
        headR = headR + 1 == lr ? 0 : headR + 1;
        if (le > 0) {
            headE = headE + 1 == ringE ? 0 : headE + 1;
        }
        period++;
    }

    @Override
    public void observe(float[] out, int off) {
        int dim = observationSize();
        Check.observeBuffer(out, off, (long) dim * copies);
        for (int i = 0; i < copies; i++) {
            int o = off + i * dim;
            out[o++] = net[i];
            for (int k = 0; k < lr - 1; k++) {
                out[o++] = regular[i * lr + (headR + k) % lr];
            }
            for (int k = 0; k < le - 1; k++) {
                out[o++] = expedited[i * ringE + (headE + k) % ringE];
            }
        }
    }

    /** Copy {@code i}'s state as {@link #observe} lays it out, into {@code out}. */
    public void state(int i, int[] out) {
        int o = 0;
        out[o++] = net[i];
        for (int k = 0; k < lr - 1; k++) {
            out[o++] = regular[i * lr + (headR + k) % lr];
        }
        for (int k = 0; k < le - 1; k++) {
            out[o++] = expedited[i * ringE + (headE + k) % ringE];
        }
    }

    @Override
    public int observationSize() {
        return 1 + (lr - 1) + Math.max(le - 1, 0);
    }

    /** Net inventory of copy {@code i}. */
    public int net(int i) {
        return net[i];
    }

    /** The scenario simulated. */
    public DualSourcingScenario scenario() {
        return scenario;
    }
}
