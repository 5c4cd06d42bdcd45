package org.retailrl.envs.inventory;

import java.util.ArrayList;
import java.util.List;
import org.retailrl.envs.ActionSpec;

/**
 * {@code N} copies of the serial supply chain of docs/model.md §7 ({@link SerialScenario}) as
 * structure-of-arrays. Period {@code t} of a copy, from the state after this period's arrivals:
 * <ol>
 * <li>every stage {@code j} orders {@code q_j}: from stage {@code j + 1} (added to what that stage owes
 *     it) or, for the top stage, from the supplier (shipped at once);</li>
 * <li>every stage {@code j >= 1} ships {@code min(on hand, owed)} to stage {@code j − 1}; shipments
 *     travel {@code L_{j−1}} periods;</li>
 * <li>demand {@code D} (one uniform from the copy's stream) is taken from stage 0's net inventory;</li>
 * <li>cost (see {@link SerialScenario}) on the end-of-period stock; then the shipments due at the
 *     start of period {@code t + 1} arrive.</li>
 * </ol>
 * <b>Action</b>: {@code N} order quantities, stage 0 first. <b>Observation</b>: stage 0's net
 * inventory and stages {@code 1..N−1}'s stock on hand; what stages {@code 1..N−1} owe downstream;
 * then for each stage the {@code L_j − 1} shipments in transit into it, oldest first.
 */
public final class SerialBatch extends BatchBase {
    private final SerialScenario scenario;
    private final DemandLaw demand;
    private final int stages;
    private final int[] lead;
    private final int[] ringOffset;
    private final int ringTotal;
    private final double[] local;
    private final int[] stock;
    private final int[] owed;
    private final int[] transit;
    private final int[] head;

    /** {@code copies} simulators of {@code scenario}. */
    public SerialBatch(SerialScenario scenario, int copies) {
        super(copies, actions(scenario), scenario.horizon());
        this.scenario = scenario;
        this.demand = scenario.demand();
        this.stages = scenario.stages();
        this.lead = scenario.leadTimes();
        this.ringOffset = new int[stages];
        int total = 0;
        for (int j = 0; j < stages; j++) {
            ringOffset[j] = total;
            total += lead[j];
        }
        this.ringTotal = total;
        this.local = new double[stages];
        for (int j = 0; j < stages; j++) {
            local[j] = scenario.localHolding(j);
        }
        stock = new int[Math.multiplyExact(copies, stages)];
        owed = new int[Math.multiplyExact(copies, stages)];
        transit = new int[Math.multiplyExact(copies, ringTotal)];
        head = new int[stages];
    }

    private static ActionSpec actions(SerialScenario scenario) {
        Check.present("scenario", scenario);
        List<String> names = new ArrayList<>();
        int[] sizes = new int[scenario.stages()];
        for (int j = 0; j < sizes.length; j++) {
            names.add("order" + j);
            sizes[j] = scenario.maxOrder() + 1;
        }
        return new ActionSpec(names, sizes);
    }

    @Override
    public void reset(long seed, long firstStream) {
        resetStreams(seed, firstStream);
        java.util.Arrays.fill(stock, 0);
        java.util.Arrays.fill(owed, 0);
        java.util.Arrays.fill(transit, 0);
        java.util.Arrays.fill(head, 0);
    }

    private int last(int j) {
        return head[j] == 0 ? lead[j] - 1 : head[j] - 1;
    }

    @Override
    public void step(int[] actions, double[] costOut) {
        checkStep(actions, costOut);
        for (int a = 0; a < stages * copies; a++) {
            Check.range("actions[" + a + "] (order" + a % stages + ")", actions[a], 0, scenario.maxOrder());
        }
        double b = scenario.backlogCost();
        for (int i = 0; i < copies; i++) {
            int st = i * stages;
            int tr = i * ringTotal;
            for (int j = 0; j < stages - 1; j++) {
                owed[st + j + 1] += actions[st + j];
            }
            transit[tr + ringOffset[stages - 1] + last(stages - 1)] = actions[st + stages - 1];
            for (int j = 1; j < stages; j++) {
                int ship = Math.min(stock[st + j], owed[st + j]);
                stock[st + j] -= ship;
                owed[st + j] -= ship;
                transit[tr + ringOffset[j - 1] + last(j - 1)] = ship;
            }
            int n0 = stock[st] - demand.sample(uniform(i));
            stock[st] = n0;
            double cost = n0 >= 0 ? local[0] * n0 : -b * n0;
            for (int j = 1; j < stages; j++) {
                int inTransit = 0;
                for (int k = 0; k < lead[j - 1]; k++) {
                    inTransit += transit[tr + ringOffset[j - 1] + k];
                }
                cost += local[j] * (stock[st + j] + inTransit);
            }
            costOut[i] = cost;
            for (int j = 0; j < stages; j++) {
                int slot = tr + ringOffset[j] + head[j];
                stock[st + j] += transit[slot];
                transit[slot] = 0;
            }
        }
        for (int j = 0; j < stages; j++) {
            head[j] = head[j] + 1 == lead[j] ? 0 : head[j] + 1;
        }
        period++;
    }

    @Override
    public void observe(float[] out, int off) {
        observeStates(out, off);
    }

    /** Copy {@code i}'s state in the observation layout. */
    public void state(int i, int[] out) {
        int o = 0;
        for (int j = 0; j < stages; j++) {
            out[o++] = stock[i * stages + j];
        }
        for (int j = 1; j < stages; j++) {
            out[o++] = owed[i * stages + j];
        }
        for (int j = 0; j < stages; j++) {
            for (int k = 0; k < lead[j] - 1; k++) {
                out[o++] = transit[i * ringTotal + ringOffset[j] + (head[j] + k) % lead[j]];
            }
        }
    }

    /**
     * Echelon inventory position of stage {@code j} of copy {@code i} before ordering: stage 0's net
     * inventory, stock on hand at stages {@code 1..j}, everything in transit into stages {@code 0..j},
     * and what stage {@code j + 1} still owes stage {@code j}.
     */
    public int echelonPosition(int i, int j) {
        int ip = 0;
        for (int s = 0; s <= j; s++) {
            ip += stock[i * stages + s];
            for (int k = 0; k < lead[s]; k++) {
                ip += transit[i * ringTotal + ringOffset[s] + k];
            }
        }
        if (j + 1 < stages) {
            ip += owed[i * stages + j + 1];
        }
        return ip;
    }

    @Override
    public int observationSize() {
        return 2 * stages - 1 + ringTotal - stages;
    }

    /** The scenario simulated. */
    public SerialScenario scenario() {
        return scenario;
    }
}
