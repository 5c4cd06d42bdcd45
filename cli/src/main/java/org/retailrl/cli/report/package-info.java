/**
 * Dependency-free rendering of the run report: SVG charts (learning curves, bar charts with
 * confidence intervals, aligned trajectories, kernel densities) and one self-contained HTML page
 * that embeds them. The charts take plain data records, so the code that computes the numbers of
 * MODEL.md §8 (evaluation protocol: mean profit with a 95% confidence interval per policy) does not
 * depend on how they are drawn.
 */
package org.retailrl.cli.report;
