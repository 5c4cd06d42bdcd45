package org.retailrl.cli.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Kernel-density curves of several samples on one axis, e.g. episode rewards per policy in the
 * recommendation scenarios of docs/model.md §3 (Jiang et al. Fig. 2), each estimated by
 * {@link KernelDensity} with Silverman's rule-of-thumb bandwidth, which the legend states next to
 * each name as {@code h = ...}. Each curve is evaluated on its own grid
 * (see {@link #grid}), so a narrow estimate next to a wide one is not under-sampled. The y axis is
 * probability density in 1/(unit of the values).
 *
 * @param title       chart title ("" for none)
 * @param valueLabel  x-axis label with units, e.g. {@code "episode reward (currency)"}
 * @param samples     the samples; an empty one appears in the legend only
 * @param width       canvas width in pixels, [240, 10000]
 * @param height      canvas height in pixels, [160, 10000]
 */
public record DensityChart(String title, String valueLabel, List<Sample> samples, int width, int height) {
    static final int MIN_GRID = 200;
    static final int MAX_GRID = 4000;

    /**
     * One named sample.
     *
     * @param name   legend label
     * @param values observations (copied); NaN or ∞ is refused naming the sample and index
     */
    public record Sample(String name, double[] values) {
        /** Validates and copies. */
        public Sample {
            if (name == null || values == null) {
                throw new IllegalArgumentException("name and values must not be null");
            }
            values = values.clone();
            Series.finite(name, "values", values);
        }

        @Override
        public double[] values() {
            return values.clone();
        }
    }

    /** Validates the fields; see the parameter descriptions for the allowed values. */
    public DensityChart {
        XYPlot.text("title", title);
        XYPlot.text("valueLabel", valueLabel);
        if (samples == null || XYPlot.hasNull(samples)) {
            throw new IllegalArgumentException("samples must be a list without null elements");
        }
        samples = List.copyOf(samples);
        XYPlot.checkSize(width, height);
    }

    /** A 720 × 420 chart. */
    public static DensityChart of(String title, String valueLabel, List<Sample> samples) {
        return new DensityChart(title, valueLabel, samples, 720, 420);
    }

    /** The chart as a standalone SVG document. */
    public String svg() {
        List<Series> series = new ArrayList<>();
        for (Sample s : samples) {
            if (s.values.length == 0) {
                series.add(Series.of(s.name() + " (no data)", new double[0], new double[0]));
                continue;
            }
            KernelDensity k = KernelDensity.silverman(s.values);
            double[] grid = grid(k);
            series.add(Series.of(s.name() + " (h = " + Ticks.significant(k.bandwidth(), 3) + ")", grid,
                    k.density(grid)));
        }
        return XYPlot.render(title, valueLabel, List.of(new XYPlot.Panel("density (per unit of x)", series)), false,
                width, height);
    }

    /**
     * Evaluation points for one estimate: from 3 h below its smallest to 3 h above its largest
     * observation, at most h/3 apart (so no bump of width h falls between two points), with at
     * least {@value #MIN_GRID} and at most {@value #MAX_GRID} points.
     */
    static double[] grid(KernelDensity k) {
        double lo = k.min() - 3 * k.bandwidth();
        double hi = k.max() + 3 * k.bandwidth();
        double need = Math.ceil((hi / 2 - lo / 2) / (k.bandwidth() / 3) * 2) + 1;
        int n = (int) Math.max(MIN_GRID, Math.min(MAX_GRID, need));
        double[] g = new double[n];
        for (int i = 0; i < n; i++) {
            g[i] = lo + (hi / 2 - lo / 2) * (2.0 * i / (n - 1)); // halves: no overflow near ±MAX_VALUE
        }
        return g;
    }
}
