package org.retailrl.cli.report;

import java.util.List;

/**
 * Two or more panels stacked over one shared x axis, e.g. price and inventory over 100 periods for
 * FSDA and Myopic (Zheng, Li, Jiang and Peng Fig. 5b; the policies of docs/model.md §1 and §8). A series name keeps its
 * colour in every panel, and one legend serves all. With {@code step} set, each value is held until
 * the next x (a decision that stays in force for its period), drawn as a staircase.
 *
 * @param title  chart title ("" for none)
 * @param xLabel shared x-axis label with units, e.g. {@code "period"}
 * @param panels top to bottom, at least one
 * @param step   whether lines are drawn as steps
 * @param width  canvas width in pixels, [240, 10000]
 * @param height canvas height in pixels, [160, 10000]; grows to give each panel at least 90 px
 */
public record TrajectoryChart(String title, String xLabel, List<Panel> panels, boolean step, int width, int height) {

    /**
     * One panel of the chart.
     *
     * @param yLabel y-axis label with units, e.g. {@code "price (currency/unit)"}
     * @param series the lines of this panel; may be empty
     */
    public record Panel(String yLabel, List<Series> series) {
        /** Validates the fields. */
        public Panel {
            XYPlot.text("yLabel", yLabel);
            if (series == null || XYPlot.hasNull(series)) {
                throw new IllegalArgumentException("series must be a list without null elements");
            }
            series = List.copyOf(series);
        }
    }

    /** Validates the fields; see the parameter descriptions for the allowed values. */
    public TrajectoryChart {
        XYPlot.text("title", title);
        XYPlot.text("xLabel", xLabel);
        if (panels == null || panels.isEmpty() || XYPlot.hasNull(panels)) {
            throw new IllegalArgumentException("panels must be a non-empty list without null elements");
        }
        panels = List.copyOf(panels);
        XYPlot.checkSize(width, height);
    }

    /** A chart 720 px wide and 220 px high per panel. */
    public static TrajectoryChart of(String title, String xLabel, List<Panel> panels, boolean step) {
        int n = panels == null ? 1 : Math.max(1, panels.size());
        return new TrajectoryChart(title, xLabel, panels, step, 720, Math.min(10_000, 120 + 220 * n));
    }

    /** The chart as a standalone SVG document. */
    public String svg() {
        List<XYPlot.Panel> ps = panels.stream().map(p -> new XYPlot.Panel(p.yLabel(), p.series())).toList();
        return XYPlot.render(title, xLabel, ps, step, width, height);
    }
}
