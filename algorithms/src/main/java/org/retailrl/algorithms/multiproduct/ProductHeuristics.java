package org.retailrl.algorithms.multiproduct;

import java.util.ArrayList;
import java.util.List;
import org.retailrl.algorithms.heuristics.Heuristic;
import org.retailrl.algorithms.pricing.PricingDecision;
import org.retailrl.algorithms.pricing.PricingView;
import org.retailrl.envs.multiproduct.MultiProductBatch;

/**
 * One single-product heuristic of docs/model.md §8.10 per product (docs/model.md §4.4): product
 * {@code i} is priced and ordered by {@code heuristics[i]} from its own stock, pipeline and last
 * period alone, ignoring the other products. The view it sees is that of §8.10: the stock after
 * this period's arrival {@code A = I + q_{t−L}} (capped), the {@code L − 1} later outstanding
 * orders, last demand (after substitution), shortfall and price; there is no competitor, so the
 * market prices are set to the product's last price.
 */
public final class ProductHeuristics implements MultiProductPolicy {
    private final String name;
    private final List<Heuristic> heuristics;
    private PricingView[] views;
    private final PricingDecision decision = new PricingDecision();

    /** {@code heuristics.get(i)} runs product {@code i}. */
    public ProductHeuristics(String name, List<? extends Heuristic> heuristics) {
        if (heuristics == null || heuristics.isEmpty()) {
            throw new IllegalArgumentException("heuristics must list one heuristic per product");
        }
        this.name = name;
        this.heuristics = List.copyOf(heuristics);
    }

    /** The heuristics, one per product. */
    public List<Heuristic> heuristics() {
        return heuristics;
    }

    /** A copy with product {@code i}'s heuristic replaced. */
    public ProductHeuristics with(int i, Heuristic h) {
        List<Heuristic> hs = new ArrayList<>(heuristics);
        hs.set(i, h);
        return new ProductHeuristics(name, hs);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void reset(MultiProductBatch batch) {
        int n = batch.products();
        if (n != heuristics.size()) {
            throw new IllegalArgumentException("the scenario has " + n + " products, the policy " + heuristics.size());
        }
        views = new PricingView[n];
        for (int i = 0; i < n; i++) {
            views[i] = new PricingView(batch.scenario().leadTime());
            heuristics.get(i).reset();
        }
    }

    @Override
    public void act(MultiProductBatch batch, int[] priceOut, int[] orderOut) {
        int n = batch.products();
        int lead = batch.scenario().leadTime();
        int cap = batch.scenario().inventoryCap();
        for (int c = 0; c < batch.copies(); c++) {
            for (int i = 0; i < n; i++) {
                PricingView v = views[i];
                int arriving = lead == 0 ? 0 : batch.pipeline(c, i, 0);
                v.setPeriod(batch.period() + 1, batch.scenario().horizon())
                        .setAvailable((int) Math.min((long) batch.inventory(c, i) + arriving, cap))
                        .setLast(batch.lastDemand(c, i), batch.lastLost(c, i), batch.lastPrice(c, i))
                        .setMarket(batch.lastPrice(c, i), batch.lastPrice(c, i));
                for (int j = 1; j < lead; j++) {
                    v.setPipeline(j - 1, batch.pipeline(c, i, j));
                }
                heuristics.get(i).act(v, decision);
                priceOut[c * n + i] = decision.priceIndex();
                orderOut[c * n + i] = decision.order();
            }
        }
    }
}
