/**
 * Heuristic baselines for pricing and replenishment (docs/model.md §8, Zheng, Li, Jiang and Peng §3.8): BSLP, (s,S,p),
 * Myopic (Bernstein, Li &amp; Shang 2016) and base-stock with a constant price, fitted to a scenario
 * by (1) a Poisson log-linear demand fit to 10,000 simulated (price, demand) pairs and (2) a
 * coordinate search over each heuristic's parameters by simulation with common random numbers;
 * and beside them the strong variants of docs/model.md §8.10 (Myopic*, BSLP*, (s,S,p)*: a Poisson
 * GLM in every observed feature, one-step prices per state, an end-of-horizon rule, a reorder band)
 * and Oracle Myopic on the simulator's true demand law.
 */
package org.retailrl.algorithms.heuristics;
