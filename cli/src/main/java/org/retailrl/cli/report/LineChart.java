package org.retailrl.cli.report;

import java.util.List;

/**
 * A line chart of several named series over a numeric x axis, e.g. learning curves (mean episode
 * profit vs training episodes, one line per seed, optionally the mean ± 95% CI band of docs/model.md §8's
 * evaluation protocol). The record is the data; {@link #svg()} renders it. Width and height are in
 * pixels; axis labels should carry their units, e.g. {@code "profit per episode (currency)"}.
 *
 * @param title  chart title ("" for none)
 * @param xLabel x-axis label with units ("" for none)
 * @param yLabel y-axis label with units ("" for none)
 * @param series the lines, drawn in order (later on top); may be empty
 * @param width  canvas width in pixels, [240, 10000]
 * @param height canvas height in pixels, [160, 10000]; grows if the legend needs room
 */
public record LineChart(String title, String xLabel, String yLabel, List<Series> series, int width, int height) {

    /** Validates the fields; see the parameter descriptions for the allowed values. */
    public LineChart {
        XYPlot.text("title", title);
        XYPlot.text("xLabel", xLabel);
        XYPlot.text("yLabel", yLabel);
        if (series == null || XYPlot.hasNull(series)) {
            throw new IllegalArgumentException("series must be a list without null elements");
        }
        series = List.copyOf(series);
        XYPlot.checkSize(width, height);
    }

    /** A 720 × 420 chart. */
    public static LineChart of(String title, String xLabel, String yLabel, List<Series> series) {
        return new LineChart(title, xLabel, yLabel, series, 720, 420);
    }

    /** The chart as a standalone SVG document. */
    public String svg() {
        return XYPlot.render(title, xLabel, List.of(new XYPlot.Panel(yLabel, series)), false, width, height);
    }
}
