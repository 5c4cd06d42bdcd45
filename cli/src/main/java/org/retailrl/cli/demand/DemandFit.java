package org.retailrl.cli.demand;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.retailrl.envs.gbdt.Dataset;
import org.retailrl.envs.gbdt.GbdtConfig;
import org.retailrl.envs.gbdt.GbdtModel;
import org.retailrl.envs.gbdt.GbdtTrainer;
import org.retailrl.envs.gbdt.Objective;

/**
 * The demand-fitting pipeline of docs/model.md §5 on any CSV with named columns: split the rows
 * (chronologically by default), build features ({@link ScannerFeatures} when the data has the
 * scanner layout), fit the gradient-boosted trees with early stopping on the last training
 * periods, refit on all training rows with the chosen number of trees, fit the two
 * {@link Baselines}, and score all three on the holdout ({@link FitMetrics}); also the feature
 * importance and partial-dependence curves of demand on own price.
 *
 * <p>Default split: {@code COL <= v} on the first of the columns {@code week, date, period, time}
 * that exists, with {@code v} the value at 80% of its distinct values; without such a column the
 * first 80% of the rows train. Early stopping watches the last 15% of the training periods (rows).
 */
public final class DemandFit {
    /** Names recognised as the time column, in order of preference. */
    static final List<String> TIME_COLUMNS = List.of("week", "date", "period", "time");

    /**
     * What to fit.
     *
     * @param data            the CSV (plain or gzip)
     * @param target          target column
     * @param features        feature columns, or {@code null} for the default set
     * @param categorical     columns to treat as categories (added to the features)
     * @param objective       L2 or Poisson
     * @param split           {@code COL<=VALUE}, or {@code null} for the chronological default
     * @param stores          a stores file to join (scanner layout only), or {@code null}
     * @param config          the learner's settings ({@code numTrees} is the most early stopping allows)
     */
    public record Options(Path data, String target, List<String> features, List<String> categorical,
            Objective objective, String split, Path stores, GbdtConfig config) {
    }

    /** One model's holdout scores. */
    public record Score(String model, FitMetrics metrics) {
    }

    /** Mean predicted demand (target units) against own price, for one product group. */
    public record PdCurve(String label, double[] price, double[] demand) {
    }

    /**
     * The outcome.
     *
     * @param split         how the rows were split, in words
     * @param trainRows     training rows (early-stopping rows included)
     * @param testRows      holdout rows
     * @param droppedRows   rows without a target value
     * @param features      the model's features
     * @param categorical   which of them are categorical
     * @param scanner       whether the scanner-data features were built
     * @param model         the refitted tree model
     * @param scores        per-series mean, log-log regression, trees (in that order)
     * @param pd            partial-dependence curves on own price (may be empty)
     * @param counts        whether the target is a count (deviance reported)
     */
    public record Result(String split, int trainRows, int testRows, int droppedRows, List<String> features,
            boolean[] categorical, boolean scanner, GbdtModel model, List<Score> scores, List<PdCurve> pd,
            boolean counts) {
    }

    private DemandFit() {
    }

    /** Runs the pipeline; progress lines go to {@code log}. */
    public static Result run(Options o, PrintStream log) throws IOException {
        CsvTable table = CsvTable.read(o.data());
        CsvTable stores = o.stores() == null ? null : CsvTable.read(o.stores());
        int n = table.rows();
        double[] y = table.numeric(o.target());
        boolean[] usable = new boolean[n];
        int dropped = 0;
        for (int r = 0; r < n; r++) {
            usable[r] = y[r] == y[r];
            if (!usable[r]) {
                dropped++;
            } else if (Double.isInfinite(y[r])) {
                throw new IllegalArgumentException("column '" + o.target() + "' is infinite at data row " + (r + 1));
            }
        }
        boolean[] train = new boolean[n];
        boolean[] test = new boolean[n];
        String timeCol = timeColumn(table);
        String split = split(table, o.split(), timeCol, usable, train, test);

        boolean scanner = ScannerFeatures.detect(table);
        ScannerFeatures sf = null;
        if (scanner) {
            sf = ScannerFeatures.build(table, o.target(), train, stores);
            table = sf.table();
        } else if (stores != null) {
            throw new IllegalArgumentException("--stores needs the scanner-data layout (columns store, brand, week, "
                    + "price1.., deal, feat), which " + o.data() + " does not have");
        }
        List<String> features = chooseFeatures(table, o, sf);
        Set<String> cats = new LinkedHashSet<>(o.categorical());
        boolean[] isCat = new boolean[features.size()];
        double[][] cols = new double[features.size()][];
        for (int f = 0; f < features.size(); f++) {
            String name = features.get(f);
            isCat[f] = cats.contains(name);
            cols[f] = isCat[f] ? table.column(name) : table.numeric(name);
            for (int r = 0; r < n; r++) {
                if (usable[r] && Double.isInfinite(cols[f][r])) {
                    throw new IllegalArgumentException("column '" + name + "' is infinite at data row " + (r + 1));
                }
            }
        }
        if (o.objective() != Objective.L2) {
            for (int r = 0; r < n; r++) {
                if (usable[r] && y[r] < 0) {
                    throw new IllegalArgumentException("column '" + o.target() + "' is " + y[r] + " at data row " + (r + 1)
                            + "; the " + o.objective().name().toLowerCase(Locale.ROOT) + " objective needs values >= 0");
                }
            }
        }

        // Early stopping on the last 15% of the training periods.
        boolean[] fitRows = train.clone();
        boolean[] validRows = new boolean[n];
        holdOutLast(table, timeCol, train, fitRows, validRows);
        Dataset fitSet = gather(features, cols, isCat, y, fitRows);
        Dataset validSet = gather(features, cols, isCat, y, validRows);
        Dataset trainSet = gather(features, cols, isCat, y, train);
        GbdtConfig cfg = o.config();
        long t0 = System.nanoTime();
        int[] last = {0};
        GbdtModel probe = GbdtTrainer.train(fitSet, validSet, cfg, (t, loss) -> {
            if (t % 100 == 0) {
                log.printf(Locale.ROOT, "  round %d  validation loss %.5f%n", t, loss);
            }
            last[0] = t;
        });
        int trees = probe.numTrees();
        log.printf(Locale.ROOT, "early stopping: %d trees (of %d rounds run), %.1f s%n", trees, last[0],
                (System.nanoTime() - t0) / 1e9);
        GbdtModel model = GbdtTrainer.train(trainSet, cfg.toBuilder().numTrees(trees).earlyStoppingRounds(0).build());
        log.printf(Locale.ROOT, "refit on all %d training rows: %.1f s in all%n", trainSet.rows(),
                (System.nanoTime() - t0) / 1e9);

        double[] gbdt = new double[n];
        model.predict(cols, 0, n, gbdt);
        int[] series = seriesIds(table, o.categorical(), scanner);
        int[] group = new int[n];
        List<double[]> prices = new ArrayList<>();
        List<double[]> others = new ArrayList<>();
        if (scanner) {
            double[] brand = table.column("brand");
            for (int r = 0; r < n; r++) {
                group[r] = (int) brand[r];
            }
            for (int b = 1; b <= sf.brands(); b++) {
                prices.add(table.column("price" + b));
            }
            others.add(table.column("deal"));
            others.add(table.column("feat"));
        } else {
            for (int f = 0; f < features.size(); f++) {
                if (!isCat[f] && features.get(f).toLowerCase(Locale.ROOT).contains("price")) {
                    prices.add(cols[f]);
                }
            }
        }
        boolean logTarget = o.target().toLowerCase(Locale.ROOT).startsWith("log");
        boolean counts = true;
        for (int r = 0; r < n; r++) {
            if (usable[r]) {
                logTarget |= y[r] < 0;
                counts &= y[r] >= 0 && y[r] == Math.rint(y[r]);
            }
        }
        double[] mean = Baselines.seriesMean(y, series, train);
        double[] loglog = Baselines.logLog(y, logTarget, prices, others, series, group, train);
        List<Score> scores = List.of(
                new Score("per-series mean", FitMetrics.of(y, mean, test, counts)),
                new Score("log-log regression", FitMetrics.of(y, loglog, test, counts)),
                new Score("gradient-boosted trees (" + trees + " trees)", FitMetrics.of(y, gbdt, test, counts)));
        List<PdCurve> pd = scanner ? scannerPd(table, sf, model, features, cols, train, test)
                : genericPd(model, features, cols, isCat, train, test);
        int trainCount = 0;
        int testCount = 0;
        for (int r = 0; r < n; r++) {
            trainCount += train[r] ? 1 : 0;
            testCount += test[r] ? 1 : 0;
        }
        return new Result(split, trainCount, testCount, dropped, features, isCat, scanner, model, scores, pd, counts);
    }

    static String timeColumn(CsvTable t) {
        for (String want : TIME_COLUMNS) {
            for (String c : t.names()) {
                if (c.equalsIgnoreCase(want) && !t.isText(c)) {
                    return c;
                }
            }
        }
        return null;
    }

    /** Fills the masks; returns the split in words. */
    static String split(CsvTable t, String spec, String timeCol, boolean[] usable, boolean[] train, boolean[] test) {
        int n = t.rows();
        String col;
        double cut;
        if (spec != null) {
            int at = spec.indexOf("<=");
            if (at <= 0 || at + 2 >= spec.length()) {
                throw new IllegalArgumentException("--split must look like COLUMN<=VALUE, got '" + spec + "'");
            }
            col = spec.substring(0, at).trim();
            try {
                cut = Double.parseDouble(spec.substring(at + 2).trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--split " + spec + ": '" + spec.substring(at + 2).trim()
                        + "' is not a number");
            }
        } else if (timeCol != null) {
            col = timeCol;
            TreeSet<Double> distinct = new TreeSet<>();
            double[] v = t.numeric(col);
            for (int r = 0; r < n; r++) {
                if (usable[r] && v[r] == v[r]) {
                    distinct.add(v[r]);
                }
            }
            if (distinct.size() < 2) {
                throw new IllegalArgumentException("column '" + col + "' has fewer than 2 distinct values; give --split");
            }
            Double[] d = distinct.toArray(new Double[0]);
            cut = d[(int) Math.ceil(0.8 * d.length) - 1];
        } else {
            int m = 0;
            int total = 0;
            for (int r = 0; r < n; r++) {
                total += usable[r] ? 1 : 0;
            }
            int trainN = (int) Math.ceil(0.8 * total);
            for (int r = 0; r < n; r++) {
                if (usable[r]) {
                    train[r] = m < trainN;
                    test[r] = !train[r];
                    m++;
                }
            }
            if (trainN == 0 || trainN == total) {
                throw new IllegalArgumentException("too few rows with a target to split (" + total + ")");
            }
            return "first " + trainN + " rows train, last " + (total - trainN) + " rows test (no time column)";
        }
        double[] v = t.numeric(col);
        int a = 0;
        int b = 0;
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int r = 0; r < n; r++) {
            if (usable[r] && v[r] == v[r]) {
                train[r] = v[r] <= cut;
                test[r] = !train[r];
                a += train[r] ? 1 : 0;
                b += test[r] ? 1 : 0;
                lo = Math.min(lo, v[r]);
                hi = Math.max(hi, v[r]);
            }
        }
        String desc = String.format(Locale.ROOT, "%s <= %s trains (%d rows), %s > %s tests (%d rows)", col, num(cut), a,
                col, num(cut), b);
        if (a == 0 || b == 0) {
            throw new IllegalArgumentException("split on column '" + col + "' at " + num(cut) + " leaves no "
                    + (a == 0 ? "training" : "test") + " rows (the column ranges over [" + num(lo) + ", " + num(hi) + "])");
        }
        return desc;
    }

    private static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    private static List<String> chooseFeatures(CsvTable t, Options o, ScannerFeatures sf) {
        List<String> out = new ArrayList<>();
        if (o.features() != null) {
            out.addAll(o.features());
        } else if (sf != null) {
            out.addAll(sf.defaultFeatures());
        } else {
            for (String c : t.names()) {
                if (!c.equals(o.target()) && (!t.isText(c) || o.categorical().contains(c))) {
                    out.add(c);
                }
            }
        }
        for (String c : o.categorical()) {
            if (!out.contains(c)) {
                out.add(c);
            }
        }
        Set<String> seen = new LinkedHashSet<>();
        for (String c : out) {
            if (!t.has(c)) {
                throw new IllegalArgumentException("no column '" + c + "' in " + o.data() + " (columns: "
                        + String.join(", ", t.names()) + ")");
            }
            if (c.equals(o.target())) {
                throw new IllegalArgumentException("column '" + c + "' is the target; it cannot also be a feature");
            }
            if (!seen.add(c)) {
                throw new IllegalArgumentException("column '" + c + "' is listed twice in --features");
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("no feature columns: give --features");
        }
        return out;
    }

    private static void holdOutLast(CsvTable t, String timeCol, boolean[] train, boolean[] fit, boolean[] valid) {
        int n = train.length;
        if (timeCol != null) {
            double[] v = t.column(timeCol);
            TreeSet<Double> d = new TreeSet<>();
            for (int r = 0; r < n; r++) {
                if (train[r]) {
                    d.add(v[r]);
                }
            }
            if (d.size() >= 4) {
                Double[] w = d.toArray(new Double[0]);
                double cut = w[(int) Math.ceil(0.85 * w.length) - 1];
                for (int r = 0; r < n; r++) {
                    valid[r] = train[r] && v[r] > cut;
                    fit[r] = train[r] && !valid[r];
                }
                return;
            }
        }
        int total = 0;
        for (boolean b : train) {
            total += b ? 1 : 0;
        }
        int keep = (int) Math.ceil(0.85 * total);
        int m = 0;
        for (int r = 0; r < n; r++) {
            if (train[r]) {
                fit[r] = m < keep;
                valid[r] = !fit[r];
                m++;
            }
        }
    }

    /** The rows in {@code mask} as a dataset, or {@code null} when there are none. */
    static Dataset gather(List<String> names, double[][] cols, boolean[] cat, double[] y, boolean[] mask) {
        int m = 0;
        for (boolean b : mask) {
            m += b ? 1 : 0;
        }
        double[][] out = new double[cols.length][m];
        double[] ty = new double[m];
        int i = 0;
        for (int r = 0; r < mask.length; r++) {
            if (mask[r]) {
                for (int f = 0; f < cols.length; f++) {
                    out[f][i] = cols[f][r];
                }
                ty[i++] = y[r];
            }
        }
        if (m == 0) {
            return null;
        }
        return new Dataset(names, out, cat, ty);
    }

    private static int[] seriesIds(CsvTable t, List<String> categorical, boolean scanner) {
        List<String> keys = !categorical.isEmpty() ? categorical : scanner ? List.of("store", "brand") : List.of();
        int n = t.rows();
        int[] id = new int[n];
        if (keys.isEmpty()) {
            return id;
        }
        Map<List<Double>, Integer> ids = new HashMap<>();
        List<double[]> cols = new ArrayList<>();
        for (String k : keys) {
            cols.add(t.column(k));
        }
        for (int r = 0; r < n; r++) {
            Double[] key = new Double[cols.size()];
            for (int j = 0; j < key.length; j++) {
                key[j] = cols.get(j)[r];
            }
            id[r] = ids.computeIfAbsent(Arrays.asList(key), x -> ids.size());
        }
        return id;
    }

    private static final int PD_POINTS = 25;
    private static final int PD_ROWS = 300;

    private static List<PdCurve> scannerPd(CsvTable t, ScannerFeatures sf, GbdtModel model, List<String> features,
            double[][] cols, boolean[] train, boolean[] test) {
        if (!features.contains("ownprice") && features.stream().noneMatch(f -> f.startsWith("price"))) {
            return List.of();
        }
        double[] brand = t.column("brand");
        double[] own = t.column("ownprice");
        List<PdCurve> out = new ArrayList<>();
        for (int b = 1; b <= sf.brands(); b++) {
            List<Double> seen = new ArrayList<>();
            List<Integer> rows = new ArrayList<>();
            for (int r = 0; r < brand.length; r++) {
                if (brand[r] == b && train[r] && own[r] == own[r]) {
                    seen.add(own[r]);
                }
                if (brand[r] == b && test[r]) {
                    rows.add(r);
                }
            }
            if (seen.size() < 10 || rows.isEmpty()) {
                continue;
            }
            double[] grid = grid(seen);
            out.add(new PdCurve("brand " + b, grid,
                    meanPrediction(model, cols, rows, grid, (row, r, p) -> sf.setOwnPrice(row, features, r, p))));
        }
        return out;
    }

    private static List<PdCurve> genericPd(GbdtModel model, List<String> features, double[][] cols, boolean[] cat,
            boolean[] train, boolean[] test) {
        int pf = -1;
        for (int f = 0; f < features.size() && pf < 0; f++) {
            if (!cat[f] && features.get(f).toLowerCase(Locale.ROOT).contains("price")) {
                pf = f;
            }
        }
        if (pf < 0) {
            return List.of();
        }
        List<Double> seen = new ArrayList<>();
        List<Integer> rows = new ArrayList<>();
        for (int r = 0; r < train.length; r++) {
            if (train[r] && cols[pf][r] == cols[pf][r]) {
                seen.add(cols[pf][r]);
            }
            if (test[r]) {
                rows.add(r);
            }
        }
        if (seen.size() < 10) {
            return List.of();
        }
        double[] grid = grid(seen);
        int at = pf;
        return List.of(new PdCurve(features.get(pf), grid, meanPrediction(model, cols, rows, grid, (row, r, p) -> row[at] = p)));
    }

    /** Sets a feature row's price-dependent values for price {@code p} (table row {@code r}). */
    private interface PricePatch {
        void apply(double[] row, int r, double p);
    }

    /** For each grid price, the mean prediction over (at most {@link #PD_ROWS} of) {@code rows}. */
    private static double[] meanPrediction(GbdtModel model, double[][] cols, List<Integer> rows, double[] grid,
            PricePatch patch) {
        double[] demand = new double[grid.length];
        double[] row = new double[cols.length];
        int step = Math.max(1, rows.size() / PD_ROWS);
        for (int g = 0; g < grid.length; g++) {
            double sum = 0;
            int cnt = 0;
            for (int i = 0; i < rows.size(); i += step) {
                int r = rows.get(i);
                for (int f = 0; f < row.length; f++) {
                    row[f] = cols[f][r];
                }
                patch.apply(row, r, grid[g]);
                sum += model.predict(row);
                cnt++;
            }
            demand[g] = sum / cnt;
        }
        return demand;
    }

    /** {@link #PD_POINTS} prices evenly from the 5% to the 95% quantile of {@code seen}. */
    private static double[] grid(List<Double> seen) {
        double[] s = seen.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double lo = s[(int) (0.05 * (s.length - 1))];
        double hi = s[(int) (0.95 * (s.length - 1))];
        double[] g = new double[PD_POINTS];
        for (int i = 0; i < PD_POINTS; i++) {
            g[i] = lo + (hi - lo) * i / (PD_POINTS - 1);
        }
        return g;
    }
}
