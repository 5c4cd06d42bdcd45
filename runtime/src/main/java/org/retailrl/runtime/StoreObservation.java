package org.retailrl.runtime;

/**
 * One store's observation for one period (docs/model.md §1), by name rather than by position;
 * {@link PricingPolicy#decide(PricingPolicy.Session, StoreObservation, int, DecisionConstraints)}
 * takes it. Raw units and prices: the policy normalises them as the learners saw them. Immutable
 * (the pipeline is copied in and out).
 *
 * @param endingInventory the previous period's ending inventory (net inventory under backlog), units
 * @param lostSales       the previous period's lost sales (backlog), units
 * @param demand          the previous period's demand, units
 * @param ownPrice        the previous period's own price, currency/unit
 * @param competitorPrice the competitor's price for the coming period, currency/unit
 * @param referencePrice  the customers' reference price, currency/unit
 * @param pipeline        the {@code L} outstanding orders, oldest (arriving next) first, units
 */
public record StoreObservation(double endingInventory, double lostSales, double demand, double ownPrice,
                               double competitorPrice, double referencePrice, double[] pipeline) {
    /**
     * Copies the pipeline.
     *
     * @throws IllegalArgumentException when the pipeline is null
     */
    public StoreObservation {
        if (pipeline == null) {
            throw new IllegalArgumentException("pipeline must not be null (pass an empty array when L = 0)");
        }
        pipeline = pipeline.clone();
    }

    /**
     * The outstanding orders.
     *
     * @return a copy, oldest first
     */
    @Override
    public double[] pipeline() {
        return pipeline.clone();
    }

    /**
     * The positional observation of {@link PricingPolicy#inputFields()}.
     *
     * @return {@code 6 + L} floats
     */
    public float[] toArray() {
        float[] x = new float[6 + pipeline.length];
        x[0] = (float) endingInventory;
        x[1] = (float) lostSales;
        x[2] = (float) demand;
        x[3] = (float) ownPrice;
        x[4] = (float) competitorPrice;
        x[5] = (float) referencePrice;
        for (int k = 0; k < pipeline.length; k++) {
            x[6 + k] = (float) pipeline[k];
        }
        return x;
    }
}
