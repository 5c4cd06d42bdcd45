package org.retailrl.envs.inventory;

import java.util.Arrays;
import java.util.Locale;

/**
 * One warehouse, {@code n} retailers, backlog (docs/model.md §7): the warehouse orders from an
 * unlimited supplier (lead time {@code L_0}); retailer {@code r} orders from the warehouse, which
 * ships what it has on hand and owes the rest (shipments to {@code r} take {@code L_r} periods).
 * When the warehouse cannot ship everything owed, {@link #allocation()} splits its stock. Unmet
 * demand waits at the retailer (backlog).
 *
 * <p>Costs per period (end of period): {@code h_w} per unit on hand at the warehouse or in transit
 * to a retailer, {@code h_r} per unit on hand at a retailer, {@code b} per unit backlogged at a
 * retailer. In echelon form: warehouse echelon holding {@code h_w} on the warehouse echelon's
 * inventory level, retailer echelon holding {@code h_r − h_w} on each retailer's net inventory, and
 * {@code b + h_r} per unit backlogged — the form the lower bound uses.
 *
 * @param demand           demand law of each retailer (1..32 retailers)
 * @param warehouseLead    {@code L_0} in {@code [1, 20]}
 * @param retailerLeads    {@code L_1..L_n}, each in {@code [1, 20]}
 * @param warehouseHolding {@code h_w >= 0}
 * @param retailerHolding  {@code h_r >= h_w} (stock moved downstream never gets cheaper to hold)
 * @param backlogCost      {@code b >= 0}
 * @param allocation       how a short warehouse splits its stock
 * @param maxOrder         largest order of any location, {@code [1, 100000]}
 * @param horizon          periods per episode for learners, {@code [1, 10^8]}
 */
public record OwmrScenario(DemandLaw[] demand, int warehouseLead, int[] retailerLeads, double warehouseHolding,
        double retailerHolding, double backlogCost, Allocation allocation, int maxOrder, int horizon) {

    /** Largest number of retailers. */
    public static final int MAX_RETAILERS = 32;

    /** How the warehouse splits {@code W} units on hand among retailers owed more than {@code W} in total. */
    public enum Allocation {
        /**
         * In proportion to what each retailer is owed, rounded down, the remaining units one each to
         * the largest remainders (ties: lower index).
         */
        PROPORTIONAL,
        /**
         * Unit by unit to the owed retailer whose position after shipment, net inventory plus stock
         * in transit to it minus its mean demand over {@code L_r + 1} periods, is lowest (ties: lower
         * index) — the myopic "balance" rule.
         */
        BALANCED;

        /** Lower-case name, as in scenario files. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The rule named {@code label}; anything else is refused naming the field. */
        public static Allocation of(String label) {
            for (Allocation a : values()) {
                if (a.label().equals(label)) {
                    return a;
                }
            }
            throw new IllegalArgumentException("allocation must be proportional or balanced, got '" + label + "'");
        }
    }

    /** Validates every field; see the parameter descriptions for the ranges. */
    public OwmrScenario {
        if (demand == null || demand.length < 1 || demand.length > MAX_RETAILERS) {
            throw new IllegalArgumentException("demand must hold 1.." + MAX_RETAILERS + " retailers' laws, got "
                    + (demand == null ? "null" : demand.length));
        }
        demand = demand.clone();
        for (int r = 0; r < demand.length; r++) {
            Check.present("demand[" + r + "]", demand[r]);
        }
        Check.range("warehouseLead", warehouseLead, 1, 20);
        retailerLeads = Check.entries("retailerLeads", retailerLeads, demand.length, 1, 20);
        Check.nonNegative("warehouseHolding", warehouseHolding);
        Check.nonNegative("retailerHolding", retailerHolding);
        if (retailerHolding < warehouseHolding) {
            throw new IllegalArgumentException("retailerHolding must be >= warehouseHolding = " + warehouseHolding
                    + ", got " + retailerHolding);
        }
        Check.nonNegative("backlogCost", backlogCost);
        Check.present("allocation", allocation);
        Check.range("maxOrder", maxOrder, 1, 100_000);
        Check.range("horizon", horizon, 1, 100_000_000);
    }

    /**
     * The example: four identical retailers with Poisson demand of mean 5 and lead time 1, warehouse
     * lead time 2, {@code h_w = 0.5}, {@code h_r = 1}, {@code b = 19}, balanced allocation, orders up
     * to 100.
     */
    public static OwmrScenario example() {
        DemandLaw[] d = new DemandLaw[4];
        Arrays.fill(d, DemandLaw.poisson(5));
        return new OwmrScenario(d, 2, new int[] {1, 1, 1, 1}, 0.5, 1, 19, Allocation.BALANCED, 100, 100);
    }

    /** Number of retailers {@code n}. */
    public int retailers() {
        return demand.length;
    }

    /** A copy of the retailers' demand laws. */
    @Override
    public DemandLaw[] demand() {
        return demand.clone();
    }

    /** Retailer {@code r}'s demand law. */
    public DemandLaw demand(int r) {
        return demand[r];
    }

    /** A copy of the retailers' lead times. */
    @Override
    public int[] retailerLeads() {
        return retailerLeads.clone();
    }

    /** Retailer {@code r}'s lead time. */
    public int retailerLead(int r) {
        return retailerLeads[r];
    }

    /** This scenario with allocation rule {@code a}. */
    public OwmrScenario withAllocation(Allocation a) {
        return new OwmrScenario(demand, warehouseLead, retailerLeads, warehouseHolding, retailerHolding, backlogCost, a,
                maxOrder, horizon);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OwmrScenario s && Arrays.equals(demand, s.demand) && warehouseLead == s.warehouseLead
                && Arrays.equals(retailerLeads, s.retailerLeads)
                && Double.compare(warehouseHolding, s.warehouseHolding) == 0
                && Double.compare(retailerHolding, s.retailerHolding) == 0
                && Double.compare(backlogCost, s.backlogCost) == 0 && allocation == s.allocation
                && maxOrder == s.maxOrder && horizon == s.horizon;
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(demand) + Arrays.hashCode(retailerLeads)) + allocation.hashCode();
    }

    @Override
    public String toString() {
        StringBuilder laws = new StringBuilder();
        for (int r = 0; r < demand.length; r++) {
            laws.append(r == 0 ? "" : ", ").append(demand[r].label());
        }
        return "OWMR[demand=[" + laws + "], L0=" + warehouseLead + ", L=" + Arrays.toString(retailerLeads) + ", hw="
                + warehouseHolding + ", hr=" + retailerHolding + ", b=" + backlogCost + ", allocation="
                + allocation.label() + ", Q=" + maxOrder + "]";
    }
}
