package org.retailrl.envs.inventory;

import java.util.Arrays;

/**
 * A serial {@code N}-stage supply chain with backlog (docs/model.md §7; the beer game's structure,
 * solved by Clark & Scarf): stage 0 faces demand, stage {@code j} orders from stage {@code j + 1},
 * the top stage from an unlimited supplier; a shipment into stage {@code j} takes {@code L_j}
 * periods. Unshipped orders wait at the upstream stage; unmet demand is backlogged at stage 0.
 *
 * <p>Costs per period (end of period): echelon holding {@code Σ_j h_j · IL_j} plus
 * {@code (b + Σ_j h_j)·[N_0]^-}, where {@code IL_j} is echelon {@code j}'s inventory level (stage 0's
 * net inventory plus the stock on hand at stages {@code 1..j} and in transit between them) —
 * equivalently local holding {@code h'_j = Σ_{i>=j} h_i} on stock on hand at stage {@code j} and in
 * transit out of it, and {@code b} per unit backlogged.
 *
 * @param demand          demand law per period at stage 0
 * @param leadTimes       {@code L_0..L_{N−1}}, each in {@code [1, 20]}, {@code 1 <= N <= 8}
 * @param echelonHolding  {@code h_0..h_{N−1}}, each finite and {@code >= 0}
 * @param backlogCost     {@code b >= 0}
 * @param maxOrder        largest order of any stage, {@code [1, 100000]}
 * @param horizon         periods per episode for learners, {@code [1, 10^8]}
 */
public record SerialScenario(DemandLaw demand, int[] leadTimes, double[] echelonHolding, double backlogCost,
        int maxOrder, int horizon) {
    /** Validates every field; see the parameter descriptions for the ranges. */
    public SerialScenario {
        Check.present("demand", demand);
        if (leadTimes == null || leadTimes.length < 1 || leadTimes.length > 8) {
            throw new IllegalArgumentException("leadTimes must hold 1..8 stages, got "
                    + (leadTimes == null ? "null" : leadTimes.length));
        }
        leadTimes = Check.entries("leadTimes", leadTimes, leadTimes.length, 1, 20);
        echelonHolding = Check.nonNegative("echelonHolding", echelonHolding, leadTimes.length);
        Check.nonNegative("backlogCost", backlogCost);
        Check.range("maxOrder", maxOrder, 1, 100_000);
        Check.range("horizon", horizon, 1, 100_000_000);
    }

    /**
     * The example: four stages (retailer, wholesaler, distributor, factory) with lead time 2 each,
     * Poisson demand of mean 5, echelon holding 0.5 per stage (local 2, 1.5, 1, 0.5 from the retailer
     * up), backlog cost 10, orders up to 40.
     */
    public static SerialScenario example() {
        return new SerialScenario(DemandLaw.poisson(5), new int[] {2, 2, 2, 2}, new double[] {0.5, 0.5, 0.5, 0.5}, 10,
                40, 100);
    }

    /** Number of stages {@code N}. */
    public int stages() {
        return leadTimes.length;
    }

    /** Local holding rate {@code h'_j = Σ_{i>=j} h_i}. */
    public double localHolding(int j) {
        double s = 0;
        for (int i = j; i < echelonHolding.length; i++) {
            s += echelonHolding[i];
        }
        return s;
    }

    /** A copy of the lead times. */
    @Override
    public int[] leadTimes() {
        return leadTimes.clone();
    }

    /** A copy of the echelon holding rates. */
    @Override
    public double[] echelonHolding() {
        return echelonHolding.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SerialScenario s && demand.equals(s.demand) && Arrays.equals(leadTimes, s.leadTimes)
                && Arrays.equals(echelonHolding, s.echelonHolding) && Double.compare(backlogCost, s.backlogCost) == 0
                && maxOrder == s.maxOrder && horizon == s.horizon;
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(leadTimes) + Arrays.hashCode(echelonHolding) + demand.hashCode();
    }

    @Override
    public String toString() {
        return "Serial[demand=" + demand.label() + ", L=" + Arrays.toString(leadTimes) + ", h="
                + Arrays.toString(echelonHolding) + ", b=" + backlogCost + ", Q=" + maxOrder + "]";
    }
}
