package org.retailrl.analysis;

import java.util.Locale;

/**
 * An SVG picture of the single-period profit surface {@code π(p, y)} of docs/model.md §2: a heatmap
 * over the price (horizontal, money per unit) and stock (vertical, units) box with contour-free
 * colour bands, the global optimum (white ring), the points meeting conditions (15) (black dots)
 * and stochastic-approximation paths (polylines). Returns the document as a string; writing it
 * is the caller's business.
 */
public final class ProfitSurfaceSvg {
    // The legend sits in a band above the plot so long labels never run off the right edge.
    private static final int W = 600;
    private static final int H = 440;
    private static final int L = 60;
    private static final int T = 60;
    private static final int PW = 520;
    private static final int PH = 320;

    private ProfitSurfaceSvg() {
    }

    /** One path to draw: a label, a stroke colour (CSS) and the trace. */
    public record Path(String label, String colour, SaTrace trace) {
    }

    /** Renders the surface on a {@code cols × rows} grid with the given paths. */
    public static String render(SinglePeriodModel m, int cols, int rows, Path... paths) {
        if (cols < 2 || rows < 2 || cols > 1000 || rows > 1000) {
            throw new IllegalArgumentException("cols and rows must be in [2, 1000], got " + cols + ", " + rows);
        }
        double[][] v = new double[rows][cols];
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int r = 0; r < rows; r++) {
            double y = m.yMin() + (m.yHi() - m.yMin()) * (r + 0.5) / rows;
            for (int c = 0; c < cols; c++) {
                double p = m.pLo() + (m.pHi() - m.pLo()) * (c + 0.5) / cols;
                v[r][c] = ExactProfit.profit(m, p, y);
                lo = Math.min(lo, v[r][c]);
                hi = Math.max(hi, v[r][c]);
            }
        }
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\""
                        + " font-family=\"sans-serif\" font-size=\"11\">%n", W, H, W, H));
        sb.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        // crispEdges: anti-aliased cell borders would otherwise show as a faint grid.
        sb.append("<g shape-rendering=\"crispEdges\">\n");
        double cw = (double) PW / cols;
        double ch = (double) PH / rows;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                double t = hi > lo ? (v[r][c] - lo) / (hi - lo) : 0.5;
                // Ten bands, so level sets show as edges without drawing contours.
                t = Math.floor(t * 10) / 10;
                sb.append(String.format(Locale.ROOT,
                        "<rect x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" height=\"%.2f\" fill=\"%s\"/>%n",
                        L + c * cw, T + PH - (r + 1) * ch, cw + 0.05, ch + 0.05, colour(t)));
            }
        }
        sb.append("</g>\n");
        sb.append(String.format(Locale.ROOT,
                "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"black\"/>%n", L, T, PW, PH));
        for (int i = 0; i <= 4; i++) {
            double p = m.pLo() + (m.pHi() - m.pLo()) * i / 4;
            double y = m.yMin() + (m.yHi() - m.yMin()) * i / 4;
            sb.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n",
                    x(m, p), T + PH + 15, tick(p)));
            sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n",
                    L - 5, yy(m, y) + 4, tick(y)));
        }
        sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">price p</text>%n",
                L + PW / 2, T + PH + 32));
        sb.append(String.format(Locale.ROOT,
                "<text x=\"15\" y=\"%d\" transform=\"rotate(-90 15 %d)\" text-anchor=\"middle\">stock y</text>%n",
                T + PH / 2, T + PH / 2));
        sb.append(String.format(Locale.ROOT,
                "<text x=\"%d\" y=\"%d\">profit %s (dark) to %s (light); white ring: optimum; dots: points meeting (15)</text>%n",
                L, 16, tick(lo), tick(hi)));
        for (ExactOptimizer.Optimum s : ExactOptimizer.stationaryPoints(m)) {
            sb.append(String.format(Locale.ROOT, "<circle cx=\"%.2f\" cy=\"%.2f\" r=\"3\" fill=\"black\"/>%n",
                    x(m, s.p()), yy(m, s.y())));
        }
        ExactOptimizer.Optimum g = ExactOptimizer.global(m);
        sb.append(String.format(Locale.ROOT,
                "<circle cx=\"%.2f\" cy=\"%.2f\" r=\"7\" fill=\"none\" stroke=\"white\" stroke-width=\"2\"/>%n",
                x(m, g.p()), yy(m, g.y())));
        int legend = 0;
        for (Path path : paths) {
            SaTrace tr = path.trace();
            sb.append("<polyline fill=\"none\" stroke=\"").append(escape(path.colour()))
                    .append("\" stroke-width=\"1.2\" points=\"");
            for (int i = 0; i < tr.size(); i++) {
                sb.append(String.format(Locale.ROOT, "%.2f,%.2f ", x(m, tr.price()[i]), yy(m, tr.stock()[i])));
            }
            sb.append("\"/>\n");
            sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" fill=\"%s\">%s</text>%n",
                    L + 170 * (legend % 3), 34 + 15 * (legend / 3), escape(path.colour()), escape(path.label())));
            legend++;
        }
        sb.append("</svg>\n");
        return sb.toString();
    }

    /** Axis and legend numbers: at most 4 significant digits, no trailing zeros ("5", "12.5"). */
    static String tick(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e7) {
            return Long.toString((long) v);
        }
        String s = new java.math.BigDecimal(v).round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString();
        return s;
    }

    private static double x(SinglePeriodModel m, double p) {
        return L + PW * (p - m.pLo()) / (m.pHi() - m.pLo());
    }

    private static double yy(SinglePeriodModel m, double y) {
        double span = m.yHi() - m.yMin();
        return T + PH - PH * (span > 0 ? (y - m.yMin()) / span : 0.5);
    }

    /** A dark-blue to yellow ramp. */
    private static String colour(double t) {
        int r = (int) Math.round(30 + 220 * t);
        int g = (int) Math.round(30 + 200 * t);
        int b = (int) Math.round(110 - 80 * t);
        return String.format(Locale.ROOT, "#%02x%02x%02x", r, g, b);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
