package org.retailrl.algorithms.pricing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.retailrl.envs.pricing.PricingBatch;
import org.retailrl.envs.pricing.PricingScenario;

class PerCopyBatchPolicyTest {
    @Test
    void viewShowsStockAfterArrivalAndTheRemainingPipeline() {
        PricingScenario s = PricingScenario.named("b").toBuilder().initialInventory(10).initialPipeline(3, 4, 5).build();
        PricingBatch batch = new PricingBatch(s, 2);
        batch.reset(17L);
        PricingView v = new PricingView(3);
        PerCopyBatchPolicy.fill(batch, 1, v);
        assertEquals(1, v.period());
        assertEquals(13, v.available());
        assertEquals(2, v.pipelineLength());
        assertEquals(4, v.pipeline(0));
        assertEquals(5, v.pipeline(1));
        assertEquals(22, v.inventoryPosition());
        batch.step(new int[] {10, 10}, new int[] {7, 7}, new double[2]);
        PerCopyBatchPolicy.fill(batch, 1, v);
        assertEquals(2, v.period());
        assertEquals(13 - Math.min(13, batch.lastDemand(1)), batch.inventory(1));
        assertEquals(batch.inventory(1) + 4, v.available());
        assertEquals(5, v.pipeline(0));
        assertEquals(7, v.pipeline(1));
        assertEquals(batch.lastDemand(1), v.lastDemand());
        assertEquals(s.price(10), v.lastPrice());
    }

    @Test
    void capIsAppliedAndEveryCopyGetsItsOwnInstanceReset() {
        PricingScenario s = PricingScenario.named("b").toBuilder().leadTime(1).initialPipeline(20).initialInventory(25)
                .inventoryCap(30).build();
        PricingBatch batch = new PricingBatch(s, 3);
        batch.reset(1L);
        AtomicInteger made = new AtomicInteger();
        AtomicInteger resets = new AtomicInteger();
        PerCopyBatchPolicy p = new PerCopyBatchPolicy(() -> {
            made.incrementAndGet();
            return new PricingPolicy() {
                @Override
                public String name() {
                    return "probe";
                }

                @Override
                public void reset() {
                    resets.incrementAndGet();
                }

                @Override
                public void act(PricingView view, PricingDecision out) {
                    out.set(0, view.available());
                }
            };
        });
        p.reset(batch);
        int[] price = new int[3];
        int[] order = new int[3];
        p.act(batch, price, order);
        assertEquals(1 + 3, made.get()); // one for the name, one per copy
        assertEquals(3, resets.get());
        assertEquals(30, order[0]); // 25 + 20 capped at 30
    }
}
