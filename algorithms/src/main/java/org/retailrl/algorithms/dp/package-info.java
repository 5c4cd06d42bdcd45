/**
 * Exact dynamic programming for the small instances of docs/model.md §1 (lost sales, lead time 0 or 1,
 * fixed competitor and reference price, stock capped on arrival): backward induction, value
 * iteration, exact evaluation of state-feedback policies, and the optimal table as a policy.
 * Backlog instances are not covered.
 */
package org.retailrl.algorithms.dp;
