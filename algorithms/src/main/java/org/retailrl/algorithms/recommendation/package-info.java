/**
 * Heuristic policies for the inventory-with-recommendation problem of docs/model.md §3 and their
 * evaluation on common random numbers: {@link org.retailrl.algorithms.recommendation.BaseStockReplenishment}
 * (levels fitted by {@link org.retailrl.algorithms.recommendation.BaseStockFitter}) combined with
 * {@link org.retailrl.algorithms.recommendation.UniformExposure},
 * {@link org.retailrl.algorithms.recommendation.RatingGreedyExposure} or
 * {@link org.retailrl.algorithms.recommendation.StockAwareExposure};
 * {@link org.retailrl.algorithms.recommendation.RandomReplenishment} as the random-orders reference;
 * {@link org.retailrl.algorithms.recommendation.CrnEvaluation} and
 * {@link org.retailrl.algorithms.recommendation.MeanInterval} for mean episode rewards with 95 %
 * intervals.
 */
package org.retailrl.algorithms.recommendation;
