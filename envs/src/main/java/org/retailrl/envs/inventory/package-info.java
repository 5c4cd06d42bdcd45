/**
 * The classic inventory simulators of docs/model.md §7: lost sales with lead time
 * ({@link org.retailrl.envs.inventory.LostSalesBatch}), dual sourcing
 * ({@link org.retailrl.envs.inventory.DualSourcingBatch}) and the serial supply chain
 * ({@link org.retailrl.envs.inventory.SerialBatch}), all batched as structure-of-arrays behind
 * {@link org.retailrl.envs.inventory.InventoryBatch}, with their scenario records and discrete
 * {@link org.retailrl.envs.inventory.DemandLaw}s.
 */
package org.retailrl.envs.inventory;
