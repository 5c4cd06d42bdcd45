package org.retailrl.algorithms.heuristics;

import java.util.LinkedHashMap;
import java.util.Map;
import org.retailrl.algorithms.pricing.PricingDecision;
import org.retailrl.algorithms.pricing.PricingView;

/**
 * The (s,S,p) policy (Chen &amp; Simchi-Levi 2004, as described in Zheng, Li, Jiang and Peng §3.8 and docs/model.md §8):
 * with inventory position {@code IP} (available stock plus outstanding orders) and available
 * stock {@code A} ({@code A + q} when {@code L = 0}: the order arrives at once),
 * <ul>
 *   <li>{@code IP < s}: order up to {@code S}, {@code q = min(Q, S − IP)}; otherwise order nothing;</li>
 *   <li>every period charge {@code min(p_max, p̂(A))}: the fitted myopic price of
 *       {@link MyopicPriceTable} (non-increasing in stock) capped at the price {@code p_max}.</li>
 * </ul>
 * Parameters: {@code s ≤ S} (units) and {@code maxPriceIndex} (grid index).
 */
public final class SsPricePolicy implements Heuristic {
    private final int reorder;
    private final int orderUpTo;
    private final int maxPrice;
    private final MyopicPriceTable table;
    private final int maxOrder;
    private final int priceCount;
    private final int maxLevel;

    /** See the class description; {@code maxLevel} bounds the search over {@code s} and {@code S}. */
    public SsPricePolicy(int reorder, int orderUpTo, int maxPrice, MyopicPriceTable table, int maxOrder,
            int priceCount, int maxLevel) {
        if (orderUpTo < 0 || orderUpTo > maxLevel) {
            throw new IllegalArgumentException("S must be in [0, " + maxLevel + "], got " + orderUpTo);
        }
        if (reorder < 0 || reorder > orderUpTo) {
            throw new IllegalArgumentException("s must be in [0, S=" + orderUpTo + "], got " + reorder);
        }
        if (maxPrice < 0 || maxPrice >= priceCount) {
            throw new IllegalArgumentException("maxPriceIndex must be in [0, " + (priceCount - 1) + "], got " + maxPrice);
        }
        this.reorder = reorder;
        this.orderUpTo = orderUpTo;
        this.maxPrice = maxPrice;
        this.table = table;
        this.maxOrder = maxOrder;
        this.priceCount = priceCount;
        this.maxLevel = maxLevel;
    }

    @Override
    public String name() {
        return "(s,S,p)";
    }

    @Override
    public void act(PricingView view, PricingDecision out) {
        int ip = view.inventoryPosition();
        int q = ip < reorder ? Heuristic.orderUpTo(orderUpTo, ip, maxOrder) : 0;
        int sellable = view.leadTime() == 0 ? view.available() + q : view.available();
        out.set(Math.min(maxPrice, table.priceIndex(sellable)), q);
    }

    @Override
    public Map<String, Double> parameters() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("s", (double) reorder);
        m.put("S", (double) orderUpTo);
        m.put("maxPriceIndex", (double) maxPrice);
        return m;
    }

    @Override
    public double[] candidates(String name) {
        return switch (name) {
            case "s" -> Heuristic.range(0, orderUpTo);
            case "S" -> Heuristic.range(reorder, maxLevel);
            case "maxPriceIndex" -> Heuristic.range(0, priceCount - 1);
            default -> throw new IllegalArgumentException("parameter must be s, S or maxPriceIndex, got " + name);
        };
    }

    @Override
    public Heuristic with(String name, double value) {
        int v = (int) value;
        return switch (name) {
            case "s" -> new SsPricePolicy(v, orderUpTo, maxPrice, table, maxOrder, priceCount, maxLevel);
            case "S" -> new SsPricePolicy(reorder, v, maxPrice, table, maxOrder, priceCount, maxLevel);
            case "maxPriceIndex" -> new SsPricePolicy(reorder, orderUpTo, v, table, maxOrder, priceCount, maxLevel);
            default -> throw new IllegalArgumentException("parameter must be s, S or maxPriceIndex, got " + name);
        };
    }
}
