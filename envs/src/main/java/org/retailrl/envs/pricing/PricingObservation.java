package org.retailrl.envs.pricing;

import java.util.ArrayList;
import java.util.List;
import org.retailrl.envs.ObservationSpec;

/**
 * Layout and bounds of the pricing simulator's observation (docs/model.md §1, <em>Observation</em>):
 * {@code 6 + L} floats, in this order — previous ending inventory (net inventory under backlog;
 * units), previous lost sales (backlog: backordered units), previous demand (units), previous own
 * price, the competitor's price for the coming period, the reference price (currency/unit), and
 * the {@code L} outstanding orders oldest first (units; entry {@code k} arrives in {@code k}
 * periods, entry 0 at the start of the coming period).
 */
public final class PricingObservation {
    /** Index of the previous ending (net) inventory. */
    public static final int INVENTORY = 0;
    /** Index of the previous lost sales (or backlog). */
    public static final int LOST = 1;
    /** Index of the previous demand. */
    public static final int DEMAND = 2;
    /** Index of the previous own price. */
    public static final int PRICE = 3;
    /** Index of the competitor's price for the coming period. */
    public static final int COMPETITOR_PRICE = 4;
    /** Index of the reference price. */
    public static final int REFERENCE_PRICE = 5;
    /** Index of the oldest outstanding order; the pipeline fills {@code PIPELINE .. PIPELINE + L − 1}. */
    public static final int PIPELINE = 6;

    private PricingObservation() {
    }

    /** Names and bounds of the observation of {@code s}. */
    public static ObservationSpec spec(PricingScenario s) {
        boolean backlog = s.mode() == ShortageMode.BACKLOG;
        float inf = Float.POSITIVE_INFINITY;
        // Every price that can ever be posted or remembered lies in the hull of the grid, o_1, the
        // fixed competitor price and r_0 (the reference is a running convex combination of them).
        double lo = Math.min(Math.min(s.minPrice(), s.initialReference()),
                Math.min(s.initialCompetitorPrice(), s.fixedCompetitorPrice()));
        double hi = Math.max(Math.max(s.maxPrice(), s.initialReference()),
                Math.max(s.initialCompetitorPrice(), s.fixedCompetitorPrice()));
        // The undercut competitor posts p − δ >= p_min, so it never leaves the hull either.
        float plo = (float) lo;
        float phi = (float) hi;
        List<String> names = new ArrayList<>(List.of(backlog ? "netInventory" : "inventory",
                backlog ? "backlog" : "lostSales", "demand", "price", "competitorPrice", "referencePrice"));
        List<Float> low = new ArrayList<>(List.of(backlog ? -inf : 0f, 0f, 0f, plo, plo, plo));
        float invHigh = s.capped() ? (float) s.inventoryCap() : inf;
        List<Float> high = new ArrayList<>(List.of(invHigh, inf, inf, phi, phi, phi));
        for (int k = 0; k < s.leadTime(); k++) {
            names.add("pipeline[" + k + "]");
            low.add(0f);
            high.add((float) s.maxOrder());
        }
        float[] l = new float[low.size()];
        float[] h = new float[high.size()];
        for (int k = 0; k < l.length; k++) {
            l[k] = low.get(k);
            h[k] = high.get(k);
        }
        return new ObservationSpec(names, l, h);
    }
}
