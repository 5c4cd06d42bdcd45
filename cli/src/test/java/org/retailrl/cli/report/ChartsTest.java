package org.retailrl.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** Every chart: well-formed SVG, everything inside the canvas, escaping, bad and empty input. */
class ChartsTest {
    private static final String LONG = "a very long legend label that goes on and on well past the width of any "
            + "reasonable canvas, with more words, and still more words, and even more words after that";

    private static double[] ramp(int n, double a, double b) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = a + (b - a) * i / Math.max(1, n - 1);
        }
        return v;
    }

    private static LineChart line(List<Series> s) {
        return LineChart.of("Learning curves", "training episodes", "profit per episode (currency)", s);
    }

    @Test
    void lineChartWithBandIsWellFormedAndInside() {
        double[] x = ramp(50, 20, 1000);
        double[] y = ramp(50, 0, 1000);
        double[] lo = ramp(50, -60, 940);
        double[] hi = ramp(50, 60, 1060);
        String svg = line(List.of(new Series("seed 1", x, y, lo, hi), Series.of("seed 2", x, ramp(50, 10, 990)))).svg();
        Document doc = SvgAssertions.assertInside(svg);
        SvgAssertions.assertNoTextOverlap(svg);
        assertEquals(1, doc.getElementsByTagName("polygon").getLength());
        assertEquals(2, doc.getElementsByTagName("polyline").getLength());
        assertTrue(svg.contains(">training episodes</text>") && svg.contains(">1000</text>"), svg);
    }

    @Test
    void longLegendLabelsAndManySeriesStayInsideTheCanvas() {
        List<Series> s = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            s.add(Series.indexed((i % 3 == 0 ? LONG : "seed " + i), ramp(10, i, 2 * i)));
        }
        String svg = new LineChart(LONG, LONG, LONG, s, 300, 200).svg();
        Document doc = SvgAssertions.assertInside(svg);
        SvgAssertions.assertNoTextOverlap(svg);
        assertTrue(Double.parseDouble(doc.getDocumentElement().getAttribute("height")) > 200,
                "the canvas grows instead of squeezing the plot");
        assertTrue(svg.contains("\u2026"), "long labels are cut with an ellipsis");
    }

    @Test
    void extremeValuesStayInside() {
        Series big = Series.of("big", new double[] {-1e300, 1e300}, new double[] {1e300, -1e300});
        Series tiny = Series.of("tiny", new double[] {1e-300, 2e-300}, new double[] {-1e-300, 5e-301});
        SvgAssertions.assertInside(line(List.of(big)).svg());
        SvgAssertions.assertInside(line(List.of(tiny)).svg());
        SvgAssertions.assertInside(line(List.of(Series.of("offset", new double[] {1e9, 1e9 + 1},
                new double[] {123456.5, 123456.75}))).svg());
        SvgAssertions.assertInside(new BarChart("", "", List.of(BarChart.Bar.symmetric("x", -1e300, 1e299)), true,
                400, 300).svg());
    }

    @Test
    void nanOrInfinityNamesTheSeriesAndIndex() {
        double[] y = {1, 2, 3, Double.NaN};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Series.of("FSDA", new double[] {1, 2, 3, 4}, y));
        assertTrue(e.getMessage().contains("'FSDA'") && e.getMessage().contains("y[3]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Series.of("Myopic",
                new double[] {0, Double.POSITIVE_INFINITY}, new double[] {1, 2}));
        assertTrue(e.getMessage().contains("'Myopic'") && e.getMessage().contains("x[1]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new DensityChart.Sample("MTMA", new double[] {1, 2, Double.NEGATIVE_INFINITY}));
        assertTrue(e.getMessage().contains("'MTMA'") && e.getMessage().contains("values[2]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> BarChart.Bar.symmetric("PPO", Double.NaN, 1));
        assertTrue(e.getMessage().contains("'PPO'"), e.getMessage());
    }

    @Test
    void inconsistentInputIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Series.of("s", new double[] {1, 2}, new double[] {1}));
        assertTrue(e.getMessage().contains("same length"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new Series("s", new double[] {1}, new double[] {1}, new double[] {2}, new double[] {0}));
        assertTrue(e.getMessage().contains("lower[0]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new BarChart.Bar("b", 5, 6, 7));
        assertTrue(e.getMessage().contains("lower <= value <= upper"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new LineChart("", "", "", List.of(), 100, 400));
        assertTrue(e.getMessage().contains("width must be in [240, 10000]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> TrajectoryChart.of("", "", List.of(), false));
        assertTrue(e.getMessage().contains("panels"), e.getMessage());
    }

    @Test
    void emptyInputDrawsAxesAndSaysNoData() {
        for (String svg : List.of(line(List.of()).svg(), line(List.of(Series.of("empty", new double[0],
                new double[0]))).svg(), BarChart.of("t", "v", List.of()).svg(),
                DensityChart.of("t", "v", List.of(new DensityChart.Sample("none", new double[0]))).svg())) {
            SvgAssertions.assertInside(svg);
            assertTrue(svg.contains(">no data</text>"), svg);
        }
    }

    @Test
    void textIsEscaped() {
        String evil = "<script>alert('x')</script> & \"q\" \u0001";
        String svg = line(List.of(Series.indexed(evil, new double[] {1, 2}))).svg();
        SvgAssertions.assertInside(svg);
        assertFalse(svg.contains("<script"), svg);
        assertTrue(svg.contains("&lt;script&gt;"), svg);
    }

    @Test
    void barChartsHandleNegativeValuesBothWays() {
        List<BarChart.Bar> bars = List.of(BarChart.Bar.symmetric("FSDA", 1234.5, 80),
                BarChart.Bar.symmetric("BSLP", -120, 90), new BarChart.Bar("PPO", 1100, 1100, 1100),
                BarChart.Bar.symmetric(LONG, 700, 40));
        for (boolean horizontal : new boolean[] {false, true}) {
            String svg = new BarChart("Mean profit \u00b1 95% CI", "mean profit (currency)", bars, horizontal, 600,
                    360).svg();
            Document doc = SvgAssertions.assertInside(svg);
            SvgAssertions.assertNoTextOverlap(svg);
            // background + one bar each
            assertEquals(1 + bars.size(), doc.getElementsByTagName("rect").getLength());
            assertTrue(svg.matches("(?s).*>-\\d+</text>.*"), "a negative tick: " + svg);
            assertTrue(svg.contains(">0</text>"), svg);
        }
    }

    @Test
    void trajectoryPanelsShareXAndColoursByName() {
        double[] t = ramp(100, 1, 100);
        Series fp = Series.of("FSDA", t, ramp(100, 10, 12));
        Series mp = Series.of("Myopic", t, ramp(100, 11, 9));
        Series fi = Series.of("FSDA", t, ramp(100, 80, 20));
        Series mi = Series.of("Myopic", t, ramp(100, 0, 90));
        TrajectoryChart c = TrajectoryChart.of("Price and inventory", "period", List.of(
                new TrajectoryChart.Panel("price (currency/unit)", List.of(fp, mp)),
                new TrajectoryChart.Panel("inventory (units)", List.of(mi, fi))), true);
        String svg = c.svg();
        Document doc = SvgAssertions.assertInside(svg);
        SvgAssertions.assertNoTextOverlap(svg);
        var lines = doc.getElementsByTagName("polyline");
        assertEquals(4, lines.getLength());
        String fsdaColour = ((org.w3c.dom.Element) lines.item(0)).getAttribute("stroke");
        assertEquals(fsdaColour, ((org.w3c.dom.Element) lines.item(3)).getAttribute("stroke"));
        // a step line has 2n - 1 vertices
        assertEquals(199, ((org.w3c.dom.Element) lines.item(0)).getAttribute("points").split(" ").length);
        assertEquals(1, svg.split(">period</text>", -1).length - 1, "one shared x label");
    }

    @Test
    void densityChartStatesTheBandwidth() {
        double[] a = {1, 2, 3, 4, 5};
        String svg = DensityChart.of("Episode rewards", "reward (currency)",
                List.of(new DensityChart.Sample("MTMA", a))).svg();
        SvgAssertions.assertInside(svg);
        SvgAssertions.assertNoTextOverlap(svg);
        assertTrue(svg.contains("MTMA (h = 0.974)"), svg);
    }

    @Test
    void densityGridResolvesANarrowSampleNextToAWideOne() {
        double[] narrow = {0, 0.5, 1, 1.5, 2};
        double[] wide = new double[50];
        for (int i = 0; i < wide.length; i++) {
            wide[i] = -5000 + 10_000.0 * i / 49;
        }
        KernelDensity k = KernelDensity.silverman(narrow);
        double[] g = DensityChart.grid(k);
        assertTrue(g.length >= DensityChart.MIN_GRID && g[1] - g[0] <= k.bandwidth() / 3 + 1e-12, "spacing " + (g[1] - g[0]));
        assertEquals(k.min() - 3 * k.bandwidth(), g[0], 1e-12);
        assertEquals(k.max() + 3 * k.bandwidth(), g[g.length - 1], 1e-9);
        SvgAssertions.assertInside(DensityChart.of("", "reward (currency)", List.of(new DensityChart.Sample("narrow",
                narrow), new DensityChart.Sample("wide", wide), new DensityChart.Sample("huge",
                new double[] {-1e300, 1e300}))).svg());
    }

    @Test
    void manyBarsInASmallCanvasStayInside() {
        List<BarChart.Bar> bars = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            bars.add(BarChart.Bar.symmetric("policy number " + i, i - 30, 2));
        }
        for (boolean horizontal : new boolean[] {false, true}) {
            String svg = new BarChart("t", "v (units)", bars, horizontal, 240, 160).svg();
            SvgAssertions.assertInside(svg);
            SvgAssertions.assertNoTextOverlap(svg);
        }
    }

    @Test
    void sameInputSameBytes() {
        List<Series> s = List.of(Series.indexed("a", ramp(30, -3, 7)));
        assertEquals(line(s).svg(), line(s).svg());
    }

    /** Arbitrary labels and finite values, at any reasonable size: well-formed, inside the canvas, no text overlaps. */
    @Property(tries = 60, seed = "20261124")
    void anyTextAndValuesStayInside(@ForAll @StringLength(max = 200) String label,
            @ForAll @DoubleRange(min = -1e12, max = 1e12) double a, @ForAll @DoubleRange(min = -1e12, max = 1e12) double b,
            @ForAll @IntRange(min = 240, max = 1200) int width, @ForAll @IntRange(min = 160, max = 900) int height) {
        Series s = Series.of(label, new double[] {a, b, a / 2}, new double[] {b, a, 0});
        List<String> svgs = List.of(
                new LineChart(label, label, label, List.of(s, Series.indexed(label + "2", new double[] {a})), width,
                        height).svg(),
                new BarChart(label, label, List.of(new BarChart.Bar(label, a, Math.min(a, b), Math.max(a, b))), b > 0,
                        width, height).svg(),
                TrajectoryChart.of(label, label, List.of(new TrajectoryChart.Panel(label, List.of(s)),
                        new TrajectoryChart.Panel("", List.of(s))), a > 0).svg(),
                new DensityChart(label, label, List.of(new DensityChart.Sample(label, new double[] {a, b})), width,
                        height).svg());
        for (String svg : svgs) {
            SvgAssertions.assertInside(svg);
            SvgAssertions.assertNoTextOverlap(svg);
        }
    }
}
