/**
 * Exact dynamic programming for the small instances of docs/model.md §1.9 (lost sales, lead time 0
 * or 1, stock capped on arrival): with a fixed competitor and reference price, backward induction,
 * value iteration, exact evaluation of state-feedback policies and the optimal table as a policy;
 * with the undercutting competitor, the competitive DP over (stock, competitor price), exact, and
 * its reference-grid approximation when the reference price moves. Backlog instances are not
 * covered.
 */
package org.retailrl.algorithms.dp;
