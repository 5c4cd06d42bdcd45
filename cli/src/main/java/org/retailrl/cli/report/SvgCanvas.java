package org.retailrl.cli.report;

/**
 * Append-only writer of one SVG document in pixel coordinates (origin top left, y down). All text
 * goes through {@link Xml#escape}; coordinates are written with two decimals in a
 * locale-independent form, so the output is byte-identical for the same input.
 */
final class SvgCanvas {
    static final String FONT = "DejaVu Sans, Helvetica, Arial, sans-serif";

    private final StringBuilder sb = new StringBuilder(8192);
    private final double width;
    private final double height;

    SvgCanvas(double width, double height, String title) {
        this.width = width;
        this.height = height;
        sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(num(width))
                .append("\" height=\"").append(num(height)).append("\" viewBox=\"0 0 ")
                .append(num(width)).append(' ').append(num(height))
                .append("\" role=\"img\" font-family=\"").append(FONT).append("\">\n");
        sb.append("<title>").append(Xml.escape(title)).append("</title>\n");
        rect(0, 0, width, height, "#ffffff", null, 1);
    }

    double width() {
        return width;
    }

    double height() {
        return height;
    }

    void line(double x1, double y1, double x2, double y2, String stroke, double strokeWidth, String dash) {
        sb.append("<line x1=\"").append(num(x1)).append("\" y1=\"").append(num(y1))
                .append("\" x2=\"").append(num(x2)).append("\" y2=\"").append(num(y2))
                .append("\" stroke=\"").append(stroke).append("\" stroke-width=\"").append(num(strokeWidth))
                .append('"');
        dash(dash);
        sb.append("/>\n");
    }

    void rect(double x, double y, double w, double h, String fill, String stroke, double opacity) {
        sb.append("<rect x=\"").append(num(x)).append("\" y=\"").append(num(y))
                .append("\" width=\"").append(num(Math.max(0, w))).append("\" height=\"")
                .append(num(Math.max(0, h))).append("\" fill=\"").append(fill).append('"');
        if (stroke != null) {
            sb.append(" stroke=\"").append(stroke).append('"');
        }
        if (opacity < 1) {
            sb.append(" fill-opacity=\"").append(num(opacity)).append('"');
        }
        sb.append("/>\n");
    }

    void circle(double cx, double cy, double r, String fill) {
        sb.append("<circle cx=\"").append(num(cx)).append("\" cy=\"").append(num(cy))
                .append("\" r=\"").append(num(r)).append("\" fill=\"").append(fill).append("\"/>\n");
    }

    void polyline(double[] xs, double[] ys, int n, String stroke, double strokeWidth, String dash) {
        sb.append("<polyline fill=\"none\" stroke=\"").append(stroke).append("\" stroke-width=\"")
                .append(num(strokeWidth)).append("\" stroke-linejoin=\"round\"");
        dash(dash);
        points(xs, ys, n);
        sb.append("/>\n");
    }

    void polygon(double[] xs, double[] ys, int n, String fill, double opacity) {
        sb.append("<polygon fill=\"").append(fill).append("\" fill-opacity=\"").append(num(opacity))
                .append("\" stroke=\"none\"");
        points(xs, ys, n);
        sb.append("/>\n");
    }

    /** Text with its baseline at {@code y}; {@code anchor} is start, middle or end. */
    void text(double x, double y, String text, double size, String anchor, boolean bold) {
        text(x, y, text, size, anchor, bold, null);
    }

    /**
     * Text as above; if {@code fullText} differs from {@code text} (a truncated label) it becomes a
     * tooltip, so nothing is lost from the page.
     */
    void text(double x, double y, String text, double size, String anchor, boolean bold, String fullText) {
        sb.append("<text x=\"").append(num(x)).append("\" y=\"").append(num(y))
                .append("\" font-size=\"").append(num(size)).append("\" text-anchor=\"").append(anchor)
                .append('"');
        if (bold) {
            sb.append(" font-weight=\"bold\"");
        }
        sb.append(" fill=\"#222222\">");
        if (fullText != null && !fullText.equals(text)) {
            sb.append("<title>").append(Xml.escape(fullText)).append("</title>");
        }
        sb.append(Xml.escape(text)).append("</text>\n");
    }

    /** Text turned 90° anticlockwise about its anchor point, reading bottom to top. */
    void verticalText(double x, double y, String text, double size, String fullText) {
        sb.append("<text x=\"").append(num(x)).append("\" y=\"").append(num(y))
                .append("\" font-size=\"").append(num(size))
                .append("\" text-anchor=\"middle\" fill=\"#222222\" transform=\"rotate(-90 ")
                .append(num(x)).append(' ').append(num(y)).append(")\">");
        if (fullText != null && !fullText.equals(text)) {
            sb.append("<title>").append(Xml.escape(fullText)).append("</title>");
        }
        sb.append(Xml.escape(text)).append("</text>\n");
    }

    String finish() {
        return sb.append("</svg>\n").toString();
    }

    private void dash(String dash) {
        if (dash != null && !dash.isEmpty()) {
            sb.append(" stroke-dasharray=\"").append(dash).append('"');
        }
    }

    private void points(double[] xs, double[] ys, int n) {
        sb.append(" points=\"");
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(num(xs[i])).append(',').append(num(ys[i]));
        }
        sb.append('"');
    }

    /** Two decimals, no exponent, no "-0": sub-pixel precision is all a screen can show. */
    static String num(double v) {
        long r = Math.round(v * 100);
        if (r == 0) {
            return "0";
        }
        String sign = r < 0 ? "-" : "";
        long a = Math.abs(r);
        long whole = a / 100;
        long frac = a % 100;
        if (frac == 0) {
            return sign + whole;
        }
        return sign + whole + (frac % 10 == 0 ? "." + frac / 10 : (frac < 10 ? ".0" : ".") + frac);
    }
}
