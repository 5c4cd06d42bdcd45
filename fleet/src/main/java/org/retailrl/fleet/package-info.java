/**
 * The catalogue job on Apache Spark (docs/fleet.md): every store–product series of a retailer
 * through the data-driven scenario of docs/model.md §5.4 and the comparison of §8, one Spark task
 * per series. Optional: the engine modules never depend on it.
 */
package org.retailrl.fleet;
