package org.retailrl.algorithms.heuristics;

import java.util.LinkedHashMap;
import java.util.Map;
import org.retailrl.algorithms.pricing.PricingDecision;
import org.retailrl.algorithms.pricing.PricingView;

/**
 * Plain base-stock replenishment with a constant price, the simplest baseline of docs/model.md §8 (the textbook inventory policy, e.g.
 * Zipkin 2000 ch. 6): every period post grid price {@code p̄} and order
 * {@code q = min(Q, [S − IP]^+)}, where {@code IP} is the available stock plus all outstanding
 * orders (docs/model.md §1 state). Parameters: {@code S} (units) and {@code priceIndex} (grid index).
 */
public final class BaseStockPolicy implements Heuristic {
    private final int baseStock;
    private final int priceIndex;
    private final int maxOrder;
    private final int priceCount;
    private final int maxLevel;

    /**
     * @param baseStock {@code S}, units (0..maxLevel)
     * @param priceIndex constant price's grid index
     * @param maxOrder {@code Q}
     * @param priceCount grid size
     * @param maxLevel largest base-stock level the search tries
     */
    public BaseStockPolicy(int baseStock, int priceIndex, int maxOrder, int priceCount, int maxLevel) {
        if (priceIndex < 0 || priceIndex >= priceCount) {
            throw new IllegalArgumentException("priceIndex must be in [0, " + (priceCount - 1) + "], got " + priceIndex);
        }
        if (baseStock < 0 || baseStock > maxLevel) {
            throw new IllegalArgumentException("baseStock must be in [0, " + maxLevel + "], got " + baseStock);
        }
        this.baseStock = baseStock;
        this.priceIndex = priceIndex;
        this.maxOrder = maxOrder;
        this.priceCount = priceCount;
        this.maxLevel = maxLevel;
    }

    @Override
    public String name() {
        return "BaseStock";
    }

    @Override
    public void act(PricingView view, PricingDecision out) {
        out.set(priceIndex, Heuristic.orderUpTo(baseStock, view.inventoryPosition(), maxOrder));
    }

    @Override
    public Map<String, Double> parameters() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("S", (double) baseStock);
        m.put("priceIndex", (double) priceIndex);
        return m;
    }

    @Override
    public double[] candidates(String name) {
        return switch (name) {
            case "S" -> Heuristic.range(0, maxLevel);
            case "priceIndex" -> Heuristic.range(0, priceCount - 1);
            default -> throw new IllegalArgumentException("parameter must be S or priceIndex, got " + name);
        };
    }

    @Override
    public Heuristic with(String name, double value) {
        return switch (name) {
            case "S" -> new BaseStockPolicy((int) value, priceIndex, maxOrder, priceCount, maxLevel);
            case "priceIndex" -> new BaseStockPolicy(baseStock, (int) value, maxOrder, priceCount, maxLevel);
            default -> throw new IllegalArgumentException("parameter must be S or priceIndex, got " + name);
        };
    }
}
