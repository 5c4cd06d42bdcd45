package org.retailrl.algorithms.lmm;

import org.retailrl.envs.production.ProductionBatch;

/**
 * A policy for the copies of a production simulator (docs/model.md §6.1): per copy and product a
 * method, a quantity, a price index and a recommendation level ({@code [copies · N]} arrays).
 */
public interface ProductionPolicy {
    /** Its row in tables and in a dataset's policy list. */
    String name();

    /** Called before the first period of an episode in every copy. */
    void reset(ProductionBatch batch);

    /** The decisions of the coming period. */
    void act(ProductionBatch batch, int[] method, int[] order, int[] price, int[] level);
}
