package org.retailrl.algorithms.heuristics;

import java.util.LinkedHashMap;
import java.util.Map;
import org.retailrl.algorithms.pricing.PricingDecision;
import org.retailrl.algorithms.pricing.PricingView;

/**
 * Base-stock list-price policy (BSLP; Federgruen &amp; Heching 1999, as described in Zheng, Li, Jiang and Peng §3.8
 * and docs/model.md §8). With inventory position {@code IP} (available stock plus outstanding orders)
 * and available stock {@code A}:
 * <ul>
 *   <li>{@code IP < S}: order up to the base stock, {@code q = min(Q, S − IP)}, and charge the
 *       list price {@code p_L};</li>
 *   <li>{@code IP ≥ S}: order nothing and charge {@code min(p_L, p̂(A))}, the fitted myopic price
 *       of {@link MyopicPriceTable}, which decreases as stock grows.</li>
 * </ul>
 * Parameters: {@code S} (units) and {@code listPriceIndex} (grid index).
 */
public final class BslpPolicy implements Heuristic {
    private final int baseStock;
    private final int listPrice;
    private final MyopicPriceTable table;
    private final int maxOrder;
    private final int priceCount;
    private final int maxLevel;

    /** See the class description; {@code maxLevel} bounds the search over {@code S}. */
    public BslpPolicy(int baseStock, int listPrice, MyopicPriceTable table, int maxOrder, int priceCount, int maxLevel) {
        if (listPrice < 0 || listPrice >= priceCount) {
            throw new IllegalArgumentException("listPriceIndex must be in [0, " + (priceCount - 1) + "], got " + listPrice);
        }
        if (baseStock < 0 || baseStock > maxLevel) {
            throw new IllegalArgumentException("baseStock must be in [0, " + maxLevel + "], got " + baseStock);
        }
        this.baseStock = baseStock;
        this.listPrice = listPrice;
        this.table = table;
        this.maxOrder = maxOrder;
        this.priceCount = priceCount;
        this.maxLevel = maxLevel;
    }

    @Override
    public String name() {
        return "BSLP";
    }

    @Override
    public void act(PricingView view, PricingDecision out) {
        int ip = view.inventoryPosition();
        if (ip < baseStock) {
            out.set(listPrice, Heuristic.orderUpTo(baseStock, ip, maxOrder));
        } else {
            out.set(Math.min(listPrice, table.priceIndex(view.available())), 0);
        }
    }

    @Override
    public Map<String, Double> parameters() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("S", (double) baseStock);
        m.put("listPriceIndex", (double) listPrice);
        return m;
    }

    @Override
    public double[] candidates(String name) {
        return switch (name) {
            case "S" -> Heuristic.range(0, maxLevel);
            case "listPriceIndex" -> Heuristic.range(0, priceCount - 1);
            default -> throw new IllegalArgumentException("parameter must be S or listPriceIndex, got " + name);
        };
    }

    @Override
    public Heuristic with(String name, double value) {
        return switch (name) {
            case "S" -> new BslpPolicy((int) value, listPrice, table, maxOrder, priceCount, maxLevel);
            case "listPriceIndex" -> new BslpPolicy(baseStock, (int) value, table, maxOrder, priceCount, maxLevel);
            default -> throw new IllegalArgumentException("parameter must be S or listPriceIndex, got " + name);
        };
    }
}
