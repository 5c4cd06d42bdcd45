package org.retailrl.cli.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A legend laid out in rows under the plot: entries flow left to right and wrap, and a label too
 * long for a whole row is cut with an ellipsis (the full text stays as a tooltip), so the legend
 * never leaves the width it is given. Its height grows with the number of rows instead.
 */
final class Legend {
    static final double FONT = 12;
    static final double ROW = 18;
    private static final double SWATCH = 20;
    private static final double GAP = 6;
    private static final double SPACING = 16;

    /** One legend entry; {@code dash} is an SVG dash array or empty. */
    record Entry(String label, String colour, String dash) {
    }

    private record Placed(Entry entry, String shown, double x, int row) {
    }

    private final List<Placed> placed = new ArrayList<>();
    private final int rows;

    Legend(List<Entry> entries, double width) {
        double maxText = Math.max(0, width - SWATCH - GAP);
        double x = 0;
        int row = 0;
        for (Entry e : entries) {
            String shown = TextMetrics.fit(e.label(), maxText, FONT);
            double w = SWATCH + GAP + TextMetrics.width(shown, FONT);
            if (x > 0 && x + w > width) {
                row++;
                x = 0;
            }
            placed.add(new Placed(e, shown, x, row));
            x += w + SPACING;
        }
        rows = entries.isEmpty() ? 0 : row + 1;
    }

    double height() {
        return rows * ROW;
    }

    /** Draws the legend with its top left corner at (left, top). */
    void draw(SvgCanvas svg, double left, double top) {
        for (Placed p : placed) {
            double cy = top + p.row() * ROW + ROW / 2;
            double x = left + p.x();
            svg.line(x, cy, x + SWATCH, cy, p.entry().colour(), 3, p.entry().dash());
            svg.text(x + SWATCH + GAP, cy + FONT * 0.35, p.shown(), FONT, "start", false, p.entry().label());
        }
    }
}
