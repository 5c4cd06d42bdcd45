package org.retailrl.algorithms.deploy;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.retailrl.algorithms.pricing.PricingDecision;

/**
 * The steady-state {@link Policy#decide} path allocates nothing: bytes allocated by this thread
 * (HotSpot's per-thread allocation counter) around 10,000 decisions after warm-up must stay under
 * {@value #BUDGET_BYTES} bytes in total — room for the counter's own bookkeeping, far below the
 * ≥ 16 bytes per call (160 KB) that any per-decision object would cost.
 *
 * <p>Steady state means the JIT has compiled the path (before that, Vector API values are boxed
 * objects): warm-up is at least {@value #WARMUP} decisions and continues in rounds of
 * {@value #MEASURED} until one round stays within the budget (at most {@value #MAX_WARMUP}
 * decisions, so a busy compiler queue on a loaded machine does not decide the outcome); the
 * round after that is the one asserted.
 */
class PolicyAllocationTest {
    private static final int BUDGET_BYTES = 1024;
    private static final int WARMUP = 40_000;
    private static final int MAX_WARMUP = 400_000;
    private static final int MEASURED = 10_000;

    @Test
    void tenThousandDecisionsAfterWarmUpAllocateLessThanOneKibibyte() {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assertTrue(mx.isThreadAllocatedMemorySupported(), "the JVM must count per-thread allocation");
        mx.setThreadAllocatedMemoryEnabled(true);
        for (String kind : new String[] {PolicyFile.FSDA, PolicyFile.PPO_JOINT}) {
            Policy policy = kind.equals(PolicyFile.FSDA) ? Policy.of(PolicyTest.scenario(), kind, PolicyTest.fsda(8))
                    : Policy.of(PolicyTest.scenario(), kind, List.of(PolicyTest.jointActor(9)));
            int horizon = policy.scenario().horizon();
            float[][] obs = PolicyTest.observations(policy, horizon, 5);
            Policy.Session s = policy.newSession();
            long[] sink = new long[1];
            rounds(policy, s, obs, WARMUP, sink);
            int warm = WARMUP;
            while (warm < MAX_WARMUP && allocatedBy(mx, policy, s, obs, sink) >= BUDGET_BYTES) {
                warm += MEASURED;
            }
            long allocated = allocatedBy(mx, policy, s, obs, sink);
            assertTrue(allocated < BUDGET_BYTES, kind + ": " + MEASURED + " decisions after " + warm
                    + " warm-up decisions allocated " + allocated + " bytes (budget " + BUDGET_BYTES + "); sink " + sink[0]);
        }
    }

    /** Bytes this thread allocates during {@value #MEASURED} decisions. */
    private static long allocatedBy(com.sun.management.ThreadMXBean mx, Policy policy, Policy.Session s, float[][] obs,
                                    long[] sink) {
        long before = mx.getCurrentThreadAllocatedBytes();
        rounds(policy, s, obs, MEASURED, sink);
        return mx.getCurrentThreadAllocatedBytes() - before;
    }

    private static void rounds(Policy policy, Policy.Session s, float[][] obs, int calls, long[] sink) {
        int horizon = obs.length;
        long acc = sink[0];
        for (int i = 0; i < calls; i++) {
            PricingDecision d = policy.decide(s, obs[i % horizon], i % horizon);
            acc += d.priceIndex() + d.order();
        }
        sink[0] = acc;
    }
}
