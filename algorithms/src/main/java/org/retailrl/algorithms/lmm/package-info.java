/**
 * The large management model of docs/model.md §6 (Jiang et al., "Towards a Large Management Model"):
 * a Decision Transformer (Chen et al. 2021) trained offline on logged episodes of many
 * pricing-and-replenishment tasks.
 *
 * <ul>
 *   <li>{@link org.retailrl.algorithms.lmm.TaskFamily}: the tasks (seen and held-out parameter
 *       ranges) and the one state layout that covers them all.</li>
 *   <li>{@link org.retailrl.algorithms.lmm.Behaviour}, {@link org.retailrl.algorithms.lmm.DatasetBuilder},
 *       {@link org.retailrl.algorithms.lmm.TrajectoryDataset}: behaviour policies, the logging, and
 *       the chunked, checksummed dataset file.</li>
 *   <li>{@link org.retailrl.algorithms.lmm.ProductionBaselines}, {@link org.retailrl.algorithms.lmm.RecommendationSlice}:
 *       the production-method tasks' baselines, and the inventory-and-recommendation tasks (a
 *       single-product slice of the docs/model.md §3 simulator) with their heuristics.</li>
 *   <li>{@link org.retailrl.algorithms.lmm.DecisionTransformer}, {@link org.retailrl.algorithms.lmm.DtTraining}:
 *       the network and its offline training with checkpoints.</li>
 *   <li>{@link org.retailrl.algorithms.lmm.DtPolicy} (batched, any period) and
 *       {@link org.retailrl.algorithms.lmm.DtDecoder} (one episode, key/value cache): acting.</li>
 *   <li>{@link org.retailrl.algorithms.lmm.LmmEvaluation}: the comparison with the specialised
 *       policies on seen and held-out tasks.</li>
 * </ul>
 */
package org.retailrl.algorithms.lmm;
