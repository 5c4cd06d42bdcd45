package org.retailrl.algorithms.inventory;

import org.retailrl.envs.inventory.DemandLaw;
import org.retailrl.envs.inventory.LostSalesScenario;

/**
 * The numbers the exact methods for the lost-sales problem of docs/model.md §7 need, tabulated once
 * for a state bound {@code B}: {@code P(D = d)}, {@code P(D ≥ y)} and the expected period cost
 * {@code C(y) = h E(y − D)^+ + p E(D − y)^+} for {@code y ∈ 0..B}, the unit cost and the order cap.
 *
 * <p>Why no demand truncation enters here: the next state depends on demand only through the
 * leftover {@code (y − D)^+}, whose law on {@code 0..y} is exact with the atom at 0 carrying the
 * whole tail {@code P(D ≥ y)}; lost sales enter the cost linearly, {@code E(D − y)^+ = E D − y + E(y − D)^+}.
 * The only truncation is that of {@link DemandLaw}'s table (tail below {@code 1e-15}).
 */
final class LostSalesModel {
    final LostSalesScenario scenario;
    final int lead;
    final int bound;
    final int maxOrder;
    final double unitCost;
    final double[] pmf;
    final double[] tail;
    final double[] periodCost;

    LostSalesModel(LostSalesScenario scenario, int bound) {
        this.scenario = scenario;
        this.lead = scenario.leadTime();
        this.bound = bound;
        this.maxOrder = Math.min(scenario.maxOrder(), bound);
        this.unitCost = scenario.unitCost();
        DemandLaw d = scenario.demand();
        pmf = new double[bound + 1];
        tail = new double[bound + 1];
        periodCost = new double[bound + 1];
        for (int y = 0; y <= bound; y++) {
            pmf[y] = d.pmf(y);
            tail[y] = d.tail(y);
            periodCost[y] = scenario.expectedPeriodCost(y);
        }
    }

    /**
     * The base-stock level of the backorder system with the same costs: the smallest {@code y} with
     * {@code P(D_1 + … + D_{L+1} ≤ y) ≥ (p − c)/(p − c + h)}. It is Zipkin's "standard" base-stock
     * level and, by Morton's (1969) bound, no optimal lost-sales policy raises the inventory position
     * above it — the default state bound.
     */
    static int standardBaseStock(LostSalesScenario s) {
        double[] law = s.demand().convolutionPower(s.leadTime() + 1);
        double margin = s.penaltyCost() - s.unitCost();
        if (margin <= 0) {
            return 0;
        }
        double fractile = margin / (margin + s.holdingCost());
        double cum = 0;
        for (int y = 0; y < law.length; y++) {
            cum += law[y];
            // A hair of slack: rounding must not push an exact fractile to the next unit.
            if (cum >= fractile - 1e-12) {
                return y;
            }
        }
        return law.length - 1;
    }
}
