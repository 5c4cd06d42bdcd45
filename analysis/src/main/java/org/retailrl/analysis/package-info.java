/**
 * Single-period theory of docs/model.md §2 (Zheng, Li, Jiang and Peng §3.3, Appendices A/C): exact expected profit and
 * its parts for Poisson demand with logistic mean ({@link org.retailrl.analysis.ExactProfit}),
 * the exact global optimiser ({@link org.retailrl.analysis.ExactOptimizer}), likelihood-ratio and
 * IPA gradient estimators ({@link org.retailrl.analysis.GradientEstimators}), the two-timescale
 * stochastic approximation of Zheng, Li, Jiang and Peng Eq. (16) ({@link org.retailrl.analysis.TwoTimescaleSA}) and
 * its measured mean-squared-error decay ({@link org.retailrl.analysis.MseDecay}). Derivations, the
 * parameter domains in which each of the paper's statements holds, and the counterexamples found,
 * are in the module's {@code THEORY.md}.
 */
package org.retailrl.analysis;
