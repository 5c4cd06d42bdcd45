package org.retailrl.algorithms.heuristics;

import java.util.LinkedHashMap;
import java.util.Map;
import org.retailrl.algorithms.pricing.PricingDecision;
import org.retailrl.algorithms.pricing.PricingView;

/**
 * The 'Myopic' heuristic of Bernstein, Li &amp; Shang (2016), as Zheng, Li, Jiang and Peng §3.8 and docs/model.md §8
 * describe it: the price is the myopic price of the starting stock, {@code p̂(A)}
 * ({@link MyopicPriceTable}: one-period profit with leftover stock valued at its replacement cost),
 * and the order follows a base-stock rule on a price-deflated inventory position that weights
 * on-hand stock by {@code α} and pipeline stock by 1:
 * {@code q = min(Q, [S − (α·A + Σ pipeline)]^+)}, rounded to the nearest unit.
 *
 * <p>Why {@code α < 1}: a unit on hand lowers today's myopic price, which raises today's expected
 * demand by the price sensitivity {@code ρ = −λ'(p)·Δp/Δx}, so it adds only about {@code 1 − ρ}
 * to tomorrow's stock; pipeline units arrive after the price reacts. The available text of the paper lost the
 * paper's exact weight, so {@code α ∈ [0, 1]} is a searched parameter, started at the fitted
 * model's {@code 1 − ρ}. Parameters: {@code S} (units) and {@code alpha}.
 */
public final class MyopicPolicy implements Heuristic {
    private static final double[] ALPHAS = {0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1};
    private final int baseStock;
    private final double alpha;
    private final MyopicPriceTable table;
    private final int maxOrder;
    private final int maxLevel;

    /** See the class description; {@code maxLevel} bounds the search over {@code S}. */
    public MyopicPolicy(int baseStock, double alpha, MyopicPriceTable table, int maxOrder, int maxLevel) {
        if (baseStock < 0 || baseStock > maxLevel) {
            throw new IllegalArgumentException("baseStock must be in [0, " + maxLevel + "], got " + baseStock);
        }
        if (!(alpha >= 0 && alpha <= 1)) {
            throw new IllegalArgumentException("alpha must be in [0, 1], got " + alpha);
        }
        this.baseStock = baseStock;
        this.alpha = alpha;
        this.table = table;
        this.maxOrder = maxOrder;
        this.maxLevel = maxLevel;
    }

    @Override
    public String name() {
        return "Myopic";
    }

    @Override
    public void act(PricingView view, PricingDecision out) {
        int a = view.available();
        int position = (int) Math.round(alpha * a) + view.pipelineTotal();
        int q = Heuristic.orderUpTo(baseStock, position, maxOrder);
        // With L = 0 the order arrives at once and is on sale this period.
        out.set(table.priceIndex(view.leadTime() == 0 ? a + q : a), q);
    }

    @Override
    public Map<String, Double> parameters() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("S", (double) baseStock);
        m.put("alpha", alpha);
        return m;
    }

    @Override
    public double[] candidates(String name) {
        return switch (name) {
            case "S" -> Heuristic.range(0, maxLevel);
            case "alpha" -> ALPHAS.clone();
            default -> throw new IllegalArgumentException("parameter must be S or alpha, got " + name);
        };
    }

    @Override
    public Heuristic with(String name, double value) {
        return switch (name) {
            case "S" -> new MyopicPolicy((int) value, alpha, table, maxOrder, maxLevel);
            case "alpha" -> new MyopicPolicy(baseStock, value, table, maxOrder, maxLevel);
            default -> throw new IllegalArgumentException("parameter must be S or alpha, got " + name);
        };
    }
}
