/**
 * The evaluation protocol of docs/model.md §8: rollouts on common random numbers, means with Student-t
 * intervals, paired differences and relative improvements, gaps to a DP optimum, and the report's
 * table, CSV and JSON renderings.
 */
package org.retailrl.algorithms.eval;
