/**
 * Dependency-free rendering of the run report: SVG charts (learning curves, bar charts with
 * confidence intervals, aligned trajectories, kernel densities) and one self-contained HTML page
 * that embeds them. The charts take plain data records, so the code that computes the numbers of
 * docs/model.md §8 (evaluation protocol: mean profit with a 95% confidence interval per policy) does not
 * depend on how they are drawn.
 *
 * <pre>{@code
 * String curves = LineChart.of("Learning curves", "training episodes", "mean profit per episode (currency)",
 *         List.of(Series.of("seed 1", episodes, profit1), Series.of("seed 2", episodes, profit2))).svg();
 * String bars = BarChart.of("Mean profit ± 95% CI", "mean profit per episode (currency)",
 *         List.of(BarChart.Bar.symmetric("FSDA", mean, halfWidth), ...)).svg();
 * new HtmlReport("compare, scenario b")
 *         .metadata("seeds", "1-5")
 *         .table("Profit per policy", List.of("policy", "mean profit", "95% CI"), rows)
 *         .figure(curves, "Mean episode profit during training, one line per seed.")
 *         .figure(bars, "Mean evaluation profit with 95% confidence intervals.")
 *         .write(outDir.resolve("report.html"));
 * }</pre>
 */
package org.retailrl.cli.report;
