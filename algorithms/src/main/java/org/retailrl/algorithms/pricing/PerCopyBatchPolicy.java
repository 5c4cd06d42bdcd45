package org.retailrl.algorithms.pricing;

import java.util.function.Supplier;
import org.retailrl.envs.pricing.PricingBatch;

/**
 * Adapter from per-copy docs/model.md §1 decisions to the batched simulator: runs one
 * {@link PricingPolicy} instance per batch copy (so policies with memory stay
 * independent across copies), reading each copy's state through a reused {@link PricingView}
 * (see {@link #fill}).
 */
public final class PerCopyBatchPolicy implements BatchPricingPolicy {
    private final Supplier<? extends PricingPolicy> factory;
    private final String name;
    private PricingPolicy[] policies = new PricingPolicy[0];
    private PricingView view;
    private final PricingDecision decision = new PricingDecision();

    /** One instance from {@code factory} per copy; the name is that of the first instance. */
    public PerCopyBatchPolicy(Supplier<? extends PricingPolicy> factory) {
        this.factory = factory;
        this.name = factory.get().name();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void reset(PricingBatch batch) {
        int n = batch.copies();
        if (policies.length != n) {
            PricingPolicy[] grown = new PricingPolicy[n];
            System.arraycopy(policies, 0, grown, 0, Math.min(n, policies.length));
            for (int i = policies.length; i < n; i++) {
                grown[i] = factory.get();
            }
            policies = grown;
        }
        int lead = batch.scenario().leadTime();
        if (view == null || view.leadTime() != lead) {
            view = new PricingView(lead);
        }
        for (PricingPolicy p : policies) {
            p.reset();
        }
    }

    @Override
    public void act(PricingBatch batch, int[] priceOut, int[] orderOut) {
        for (int i = 0; i < policies.length; i++) {
            fill(batch, i, view);
            policies[i].act(view, decision);
            priceOut[i] = decision.priceIndex();
            orderOut[i] = decision.order();
        }
    }

    /**
     * Writes copy {@code i}'s decision-time state into {@code view}: available stock is the previous
     * ending (net) inventory plus the order arriving now ({@code L ≥ 1}), capped as the simulator
     * caps it; the remaining {@code L − 1} outstanding orders form the view's pipeline.
     */
    public static void fill(PricingBatch batch, int i, PricingView view) {
        var s = batch.scenario();
        int lead = s.leadTime();
        int available = batch.inventory(i);
        if (lead >= 1) {
            available += batch.pipeline(i, 0);
            for (int k = 1; k < lead; k++) {
                view.setPipeline(k - 1, batch.pipeline(i, k));
            }
        }
        if (s.capped() && available > s.inventoryCap()) {
            available = s.inventoryCap();
        }
        view.setPeriod(batch.period() + 1, s.horizon()).setAvailable(available)
                .setLast(batch.lastDemand(i), batch.lastLost(i), batch.lastPrice(i))
                .setMarket(batch.competitorPrice(i), batch.referencePrice(i));
    }
}
