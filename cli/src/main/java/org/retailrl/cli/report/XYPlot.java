package org.retailrl.cli.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders one or more x–y panels stacked vertically over a shared numeric x axis, with a title,
 * axis labels, nice ticks, grid, bands, a legend under the plot, and a series colour chosen by
 * name (the same name gets the same colour in every panel). The layout is computed from estimated
 * text widths ({@link TextMetrics}) so that every element lies inside the canvas; if the requested
 * height leaves a panel too little room, the canvas grows rather than overlaps.
 */
final class XYPlot {
    static final double PAD = 12;
    static final double TITLE = 16;
    static final double LABEL = 13;
    static final double TICK = 11;
    static final double TICK_LEN = 5;
    private static final double PANEL_GAP = 16;
    private static final double MIN_PANEL = 90;

    /** One panel: a y-axis label (with units) and its series. */
    record Panel(String yLabel, List<Series> series) {
    }

    private XYPlot() {
    }

    static String render(String title, String xLabel, List<Panel> panels, boolean step, double width,
            double height) {
        Map<String, Integer> colourOf = new LinkedHashMap<>();
        for (Panel p : panels) {
            for (Series s : p.series()) {
                colourOf.putIfAbsent(s.name(), colourOf.size());
            }
        }
        List<Legend.Entry> entries = new ArrayList<>();
        colourOf.forEach((name, i) -> entries.add(new Legend.Entry(name, Palette.colour(i), Palette.dash(i))));
        Legend legend = new Legend(entries, width - 2 * PAD);

        double top = PAD + (title.isEmpty() ? 0 : TITLE + 10);
        double xTickBlock = TICK_LEN + TICK + 6;
        double xLabelBlock = xLabel.isEmpty() ? 0 : LABEL + 6;
        double bottom = PAD + legend.height() + (legend.height() > 0 ? 10 : 0) + xTickBlock + xLabelBlock;
        int n = panels.size();
        double panelH = (height - top - bottom - PANEL_GAP * (n - 1)) / n;
        if (panelH < MIN_PANEL) {
            panelH = MIN_PANEL;
            height = top + bottom + PANEL_GAP * (n - 1) + n * panelH;
        }

        Ticks[] yTicks = new Ticks[n];
        double yLabelWidth = 0;
        int yTarget = (int) Math.max(2, Math.min(8, Math.round(panelH / 45)));
        for (int p = 0; p < n; p++) {
            double[] r = yRange(panels.get(p).series());
            yTicks[p] = Ticks.covering(r[0], r[1], yTarget);
            for (String s : yTicks[p].labels()) {
                yLabelWidth = Math.max(yLabelWidth, TextMetrics.width(s, TICK));
            }
        }
        boolean anyYLabel = panels.stream().anyMatch(p -> !p.yLabel().isEmpty());
        double left = PAD + (anyYLabel ? LABEL + 8 : 0) + yLabelWidth + TICK_LEN + 4;

        double[] xr = xRange(panels);
        Ticks xTicks = null;
        double right = 0;
        for (int target = 10; target >= 1; target--) {
            Ticks t = Ticks.covering(xr[0], xr[1], target);
            String[] labels = t.labels();
            double widest = 0;
            for (String s : labels) {
                widest = Math.max(widest, TextMetrics.width(s, TICK));
            }
            double l = Math.max(left, PAD + TextMetrics.width(labels[0], TICK) / 2);
            double r = width - PAD - TextMetrics.width(labels[labels.length - 1], TICK) / 2;
            double spacing = (r - l) / Math.max(1, labels.length - 1);
            xTicks = t;
            left = l;
            right = r;
            if (spacing >= widest + 10) {
                break;
            }
        }
        if (right - left < 40) {
            throw new IllegalArgumentException("width " + width + " leaves no room for the plot; use a larger width");
        }

        SvgCanvas svg = new SvgCanvas(width, height, title.isEmpty() ? "chart" : title);
        if (!title.isEmpty()) {
            svg.text(width / 2, PAD + TITLE, TextMetrics.fit(title, width - 2 * PAD, TITLE, true), TITLE, "middle", true,
                    title);
        }
        double y0 = top;
        for (int p = 0; p < n; p++) {
            Panel panel = panels.get(p);
            drawPanel(svg, panel, colourOf, xTicks, yTicks[p], left, right, y0, y0 + panelH, step);
            y0 += panelH + PANEL_GAP;
        }
        double axisY = y0 - PANEL_GAP;
        String[] xl = xTicks.labels();
        double[] xv = xTicks.values();
        for (int i = 0; i < xv.length; i++) {
            double x = xTicks.map(xv[i], left, right);
            svg.line(x, axisY, x, axisY + TICK_LEN, "#444444", 1, null);
            svg.text(x, axisY + TICK_LEN + TICK + 1, xl[i], TICK, "middle", false);
        }
        double yNext = axisY + xTickBlock;
        if (!xLabel.isEmpty()) {
            svg.text((left + right) / 2, yNext + LABEL, TextMetrics.fit(xLabel, right - left, LABEL), LABEL,
                    "middle", false, xLabel);
            yNext += xLabelBlock;
        }
        legend.draw(svg, PAD, yNext + 10);
        return svg.finish();
    }

    private static void drawPanel(SvgCanvas svg, Panel panel, Map<String, Integer> colourOf, Ticks xt, Ticks yt,
            double left, double right, double top, double bottom, boolean step) {
        for (double v : yt.values()) {
            double y = yt.map(v, bottom, top);
            svg.line(left, y, right, y, "#e6e6e6", 1, null);
        }
        for (double v : xt.values()) {
            double x = xt.map(v, left, right);
            svg.line(x, top, x, bottom, "#e6e6e6", 1, null);
        }
        String[] labels = yt.labels();
        double[] values = yt.values();
        for (int i = 0; i < values.length; i++) {
            double y = yt.map(values[i], bottom, top);
            svg.line(left - TICK_LEN, y, left, y, "#444444", 1, null);
            svg.text(left - TICK_LEN - 3, y + TICK * 0.35, labels[i], TICK, "end", false);
        }
        if (!panel.yLabel().isEmpty()) {
            String shown = TextMetrics.fit(panel.yLabel(), bottom - top, LABEL);
            svg.verticalText(PAD + LABEL, (top + bottom) / 2, shown, LABEL, panel.yLabel());
        }
        boolean empty = true;
        for (Series s : panel.series()) {
            if (s.hasBand() && s.size() > 0) {
                band(svg, s, Palette.colour(colourOf.get(s.name())), xt, yt, left, right, top, bottom);
            }
        }
        for (Series s : panel.series()) {
            if (s.size() == 0) {
                continue;
            }
            empty = false;
            int c = colourOf.get(s.name());
            double[] x = s.x();
            double[] y = s.y();
            if (x.length == 1) {
                svg.circle(px(xt, x[0], left, right), px(yt, y[0], bottom, top), 3, Palette.colour(c));
                continue;
            }
            int m = step ? 2 * x.length - 1 : x.length;
            double[] xs = new double[m];
            double[] ys = new double[m];
            for (int i = 0, k = 0; i < x.length; i++) {
                if (step && i > 0) {
                    // A decision holds until the next period starts: move across, then jump.
                    xs[k] = px(xt, x[i], left, right);
                    ys[k++] = px(yt, y[i - 1], bottom, top);
                }
                xs[k] = px(xt, x[i], left, right);
                ys[k++] = px(yt, y[i], bottom, top);
            }
            svg.polyline(xs, ys, m, Palette.colour(c), 2, Palette.dash(c));
        }
        if (empty) {
            svg.text((left + right) / 2, (top + bottom) / 2, "no data", LABEL, "middle", false);
        }
        svg.line(left, top, left, bottom, "#444444", 1, null);
        svg.line(left, bottom, right, bottom, "#444444", 1, null);
    }

    private static void band(SvgCanvas svg, Series s, String colour, Ticks xt, Ticks yt, double left, double right,
            double top, double bottom) {
        double[] x = s.x();
        double[] lo = s.lower();
        double[] hi = s.upper();
        int n = x.length;
        double[] xs = new double[2 * n];
        double[] ys = new double[2 * n];
        for (int i = 0; i < n; i++) {
            xs[i] = px(xt, x[i], left, right);
            ys[i] = px(yt, hi[i], bottom, top);
            xs[2 * n - 1 - i] = xs[i];
            ys[2 * n - 1 - i] = px(yt, lo[i], bottom, top);
        }
        svg.polygon(xs, ys, 2 * n, colour, 0.2);
    }

    /** Maps into [a, b] and clamps, so rounding can never push a point past the plot edge. */
    private static double px(Ticks t, double v, double a, double b) {
        double p = t.map(v, a, b);
        return Math.max(Math.min(a, b), Math.min(Math.max(a, b), p));
    }

    private static double[] yRange(List<Series> series) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            for (double v : s.y()) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
            if (s.hasBand()) {
                for (double v : s.lower()) {
                    lo = Math.min(lo, v);
                }
                for (double v : s.upper()) {
                    hi = Math.max(hi, v);
                }
            }
        }
        return lo <= hi ? new double[] {lo, hi} : new double[] {0, 1};
    }

    private static double[] xRange(List<Panel> panels) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Panel p : panels) {
            for (Series s : p.series()) {
                for (double v : s.x()) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        return lo <= hi ? new double[] {lo, hi} : new double[] {0, 1};
    }

    static void checkSize(int width, int height) {
        if (width < 240 || width > 10_000) {
            throw new IllegalArgumentException("width must be in [240, 10000] pixels, got " + width);
        }
        if (height < 160 || height > 10_000) {
            throw new IllegalArgumentException("height must be in [160, 10000] pixels, got " + height);
        }
    }

    /** Like {@code list.contains(null)}, which immutable lists answer with an exception. */
    static boolean hasNull(List<?> list) {
        for (Object o : list) {
            if (o == null) {
                return true;
            }
        }
        return false;
    }

    static String text(String field, String value) {
        if (value == null) {
            throw new IllegalArgumentException(field + " must not be null (use \"\" for none)");
        }
        return value;
    }
}
