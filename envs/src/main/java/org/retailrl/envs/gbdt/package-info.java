/**
 * A histogram-based gradient-boosted decision-tree learner in the style of LightGBM (Ke et al.
 * 2017), the demand model of docs/model.md §5: quantile feature binning, leaf-wise growth with the
 * parent-minus-sibling histogram trick, native categorical splits, missing-value routing, L2,
 * Poisson and Tweedie objectives, early stopping, and a checksummed model file. Depends on
 * {@code core} and the JDK only.
 *
 * <p>Entry points: {@link org.retailrl.envs.gbdt.GbdtTrainer#train} turns a
 * {@link org.retailrl.envs.gbdt.Dataset} and a {@link org.retailrl.envs.gbdt.GbdtConfig} into a
 * {@link org.retailrl.envs.gbdt.GbdtModel}; {@link org.retailrl.envs.gbdt.GbdtModelFile} saves and
 * loads it. Training is deterministic for a seed and bit-identical for any thread count, because
 * every histogram bin and every row's gradient is accumulated by one thread in a fixed order.
 */
package org.retailrl.envs.gbdt;
