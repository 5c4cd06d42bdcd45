/**
 * Exact solutions and heuristics for the classic inventory problems of docs/model.md §7: relative
 * value iteration on the lost-sales pipeline state ({@link org.retailrl.algorithms.inventory.LostSalesSolver}),
 * exact policy evaluation and the lost-sales heuristics, the dual-sourcing dynamic program
 * ({@link org.retailrl.algorithms.inventory.DualSourcingDp}) and the Clark–Scarf echelon levels
 * ({@link org.retailrl.algorithms.inventory.ClarkScarf}).
 */
package org.retailrl.algorithms.inventory;
