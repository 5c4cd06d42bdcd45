package org.retailrl.cli.report;

import java.util.List;

/**
 * Bars with error bars, e.g. mean episode profit ± 95% confidence interval per policy (docs/model.md §8,
 * evaluation protocol). Bars start at zero, so negative values point the other way; the value
 * axis always contains zero. Category labels too long for their slot are cut with an ellipsis and
 * keep the full text as a tooltip; with rows thinner than a line of text (horizontal bars) only
 * every k-th category is labelled. Each bar gets its own palette colour; the category axis names
 * them, so there is no legend.
 *
 * @param title      chart title ("" for none)
 * @param valueLabel value-axis label with units, e.g. {@code "mean profit per episode (currency)"}
 * @param bars       the bars in display order (left to right, or top to bottom); may be empty
 * @param horizontal whether bars run left to right (categories on the y axis)
 * @param width      canvas width in pixels, [240, 10000]
 * @param height     canvas height in pixels, [160, 10000]
 */
public record BarChart(String title, String valueLabel, List<Bar> bars, boolean horizontal, int width, int height) {

    /**
     * One bar: {@code value} with an error bar from {@code lower} to {@code upper}
     * ({@code lower == upper == value} draws none).
     *
     * @param label category name
     * @param value bar length, in the units of the value axis
     * @param lower lower end of the error bar, at most {@code value}
     * @param upper upper end of the error bar, at least {@code value}
     */
    public record Bar(String label, double value, double lower, double upper) {
        /** Validates: finite values, {@code lower <= value <= upper}. */
        public Bar {
            if (label == null) {
                throw new IllegalArgumentException("label must not be null");
            }
            if (!Double.isFinite(value) || !Double.isFinite(lower) || !Double.isFinite(upper)) {
                throw new IllegalArgumentException("bar '" + label + "': value, lower and upper must be finite, got "
                        + value + ", " + lower + ", " + upper);
            }
            if (lower > value || value > upper) {
                throw new IllegalArgumentException("bar '" + label + "': need lower <= value <= upper, got "
                        + lower + ", " + value + ", " + upper);
            }
        }

        /** A bar {@code mean} with error bar {@code mean ± halfWidth} (e.g. a CI half-width ≥ 0). */
        public static Bar symmetric(String label, double mean, double halfWidth) {
            if (!(halfWidth >= 0) || !Double.isFinite(halfWidth)) {
                throw new IllegalArgumentException("bar '" + label + "': halfWidth must be finite and >= 0, got "
                        + halfWidth);
            }
            return new Bar(label, mean, mean - halfWidth, mean + halfWidth);
        }
    }

    /** Validates the fields; see the parameter descriptions for the allowed values. */
    public BarChart {
        XYPlot.text("title", title);
        XYPlot.text("valueLabel", valueLabel);
        if (bars == null || XYPlot.hasNull(bars)) {
            throw new IllegalArgumentException("bars must be a list without null elements");
        }
        bars = List.copyOf(bars);
        XYPlot.checkSize(width, height);
    }

    /** A 720 × 420 vertical chart. */
    public static BarChart of(String title, String valueLabel, List<Bar> bars) {
        return new BarChart(title, valueLabel, bars, false, 720, 420);
    }

    /** The chart as a standalone SVG document. */
    public String svg() {
        double pad = XYPlot.PAD;
        double tick = XYPlot.TICK;
        double label = XYPlot.LABEL;
        double tickLen = XYPlot.TICK_LEN;
        double lo = 0;
        double hi = 0;
        for (Bar b : bars) {
            lo = Math.min(lo, b.lower());
            hi = Math.max(hi, b.upper());
        }
        if (lo == hi) {
            hi = 1;
        }
        double top = pad + (title.isEmpty() ? 0 : XYPlot.TITLE + 10);
        double valueLabelBlock = valueLabel.isEmpty() ? 0 : label + 8;
        SvgCanvas svg;
        if (horizontal) {
            double catWidth = 0;
            for (Bar b : bars) {
                catWidth = Math.max(catWidth, TextMetrics.width(b.label(), tick + 1));
            }
            catWidth = Math.min(catWidth, 0.35 * width);
            double left = pad + catWidth + 8;
            double bottom = height - pad - valueLabelBlock - tickLen - tick - 6;
            Ticks t = null;
            double right = 0;
            for (int target = 10; target >= 1; target--) {
                t = Ticks.covering(lo, hi, target);
                String[] ls = t.labels();
                double widest = 0;
                for (String s : ls) {
                    widest = Math.max(widest, TextMetrics.width(s, tick));
                }
                double l = Math.max(left, pad + TextMetrics.width(ls[0], tick) / 2);
                right = width - pad - TextMetrics.width(ls[ls.length - 1], tick) / 2;
                left = l;
                if ((right - left) / Math.max(1, ls.length - 1) >= widest + 10) {
                    break;
                }
            }
            svg = frame(top, title);
            double[] v = t.values();
            String[] ls = t.labels();
            for (int i = 0; i < v.length; i++) {
                double x = t.map(v[i], left, right);
                svg.line(x, top, x, bottom, "#e6e6e6", 1, null);
                svg.line(x, bottom, x, bottom + tickLen, "#444444", 1, null);
                svg.text(x, bottom + tickLen + tick + 1, ls[i], tick, "middle", false);
            }
            if (!valueLabel.isEmpty()) {
                svg.text((left + right) / 2, height - pad - 2, TextMetrics.fit(valueLabel, right - left, label), label,
                        "middle", false, valueLabel);
            }
            double slot = (bottom - top) / Math.max(1, bars.size());
            // Rows thinner than a line of text would print labels on top of each other: label every k-th.
            int every = (int) Math.max(1, Math.ceil((tick + 3) / slot));
            double zero = t.map(0, left, right);
            for (int i = 0; i < bars.size(); i++) {
                Bar b = bars.get(i);
                double cy = top + slot * (i + 0.5);
                double th = slot * 0.6;
                double x = t.map(b.value(), left, right);
                svg.rect(Math.min(zero, x), cy - th / 2, Math.abs(x - zero), th, Palette.colour(i), null, 1);
                if (b.lower() < b.upper()) {
                    double x1 = t.map(b.lower(), left, right);
                    double x2 = t.map(b.upper(), left, right);
                    double cap = Math.min(th / 2, 8);
                    svg.line(x1, cy, x2, cy, "#222222", 1.5, null);
                    svg.line(x1, cy - cap, x1, cy + cap, "#222222", 1.5, null);
                    svg.line(x2, cy - cap, x2, cy + cap, "#222222", 1.5, null);
                }
                if (i % every == 0) {
                    String shown = TextMetrics.fit(b.label(), catWidth, tick + 1);
                    svg.text(left - 6, cy + (tick + 1) * 0.35, shown, tick + 1, "end", false, b.label());
                }
            }
            svg.line(zero, top, zero, bottom, "#444444", 1, null);
            svg.line(left, bottom, right, bottom, "#444444", 1, null);
        } else {
            double bottom = height - pad - tickLen - tick - 8;
            double plotH = bottom - top;
            int target = (int) Math.max(2, Math.min(8, Math.round(plotH / 45)));
            Ticks t = Ticks.covering(lo, hi, target);
            double tickWidth = 0;
            for (String s : t.labels()) {
                tickWidth = Math.max(tickWidth, TextMetrics.width(s, tick));
            }
            double left = pad + valueLabelBlock + tickWidth + tickLen + 4;
            double right = width - pad;
            svg = frame(top, title);
            double[] v = t.values();
            String[] ls = t.labels();
            for (int i = 0; i < v.length; i++) {
                double y = t.map(v[i], bottom, top);
                svg.line(left, y, right, y, "#e6e6e6", 1, null);
                svg.line(left - tickLen, y, left, y, "#444444", 1, null);
                svg.text(left - tickLen - 3, y + tick * 0.35, ls[i], tick, "end", false);
            }
            if (!valueLabel.isEmpty()) {
                svg.verticalText(pad + label, (top + bottom) / 2, TextMetrics.fit(valueLabel, bottom - top, label),
                        label, valueLabel);
            }
            double slot = (right - left) / Math.max(1, bars.size());
            double zero = t.map(0, bottom, top);
            for (int i = 0; i < bars.size(); i++) {
                Bar b = bars.get(i);
                double cx = left + slot * (i + 0.5);
                double bw = slot * 0.6;
                double y = t.map(b.value(), bottom, top);
                svg.rect(cx - bw / 2, Math.min(zero, y), bw, Math.abs(y - zero), Palette.colour(i), null, 1);
                if (b.lower() < b.upper()) {
                    double y1 = t.map(b.lower(), bottom, top);
                    double y2 = t.map(b.upper(), bottom, top);
                    double cap = Math.min(bw / 2, 8);
                    svg.line(cx, y1, cx, y2, "#222222", 1.5, null);
                    svg.line(cx - cap, y1, cx + cap, y1, "#222222", 1.5, null);
                    svg.line(cx - cap, y2, cx + cap, y2, "#222222", 1.5, null);
                }
                String shown = TextMetrics.fit(b.label(), slot - 4, tick + 1);
                svg.text(cx, bottom + tickLen + tick + 2, shown, tick + 1, "middle", false, b.label());
            }
            svg.line(left, top, left, bottom, "#444444", 1, null);
            svg.line(left, zero, right, zero, "#444444", 1, null);
        }
        if (bars.isEmpty()) {
            svg.text(width / 2.0, height / 2.0, "no data", label, "middle", false);
        }
        return svg.finish();
    }

    private SvgCanvas frame(double top, String title) {
        SvgCanvas svg = new SvgCanvas(width, height, title.isEmpty() ? "bar chart" : title);
        if (!title.isEmpty()) {
            svg.text(width / 2.0, XYPlot.PAD + XYPlot.TITLE, TextMetrics.fit(title, width - 2 * XYPlot.PAD,
                    XYPlot.TITLE, true), XYPlot.TITLE, "middle", true, title);
        }
        return svg;
    }
}
