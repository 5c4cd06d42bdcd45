package org.retailrl.envs.inventory;

import java.util.Arrays;

/**
 * Dual sourcing with backlog (docs/model.md §7): a regular supplier with lead time {@code l_r} and
 * unit cost {@code c_r}, an expedited one with {@code l_e < l_r} and {@code c_e >= c_r}. Period
 * {@code t}: the firm sees the net inventory {@code N} (after this period's arrivals) and both
 * pipelines, orders {@code q_r} and {@code q_e} (an order with lead time {@code l} arrives at the start
 * of period {@code t + l}; {@code l_e = 0}: at once), demand {@code D} is drawn, {@code N ← N − D};
 * cost {@code c_r q_r + c_e q_e + h N^+ + b N^-}.
 *
 * @param demand            demand law per period
 * @param regularLead       {@code l_r} in {@code [1, 20]}
 * @param expeditedLead     {@code l_e} in {@code [0, l_r − 1]}
 * @param regularCost       {@code c_r >= 0}, per unit
 * @param expeditedCost     {@code c_e >= c_r}, per unit
 * @param holdingCost       {@code h >= 0}, per unit of {@code N^+} at the end of a period
 * @param backlogCost       {@code b >= 0}, per unit of {@code N^-} at the end of a period
 * @param maxRegular        largest regular order, {@code [1, 100000]}
 * @param maxExpedited      largest expedited order, {@code [1, 100000]}
 * @param horizon           periods per episode for learners, {@code [1, 10^8]}
 * @param initialNet        {@code N} at the start, {@code [−100000, 100000]}
 * @param initialRegular    the {@code l_r − 1} regular orders in transit, oldest first, each in {@code [0, maxRegular]}
 * @param initialExpedited  the {@code max(l_e − 1, 0)} expedited orders in transit, each in {@code [0, maxExpedited]}
 */
public record DualSourcingScenario(DemandLaw demand, int regularLead, int expeditedLead, double regularCost,
        double expeditedCost, double holdingCost, double backlogCost, int maxRegular, int maxExpedited, int horizon,
        int initialNet, int[] initialRegular, int[] initialExpedited) {
    /** Validates every field; see the parameter descriptions for the ranges. */
    public DualSourcingScenario {
        Check.present("demand", demand);
        Check.range("regularLead", regularLead, 1, 20);
        Check.range("expeditedLead", expeditedLead, 0, regularLead - 1);
        Check.nonNegative("regularCost", regularCost);
        Check.nonNegative("expeditedCost", expeditedCost);
        if (expeditedCost < regularCost) {
            throw new IllegalArgumentException("expeditedCost must be >= regularCost = " + regularCost + ", got "
                    + expeditedCost);
        }
        Check.nonNegative("holdingCost", holdingCost);
        Check.nonNegative("backlogCost", backlogCost);
        Check.range("maxRegular", maxRegular, 1, 100_000);
        Check.range("maxExpedited", maxExpedited, 1, 100_000);
        Check.range("horizon", horizon, 1, 100_000_000);
        Check.range("initialNet", initialNet, -100_000, 100_000);
        initialRegular = Check.entries("initialRegular", initialRegular, regularLead - 1, 0, maxRegular);
        initialExpedited = Check.entries("initialExpedited", initialExpedited, Math.max(expeditedLead - 1, 0), 0,
                maxExpedited);
    }

    /**
     * The example instance: demand uniform on {@code 0..4}, {@code l_e = 0}, the given {@code l_r},
     * {@code c_r = 100}, {@code c_e = 105}, {@code h = 5}, {@code b = 495} (the cost structure of the
     * dual-sourcing studies of Veeraraghavan & Scheller-Wolf (2008) and Gijsbrechts et al. (2022)),
     * orders up to 8 units per source, empty system.
     */
    public static DualSourcingScenario example(int regularLead) {
        return new DualSourcingScenario(DemandLaw.empirical(new double[] {1, 1, 1, 1, 1}), regularLead, 0, 100, 105,
                5, 495, 8, 8, 100, 0, new int[regularLead - 1], new int[0]);
    }

    /** A copy of the regular pipeline. */
    @Override
    public int[] initialRegular() {
        return initialRegular.clone();
    }

    /** A copy of the expedited pipeline. */
    @Override
    public int[] initialExpedited() {
        return initialExpedited.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DualSourcingScenario s && demand.equals(s.demand) && regularLead == s.regularLead
                && expeditedLead == s.expeditedLead && Double.compare(regularCost, s.regularCost) == 0
                && Double.compare(expeditedCost, s.expeditedCost) == 0
                && Double.compare(holdingCost, s.holdingCost) == 0 && Double.compare(backlogCost, s.backlogCost) == 0
                && maxRegular == s.maxRegular && maxExpedited == s.maxExpedited && horizon == s.horizon
                && initialNet == s.initialNet && Arrays.equals(initialRegular, s.initialRegular)
                && Arrays.equals(initialExpedited, s.initialExpedited);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * demand.hashCode() + regularLead * 7 + expeditedLead) + Double.hashCode(expeditedCost);
    }

    @Override
    public String toString() {
        return "DualSourcing[demand=" + demand.label() + ", l_r=" + regularLead + ", l_e=" + expeditedLead + ", c_r="
                + regularCost + ", c_e=" + expeditedCost + ", h=" + holdingCost + ", b=" + backlogCost + ", Qr="
                + maxRegular + ", Qe=" + maxExpedited + "]";
    }
}
