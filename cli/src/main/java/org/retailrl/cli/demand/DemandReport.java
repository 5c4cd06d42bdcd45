package org.retailrl.cli.demand;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.retailrl.cli.report.BarChart;
import org.retailrl.cli.report.HtmlReport;
import org.retailrl.cli.report.LineChart;
import org.retailrl.cli.report.Series;
import org.retailrl.core.io.AtomicFiles;
import org.retailrl.envs.gbdt.GbdtModel;
import org.retailrl.envs.gbdt.GbdtModelFile;

/**
 * The report folder of {@code retail demand fit} (docs/model.md §5): {@code model.gbdt} (the refitted
 * trees), {@code metrics.csv} (holdout scores of the three models), {@code importance.svg} (share
 * of total split gain of the 20 strongest features), {@code pd-own-price.svg} (mean predicted
 * demand against own price, one line per product group) and {@code report.html} with all of it.
 * Every file is written atomically.
 */
public final class DemandReport {
    /** Features shown in the importance chart. */
    static final int TOP_FEATURES = 20;

    private DemandReport() {
    }

    /** The holdout table as text lines (header first), as printed. */
    public static List<String> table(DemandFit.Result r) {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "%-40s %10s %10s %8s%s", "model", "RMSE", "MAE", "R^2",
                r.counts() ? String.format(Locale.ROOT, " %12s", "Poisson dev") : ""));
        for (DemandFit.Score s : r.scores()) {
            FitMetrics m = s.metrics();
            lines.add(String.format(Locale.ROOT, "%-40s %10.4f %10.4f %8.4f%s", s.model(), m.rmse(), m.mae(), m.r2(),
                    r.counts() ? String.format(Locale.ROOT, " %12.4f", m.poissonDeviance()) : ""));
        }
        return lines;
    }

    /** Writes every file into {@code dir} (created if needed). */
    public static void write(Path dir, DemandFit.Result r, String target, String command) throws IOException {
        Files.createDirectories(dir);
        GbdtModelFile.save(r.model(), dir.resolve("model.gbdt"));
        StringBuilder csv = new StringBuilder("model,rmse,mae,r2,poisson_deviance,holdout_rows\n");
        for (DemandFit.Score s : r.scores()) {
            FitMetrics m = s.metrics();
            csv.append(String.format(Locale.ROOT, "\"%s\",%.6f,%.6f,%.6f,%s,%d%n", s.model(), m.rmse(), m.mae(), m.r2(),
                    Double.isNaN(m.poissonDeviance()) ? "" : String.format(Locale.ROOT, "%.6f", m.poissonDeviance()),
                    m.rows()));
        }
        AtomicFiles.writeString(dir.resolve("metrics.csv"), csv.toString());
        String importance = importanceChart(r.model());
        AtomicFiles.writeString(dir.resolve("importance.svg"), importance);
        String pd = r.pd().isEmpty() ? null : pdChart(r.pd(), target);
        if (pd != null) {
            AtomicFiles.writeString(dir.resolve("pd-own-price.svg"), pd);
        }
        HtmlReport html = new HtmlReport("Demand model: " + target);
        html.metadata("command", command).metadata("split", r.split())
                .metadata("rows", r.trainRows() + " train, " + r.testRows() + " holdout, " + r.droppedRows()
                        + " without a target")
                .metadata("features", String.join(", ", r.features()));
        html.heading(2, "Holdout accuracy");
        List<List<String>> rows = new ArrayList<>();
        for (DemandFit.Score s : r.scores()) {
            FitMetrics m = s.metrics();
            List<String> row = new ArrayList<>(List.of(s.model(), f4(m.rmse()), f4(m.mae()), f4(m.r2())));
            if (r.counts()) {
                row.add(f4(m.poissonDeviance()));
            }
            rows.add(row);
        }
        List<String> header = new ArrayList<>(List.of("model", "RMSE", "MAE", "R²"));
        if (r.counts()) {
            header.add("Poisson deviance");
        }
        html.table("Holdout scores of the three models (target " + target + ")", header, rows);
        html.heading(2, "What the trees use");
        html.figure(importance, "Share of the total split gain per feature (top " + TOP_FEATURES + ").");
        if (pd != null) {
            html.heading(2, "Demand against own price");
            html.figure(pd, "Partial dependence: mean predicted " + target
                    + " over holdout rows when only the own price (and what follows from it) changes.");
        }
        html.write(dir.resolve("report.html"));
    }

    private static String f4(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }

    static String importanceChart(GbdtModel m) {
        double[] gain = m.importanceGain();
        double total = 0;
        for (double g : gain) {
            total += g;
        }
        List<Integer> order = new ArrayList<>();
        for (int f = 0; f < gain.length; f++) {
            order.add(f);
        }
        order.sort(Comparator.comparingDouble((Integer f) -> -gain[f]).thenComparing(f -> f));
        List<BarChart.Bar> bars = new ArrayList<>();
        int[] splits = m.importanceSplits();
        for (int i = 0; i < Math.min(TOP_FEATURES, order.size()); i++) {
            int f = order.get(i);
            double share = total > 0 ? 100 * gain[f] / total : 0;
            bars.add(new BarChart.Bar(m.featureNames().get(f) + " (" + splits[f] + " splits)", share, share, share));
        }
        return new BarChart("Feature importance", "share of total split gain (%)", bars, true, 720, 520).svg();
    }

    static String pdChart(List<DemandFit.PdCurve> curves, String target) {
        List<Series> series = new ArrayList<>();
        for (DemandFit.PdCurve c : curves) {
            series.add(Series.of(c.label(), c.price(), c.demand()));
        }
        return LineChart.of("Partial dependence of demand on own price", "own price", "mean predicted " + target, series)
                .svg();
    }
}
