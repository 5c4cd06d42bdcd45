package org.retailrl.algorithms.deploy;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;
import org.retailrl.algorithms.policy.PricingDecision;

/**
 * The steady-state {@link Policy#decide} path allocates nothing: bytes allocated by this thread
 * (HotSpot's per-thread allocation counter) around 10,000 decisions after warm-up must stay under
 * {@value #BUDGET_BYTES} bytes in total — room for the counter's own bookkeeping, far below the
 * ≥ 16 bytes per call (160 KB) that any per-decision object would cost.
 */
class PolicyAllocationTest {
    private static final int BUDGET_BYTES = 1024;
    private static final int WARMUP = 40_000;
    private static final int MEASURED = 10_000;

    @Test
    void tenThousandDecisionsAfterWarmUpAllocateLessThanOneKibibyte() {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assertTrue(mx.isThreadAllocatedMemorySupported(), "the JVM must count per-thread allocation");
        mx.setThreadAllocatedMemoryEnabled(true);
        for (String kind : new String[] {PolicyFile.FSDA, PolicyFile.PPO_JOINT}) {
            Policy policy = kind.equals(PolicyFile.FSDA) ? Policy.of(PolicyTest.scenario(), kind, PolicyTest.fsda(8))
                    : Policy.of(PolicyTest.scenario(), kind, java.util.List.of(PolicyTest.jointActor(9)));
            int horizon = policy.scenario().horizon();
            float[][] obs = PolicyTest.observations(policy, horizon, 5);
            Policy.Session s = policy.newSession();
            long sink = 0;
            for (int i = 0; i < WARMUP; i++) {
                sink += policy.decide(s, obs[i % horizon], i % horizon).order();
            }
            long before = mx.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < MEASURED; i++) {
                PricingDecision d = policy.decide(s, obs[i % horizon], i % horizon);
                sink += d.priceIndex() + d.order();
            }
            long allocated = mx.getCurrentThreadAllocatedBytes() - before;
            assertTrue(allocated < BUDGET_BYTES, kind + ": " + MEASURED + " decisions allocated " + allocated
                    + " bytes (budget " + BUDGET_BYTES + "); sink " + sink);
        }
    }
}
