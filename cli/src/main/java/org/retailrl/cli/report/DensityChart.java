package org.retailrl.cli.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Kernel-density curves of several samples on one axis, e.g. episode rewards per policy (seed 002
 * Fig. 2), each estimated by {@link KernelDensity} with Silverman's rule-of-thumb bandwidth, which
 * the legend states next to each name as {@code h = ...}. The curves are evaluated on 200 equally
 * spaced points from 3 bandwidths below the smallest to 3 above the largest observation of all
 * samples. The y axis is probability density in 1/(unit of the values).
 *
 * @param title       chart title ("" for none)
 * @param valueLabel  x-axis label with units, e.g. {@code "episode reward (currency)"}
 * @param samples     the samples; an empty one appears in the legend only
 * @param width       canvas width in pixels, [240, 10000]
 * @param height      canvas height in pixels, [160, 10000]
 */
public record DensityChart(String title, String valueLabel, List<Sample> samples, int width, int height) {
    static final int GRID = 200;

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
        List<KernelDensity> kdes = new ArrayList<>();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Sample s : samples) {
            if (s.values.length == 0) {
                kdes.add(null);
                continue;
            }
            KernelDensity k = KernelDensity.silverman(s.values);
            kdes.add(k);
            lo = Math.min(lo, k.min() - 3 * k.bandwidth());
            hi = Math.max(hi, k.max() + 3 * k.bandwidth());
        }
        double[] grid = new double[GRID];
        if (lo < hi) {
            for (int i = 0; i < GRID; i++) {
                grid[i] = lo + (hi - lo) * i / (GRID - 1);
            }
        }
        List<Series> series = new ArrayList<>();
        for (int i = 0; i < samples.size(); i++) {
            KernelDensity k = kdes.get(i);
            String name = samples.get(i).name();
            if (k == null) {
                series.add(Series.of(name + " (no data)", new double[0], new double[0]));
            } else {
                series.add(Series.of(name + " (h = " + Ticks.significant(k.bandwidth(), 3) + ")", grid,
                        k.density(grid)));
            }
        }
        return XYPlot.render(title, valueLabel, List.of(new XYPlot.Panel("density (per unit of x)", series)), false,
                width, height);
    }
}
