package org.retailrl.envs.pricing;

import java.util.List;
import org.retailrl.envs.ActionSpec;
import org.retailrl.envs.Env;
import org.retailrl.envs.ObservationSpec;
import org.retailrl.envs.Step;

/**
 * One pricing-and-replenishment simulator of docs/model.md §1 behind the {@link Env} contract: the
 * action is {@code {priceIndex, orderQuantity}} (a grid index and units), the observation is
 * {@link PricingObservation}'s layout, the reward is the period's profit in currency units, and the
 * episode is truncated after {@code T} periods.
 *
 * <p>It runs the very kernel of {@link PricingBatch} as a batch of one, so an episode reset with
 * {@code reset(seed, i)} is bit-identical to copy {@code i} of a batch reset with {@code reset(seed)}.
 */
public final class PricingEnv implements Env<PricingInfo> {
    private final PricingScenario scenario;
    private final PricingBatch batch;
    private final ObservationSpec observationSpec;
    private final ActionSpec actionSpec;
    private final int[] priceIndex = new int[1];
    private final int[] orderQty = new int[1];
    private final double[] reward = new double[1];

    /** A simulator of {@code scenario}; call {@link #reset(long)} before stepping. */
    public PricingEnv(PricingScenario scenario) {
        this.scenario = scenario;
        this.batch = new PricingBatch(scenario, 1);
        this.observationSpec = PricingObservation.spec(scenario);
        this.actionSpec = new ActionSpec(List.of("priceIndex", "orderQuantity"),
                new int[] {scenario.priceCount(), scenario.maxOrder() + 1});
    }

    @Override
    public ObservationSpec observationSpec() {
        return observationSpec;
    }

    @Override
    public ActionSpec actionSpec() {
        return actionSpec;
    }

    /** Starts an episode drawing from {@code Rng.stream(seed, 0)}. */
    @Override
    public float[] reset(long seed) {
        return reset(seed, 0);
    }

    /** Starts an episode drawing from {@code Rng.stream(seed, stream)}: copy {@code stream} of a batch. */
    public float[] reset(long seed, long stream) {
        batch.reset(seed, stream);
        return observation();
    }

    @Override
    public Step<PricingInfo> step(int[] action) {
        actionSpec.check(action);
        return step(action[0], action[1]);
    }

    /** Posts price {@code scenario.price(priceIndex)} and orders {@code orderQuantity} units for one period. */
    public Step<PricingInfo> step(int priceIndex, int orderQuantity) {
        batch.checkSteppable();
        PricingState before = batch.state(0);
        double p = scenario.price(checkPrice(priceIndex));
        double lambda = batch.rate(0, p);
        int arrived = scenario.leadTime() == 0 ? orderQuantity : before.pipeline()[0];
        this.priceIndex[0] = priceIndex;
        this.orderQty[0] = orderQuantity;
        batch.step(this.priceIndex, this.orderQty, reward);
        int d = batch.lastDemand(0);
        int inv = batch.inventory(0);
        boolean backlog = scenario.mode() == ShortageMode.BACKLOG;
        int lost = backlog ? 0 : batch.lastLost(0);
        PricingInfo info = new PricingInfo(batch.period(), p, orderQuantity, before.competitorPrice(),
                before.referencePrice(), lambda, d, d - lost, lost, backlog ? batch.lastLost(0) : 0, arrived,
                batch.lastDisposed(0), inv, reward[0]);
        return new Step<>(observation(), reward[0], false, batch.done(), info);
    }

    private int checkPrice(int priceIndex) {
        if (priceIndex < 0 || priceIndex >= scenario.priceCount()) {
            throw new IllegalArgumentException("priceIndex must be in [0, " + (scenario.priceCount() - 1)
                    + "], got " + priceIndex);
        }
        return priceIndex;
    }

    /** The current observation (a fresh array). */
    public float[] observation() {
        float[] out = new float[batch.observationSize()];
        batch.observe(0, out, 0);
        return out;
    }

    /** The raw state at the start of the coming period. */
    public PricingState state() {
        return batch.state(0);
    }

    /** Periods completed in this episode. */
    public int period() {
        return batch.period();
    }

    /** The scenario simulated. */
    public PricingScenario scenario() {
        return scenario;
    }
}
