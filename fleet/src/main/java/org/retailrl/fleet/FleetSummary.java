package org.retailrl.fleet;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.retailrl.algorithms.recommendation.Spread;
import org.retailrl.cli.report.BarChart;
import org.retailrl.cli.report.DensityChart;
import org.retailrl.cli.report.HtmlReport;
import org.retailrl.core.io.AtomicFiles;

/**
 * The fleet's summary (docs/fleet.md): the distribution across series of the reported learner's
 * paired improvement over each series' best heuristic (docs/model.md §8 evaluation protocol) —
 * median, quartiles, share above zero — the worst and best series, and the failures with their
 * reasons, as {@code summary.txt}, {@code improvement.svg} (kernel density), {@code extremes.svg}
 * and {@code summary.html}.
 */
public final class FleetSummary {
    /** Series shown at each end of the ranking. */
    static final int EXTREMES = 5;

    private final List<SeriesResult> rows;
    private final List<SeriesResult> ok;
    private final double[] improvement;

    /** The summary of {@code rows} (every series of the run). */
    public FleetSummary(List<SeriesResult> rows) {
        this.rows = List.copyOf(rows);
        List<SeriesResult> good = new ArrayList<>();
        for (SeriesResult r : rows) {
            if (r.ok() && Double.isFinite(r.improvementPct())) {
                good.add(r);
            }
        }
        good.sort(Comparator.comparingDouble(SeriesResult::improvementPct).thenComparing(SeriesResult::series));
        this.ok = List.copyOf(good);
        this.improvement = ok.stream().mapToDouble(SeriesResult::improvementPct).toArray();
    }

    /** The improvements of the evaluated series, ascending. */
    public double[] improvements() {
        return improvement.clone();
    }

    /** The {@code q}-quantile of the improvements (NaN when none). */
    public double quantile(double q) {
        return improvement.length == 0 ? Double.NaN : Spread.quantile(improvement, q);
    }

    /** The share of evaluated series whose improvement is above zero (NaN when none). */
    public double sharePositive() {
        if (improvement.length == 0) {
            return Double.NaN;
        }
        int n = 0;
        for (double v : improvement) {
            n += v > 0 ? 1 : 0;
        }
        return n / (double) improvement.length;
    }

    /** The share whose whole 95% interval lies above zero (NaN when none). */
    public double shareSignificant() {
        if (ok.isEmpty()) {
            return Double.NaN;
        }
        int n = 0;
        for (SeriesResult r : ok) {
            n += r.improvementPct() - r.improvementHalfWidthPct() > 0 ? 1 : 0;
        }
        return n / (double) ok.size();
    }

    /** The failed series. */
    public List<SeriesResult> failures() {
        return rows.stream().filter(r -> !r.ok()).toList();
    }

    /** The summary as text; {@code header} lines (settings, timings) come first. */
    public String text(List<String> header) {
        StringBuilder sb = new StringBuilder();
        for (String h : header) {
            sb.append(h).append('\n');
        }
        String policy = ok.isEmpty() ? "policy" : ok.get(0).policy();
        sb.append(String.format(Locale.ROOT, "series: %d, evaluated %d, failed %d%n", rows.size(), ok.size(),
                failures().size()));
        sb.append(String.format(Locale.ROOT, "%s vs the best heuristic of each series (paired improvement, %%): "
                        + "median %.2f, quartiles %.2f .. %.2f, min %.2f, max %.2f; above zero in %.1f%% of series, "
                        + "significantly (95%% interval above zero) in %.1f%%%n", policy, quantile(0.5),
                quantile(0.25), quantile(0.75), quantile(0), quantile(1), 100 * sharePositive(),
                100 * shareSignificant()));
        if (!ok.isEmpty()) {
            sb.append("worst series:\n");
            for (SeriesResult r : worst()) {
                sb.append("  ").append(line(r)).append('\n');
            }
            sb.append("best series:\n");
            for (SeriesResult r : best()) {
                sb.append("  ").append(line(r)).append('\n');
            }
        }
        if (!failures().isEmpty()) {
            sb.append("failures:\n");
            for (SeriesResult r : failures()) {
                sb.append("  ").append(r.series()).append(": ").append(r.reason()).append('\n');
            }
        }
        return sb.toString();
    }

    private static String line(SeriesResult r) {
        return String.format(Locale.ROOT, "%-9s %+9.2f%% ± %.2f  (%s %.0f, %s %.0f)", r.series(), r.improvementPct(),
                r.improvementHalfWidthPct(), r.policy(), r.policyMean(), r.bestHeuristic(), r.heuristicMean());
    }

    List<SeriesResult> worst() {
        return ok.subList(0, Math.min(EXTREMES, ok.size()));
    }

    List<SeriesResult> best() {
        List<SeriesResult> b = new ArrayList<>(ok.subList(Math.max(0, ok.size() - EXTREMES), ok.size()));
        java.util.Collections.reverse(b);
        return b;
    }

    /** The density of the improvements across series. */
    public String distributionSvg() {
        String policy = ok.isEmpty() ? "policy" : ok.get(0).policy();
        return DensityChart.of(policy + " vs the best heuristic, across series",
                "paired improvement over the series' best heuristic (%)",
                List.of(new DensityChart.Sample(improvement.length + " series", improvement))).svg();
    }

    /** The worst and best series' improvements with their 95% intervals. */
    public String extremesSvg() {
        List<BarChart.Bar> bars = new ArrayList<>();
        for (SeriesResult r : worst()) {
            bars.add(BarChart.Bar.symmetric(r.series(), r.improvementPct(), r.improvementHalfWidthPct()));
        }
        List<SeriesResult> best = best();
        for (int i = best.size() - 1; i >= 0; i--) {
            if (!worst().contains(best.get(i))) {
                bars.add(BarChart.Bar.symmetric(best.get(i).series(), best.get(i).improvementPct(),
                        best.get(i).improvementHalfWidthPct()));
            }
        }
        return BarChart.of("worst and best series", "improvement over the best heuristic (%)", bars).svg();
    }

    /** Writes summary.txt, improvement.svg, extremes.svg and summary.html into {@code dir}. */
    public void write(Path dir, List<String> header) throws IOException {
        String text = text(header);
        AtomicFiles.writeString(dir.resolve("summary.txt"), text);
        HtmlReport page = new HtmlReport("Fleet summary");
        for (String h : header) {
            int colon = h.indexOf(':');
            if (colon > 0) {
                page.metadata(h.substring(0, colon).strip(), h.substring(colon + 1).strip());
            }
        }
        page.paragraph(text.lines().filter(l -> l.startsWith("series:") || l.contains("best heuristic of each"))
                .reduce("", (a, b) -> a + b + " "));
        if (improvement.length > 0) {
            String dist = distributionSvg();
            String ext = extremesSvg();
            AtomicFiles.writeString(dir.resolve("improvement.svg"), dist);
            AtomicFiles.writeString(dir.resolve("extremes.svg"), ext);
            page.figure(dist, "Distribution across series of the paired improvement over each series' best heuristic "
                    + "(kernel density).");
            page.figure(ext, "The worst and best series, with 95% intervals over the evaluation episodes.");
        }
        List<List<String>> fails = new ArrayList<>();
        for (SeriesResult r : failures()) {
            fails.add(List.of(r.series(), r.reason()));
        }
        if (!fails.isEmpty()) {
            page.table("Failed series", List.of("series", "reason"), fails);
        }
        page.write(dir.resolve("summary.html"));
    }
}
