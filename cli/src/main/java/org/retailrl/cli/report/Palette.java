package org.retailrl.cli.report;

/**
 * The Okabe–Ito colour palette (Okabe and Ito 2008, "Color Universal Design"), distinguishable
 * under the common forms of colour-vision deficiency; black is left out because axes use it.
 * Series beyond the seventh reuse the colours with a dash pattern, so no two series look alike.
 * Presentation only: it implements no equation of docs/model.md.
 */
public final class Palette {
    private static final String[] COLOURS = {
        "#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442",
    };
    private static final String[] DASHES = {"", "6 3", "2 2", "8 3 2 3"};

    private Palette() {
    }

    /** Number of distinct colours before the dash patterns start. */
    public static int size() {
        return COLOURS.length;
    }

    /** Colour of the {@code index}-th series as a {@code #RRGGBB} string. */
    public static String colour(int index) {
        if (index < 0) {
            throw new IllegalArgumentException("index must be >= 0, got " + index);
        }
        return COLOURS[index % COLOURS.length];
    }

    /** SVG {@code stroke-dasharray} of the {@code index}-th series; empty for solid lines. */
    public static String dash(int index) {
        if (index < 0) {
            throw new IllegalArgumentException("index must be >= 0, got " + index);
        }
        return DASHES[(index / COLOURS.length) % DASHES.length];
    }
}
