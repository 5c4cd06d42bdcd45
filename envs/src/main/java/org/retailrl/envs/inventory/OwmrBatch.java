package org.retailrl.envs.inventory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.retailrl.envs.ActionSpec;

/**
 * {@code N} copies of the one-warehouse multi-retailer system of docs/model.md §7
 * ({@link OwmrScenario}) as structure-of-arrays. Period {@code t} of a copy, from the state after
 * this period's arrivals:
 * <ol>
 * <li>the warehouse orders {@code q_0} from the supplier (arrives at the start of period
 *     {@code t + L_0}); retailer {@code r} orders {@code q_r}, added to what the warehouse owes it;</li>
 * <li>the warehouse ships everything owed if its stock {@code W} suffices, otherwise splits {@code W}
 *     by the scenario's allocation rule; a shipment to {@code r} arrives at the start of
 *     {@code t + L_r};</li>
 * <li>each retailer's demand (one uniform each from the copy's stream, retailer order) is taken from
 *     its net inventory;</li>
 * <li>cost (see {@link OwmrScenario}) on the end-of-period stock; then the arrivals due at the start
 *     of period {@code t + 1}.</li>
 * </ol>
 * <b>Action</b>: {@code n + 1} order quantities, the warehouse's first. <b>Observation</b>: the
 * warehouse's stock on hand, what it owes each retailer, each retailer's net inventory, the
 * {@code L_0 − 1} orders in transit to the warehouse (oldest first), then for each retailer the
 * {@code L_r − 1} shipments in transit to it.
 */
public final class OwmrBatch extends BatchBase {
    private final OwmrScenario scenario;
    private final int n;
    private final DemandLaw[] demand;
    private final int l0;
    private final int[] lead;
    private final int[] ringOffset;
    private final int ringTotal;
    private final double[] target;
    private final int[] stock;
    private final int[] owed;
    private final int[] net;
    private final int[] inbound;
    private final int[] transit;
    private final int[] head;
    private final int[] ship;
    private final double[] fraction;
    private int headW;

    /** {@code copies} simulators of {@code scenario}. */
    public OwmrBatch(OwmrScenario scenario, int copies) {
        super(copies, actions(scenario), scenario.horizon());
        this.scenario = scenario;
        this.n = scenario.retailers();
        this.demand = scenario.demand();
        this.l0 = scenario.warehouseLead();
        this.lead = scenario.retailerLeads();
        this.ringOffset = new int[n];
        this.target = new double[n];
        int total = 0;
        for (int r = 0; r < n; r++) {
            ringOffset[r] = total;
            total += lead[r];
            target[r] = (lead[r] + 1) * demand[r].mean();
        }
        this.ringTotal = total;
        stock = new int[copies];
        owed = new int[Math.multiplyExact(copies, n)];
        net = new int[Math.multiplyExact(copies, n)];
        inbound = new int[Math.multiplyExact(copies, l0)];
        transit = new int[Math.multiplyExact(copies, ringTotal)];
        head = new int[n];
        ship = new int[n];
        fraction = new double[n];
    }

    private static ActionSpec actions(OwmrScenario scenario) {
        Check.present("scenario", scenario);
        List<String> names = new ArrayList<>();
        int[] sizes = new int[scenario.retailers() + 1];
        names.add("warehouse");
        for (int r = 1; r <= scenario.retailers(); r++) {
            names.add("retailer" + r);
        }
        Arrays.fill(sizes, scenario.maxOrder() + 1);
        return new ActionSpec(names, sizes);
    }

    @Override
    public void reset(long seed, long firstStream) {
        resetStreams(seed, firstStream);
        Arrays.fill(stock, 0);
        Arrays.fill(owed, 0);
        Arrays.fill(net, 0);
        Arrays.fill(inbound, 0);
        Arrays.fill(transit, 0);
        Arrays.fill(head, 0);
        headW = 0;
    }

    @Override
    public void step(int[] actions, double[] costOut) {
        checkStep(actions, costOut);
        int d = n + 1;
        for (int a = 0; a < d * copies; a++) {
            Check.range("actions[" + a + "] (" + actionSpec().names().get(a % d) + ")", actions[a], 0,
                    scenario.maxOrder());
        }
        double hw = scenario.warehouseHolding();
        double hr = scenario.retailerHolding();
        double b = scenario.backlogCost();
        int lastW = headW == 0 ? l0 - 1 : headW - 1;
        for (int i = 0; i < copies; i++) {
            int o = i * n;
            int tr = i * ringTotal;
            inbound[i * l0 + lastW] = actions[i * d];
            int due = 0;
            for (int r = 0; r < n; r++) {
                owed[o + r] += actions[i * d + 1 + r];
                due += owed[o + r];
            }
            if (due <= stock[i]) {
                System.arraycopy(owed, o, ship, 0, n);
            } else {
                allocate(i, stock[i], due);
            }
            double cost = 0;
            for (int r = 0; r < n; r++) {
                stock[i] -= ship[r];
                owed[o + r] -= ship[r];
                int last = head[r] == 0 ? lead[r] - 1 : head[r] - 1;
                transit[tr + ringOffset[r] + last] = ship[r];
            }
            int inTransit = 0;
            for (int k = 0; k < ringTotal; k++) {
                inTransit += transit[tr + k];
            }
            cost += hw * (stock[i] + inTransit);
            for (int r = 0; r < n; r++) {
                int nr = net[o + r] - demand[r].sample(uniform(i));
                net[o + r] = nr;
                cost += nr >= 0 ? hr * nr : -b * nr;
            }
            costOut[i] = cost;
            int slot = i * l0 + headW;
            stock[i] += inbound[slot];
            inbound[slot] = 0;
            for (int r = 0; r < n; r++) {
                int s = tr + ringOffset[r] + head[r];
                net[o + r] += transit[s];
                transit[s] = 0;
            }
        }
        headW = headW + 1 == l0 ? 0 : headW + 1;
        for (int r = 0; r < n; r++) {
            head[r] = head[r] + 1 == lead[r] ? 0 : head[r] + 1;
        }
        period++;
    }

    /** Splits {@code w < due} units of copy {@code i} into {@link #ship} by the scenario's rule. */
    private void allocate(int i, int w, int due) {
        int o = i * n;
        if (scenario.allocation() == OwmrScenario.Allocation.PROPORTIONAL) {
            int given = 0;
            for (int r = 0; r < n; r++) {
                long share = (long) w * owed[o + r];
                ship[r] = (int) (share / due);
                fraction[r] = (double) (share % due) / due;
                given += ship[r];
            }
            for (; given < w; given++) {
                int best = -1;
                for (int r = 0; r < n; r++) {
                    if (ship[r] < owed[o + r] && (best < 0 || fraction[r] > fraction[best])) {
                        best = r;
                    }
                }
                ship[best]++;
                fraction[best] = -1;
            }
            return;
        }
        int tr = i * ringTotal;
        for (int r = 0; r < n; r++) {
            ship[r] = 0;
            int pos = net[o + r];
            for (int k = 0; k < lead[r]; k++) {
                pos += transit[tr + ringOffset[r] + k];
            }
            fraction[r] = pos - target[r];
        }
        for (int u = 0; u < w; u++) {
            int best = -1;
            for (int r = 0; r < n; r++) {
                if (ship[r] < owed[o + r] && (best < 0 || fraction[r] < fraction[best])) {
                    best = r;
                }
            }
            ship[best]++;
            fraction[best] += 1;
        }
    }

    @Override
    public void observe(float[] out, int off) {
        observeStates(out, off);
    }

    /** Copy {@code i}'s state in the observation layout. */
    public void state(int i, int[] out) {
        int o = 0;
        out[o++] = stock[i];
        for (int r = 0; r < n; r++) {
            out[o++] = owed[i * n + r];
        }
        for (int r = 0; r < n; r++) {
            out[o++] = net[i * n + r];
        }
        for (int k = 0; k < l0 - 1; k++) {
            out[o++] = inbound[i * l0 + (headW + k) % l0];
        }
        for (int r = 0; r < n; r++) {
            for (int k = 0; k < lead[r] - 1; k++) {
                out[o++] = transit[i * ringTotal + ringOffset[r] + (head[r] + k) % lead[r]];
            }
        }
    }

    /** Retailer {@code r}'s inventory position in copy {@code i}: net inventory, in transit to it, owed to it. */
    public int retailerPosition(int i, int r) {
        int pos = net[i * n + r] + owed[i * n + r];
        for (int k = 0; k < lead[r]; k++) {
            pos += transit[i * ringTotal + ringOffset[r] + k];
        }
        return pos;
    }

    /** The warehouse's installation position in copy {@code i}: on hand plus inbound minus what it owes. */
    public int warehousePosition(int i) {
        int pos = stock[i];
        for (int k = 0; k < l0; k++) {
            pos += inbound[i * l0 + k];
        }
        for (int r = 0; r < n; r++) {
            pos -= owed[i * n + r];
        }
        return pos;
    }

    /**
     * The warehouse's echelon position in copy {@code i}: its installation position plus every
     * retailer's position (stock on hand and inbound anywhere in the system, net of backlog).
     */
    public int echelonPosition(int i) {
        int pos = warehousePosition(i);
        for (int r = 0; r < n; r++) {
            pos += retailerPosition(i, r);
        }
        return pos;
    }

    @Override
    public int observationSize() {
        return 1 + 2 * n + l0 - 1 + ringTotal - n;
    }

    /** The scenario simulated. */
    public OwmrScenario scenario() {
        return scenario;
    }
}
