package org.retailrl.envs.inventory;

import java.util.Arrays;

/**
 * The single-item lost-sales inventory problem with lead time of docs/model.md §7 (the test bed of
 * Zipkin (2008), Operations Research 56(5)). Stock in units, money in currency, time in periods.
 *
 * <p>Period {@code t}: the firm sees on-hand stock {@code I} (after this period's arrival) and the
 * {@code L − 1} orders in transit, orders {@code q} (arriving at the start of period {@code t + L};
 * {@code L = 0}: at once), demand {@code D} is drawn, {@code min(D, I)} is sold and the rest lost;
 * the period costs {@code h·(I − D)^+ + p·(D − I)^+ + c·q}.
 *
 * @param demand           the demand law per period
 * @param leadTime         {@code L}, periods, in {@code [0, }{@link #MAX_LEAD}{@code ]}
 * @param holdingCost      {@code h}, per unit left at the end of a period, {@code >= 0}
 * @param penaltyCost      {@code p}, per unit of demand lost, {@code >= 0}
 * @param unitCost         {@code c}, per unit ordered, {@code >= 0} (0 in Zipkin's test bed)
 * @param maxOrder         {@code Q}: orders are {@code 0..Q} units, in {@code [1, }{@link #MAX_UNITS}{@code ]}
 * @param horizon          {@code T}, periods per episode for learners, in {@code [1, 10^8]}
 * @param initialInventory on hand at the start, {@code [0, MAX_UNITS]}
 * @param initialPipeline  the {@code max(L − 1, 0)} orders in transit at the start, oldest first, each in {@code [0, Q]}
 */
public record LostSalesScenario(DemandLaw demand, int leadTime, double holdingCost, double penaltyCost,
        double unitCost, int maxOrder, int horizon, int initialInventory, int[] initialPipeline) {
    /** Largest lead time accepted. */
    public static final int MAX_LEAD = 50;
    /** Largest order size and stock accepted. */
    public static final int MAX_UNITS = 1_000_000;

    /** Validates every field; see the parameter descriptions for the ranges. */
    public LostSalesScenario {
        Check.present("demand", demand);
        Check.range("leadTime", leadTime, 0, MAX_LEAD);
        Check.nonNegative("holdingCost", holdingCost);
        Check.nonNegative("penaltyCost", penaltyCost);
        Check.nonNegative("unitCost", unitCost);
        Check.range("maxOrder", maxOrder, 1, MAX_UNITS);
        Check.range("horizon", horizon, 1, 100_000_000);
        Check.range("initialInventory", initialInventory, 0, MAX_UNITS);
        initialPipeline = Check.entries("initialPipeline", initialPipeline, Math.max(leadTime - 1, 0), 0, maxOrder);
    }

    /**
     * An instance of Zipkin's test bed: demand mean 5 of the given law, {@code h = 1}, penalty
     * {@code p}, lead time {@code L}, no unit cost; orders up to the largest demand of the law's table
     * (a base-stock policy reorders last period's sales, so this never binds it), {@code T = 100},
     * empty system at the start.
     */
    public static LostSalesScenario zipkin(DemandLaw.Kind kind, double penalty, int lead) {
        DemandLaw d = DemandLaw.of(kind, 5);
        return new LostSalesScenario(d, lead, 1, penalty, 0, d.max(), 100, 0, new int[Math.max(lead - 1, 0)]);
    }

    /** A copy with another demand law, lead time and penalty (start state emptied to fit the lead time). */
    public LostSalesScenario with(DemandLaw law, int lead, double penalty) {
        return new LostSalesScenario(law, lead, holdingCost, penalty, unitCost, Math.max(maxOrder, 1), horizon, 0,
                new int[Math.max(lead - 1, 0)]);
    }

    /** A copy of the initial pipeline. */
    @Override
    public int[] initialPipeline() {
        return initialPipeline.clone();
    }

    /** Expected one-period holding and penalty cost with {@code y} units on hand: {@code h E(y−D)^+ + p E(D−y)^+}. */
    public double expectedPeriodCost(int y) {
        double over = 0;
        for (int k = 0; k < y && k <= demand.max(); k++) {
            over += (y - k) * demand.pmf(k);
        }
        double under = demand.mean() - y + over;
        return holdingCost * over + penaltyCost * Math.max(0, under);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LostSalesScenario s && demand.equals(s.demand) && leadTime == s.leadTime
                && Double.compare(holdingCost, s.holdingCost) == 0 && Double.compare(penaltyCost, s.penaltyCost) == 0
                && Double.compare(unitCost, s.unitCost) == 0 && maxOrder == s.maxOrder && horizon == s.horizon
                && initialInventory == s.initialInventory && Arrays.equals(initialPipeline, s.initialPipeline);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * demand.hashCode() + leadTime) + Double.hashCode(penaltyCost) + Arrays.hashCode(initialPipeline);
    }

    @Override
    public String toString() {
        return "LostSales[demand=" + demand.label() + ", L=" + leadTime + ", h=" + holdingCost + ", p=" + penaltyCost
                + ", c=" + unitCost + ", Q=" + maxOrder + ", T=" + horizon + ", I0=" + initialInventory + ", pipeline="
                + Arrays.toString(initialPipeline) + "]";
    }
}
