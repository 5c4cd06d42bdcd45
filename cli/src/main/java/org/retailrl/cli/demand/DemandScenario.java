package org.retailrl.cli.demand;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.retailrl.envs.demand.ScannerTreeDemand;
import org.retailrl.envs.gbdt.GbdtModel;
import org.retailrl.envs.gbdt.Objective;
import org.retailrl.envs.pricing.PricingScenario;
import org.retailrl.envs.pricing.ShortageMode;

/**
 * Builds a data-driven single-product pricing scenario (docs/model.md §5.4) from weekly scanner
 * data in the Dominick's layout and a tree model fitted to it by {@link DemandFit}: the store's
 * and brand's weeks are extracted with the very features the fit used ({@link ScannerFeatures},
 * same chronological split for {@code relprice}), and the money and stock units are set from the
 * data.
 *
 * <ul>
 *   <li>Lot: the simulator counts lots of {@code unitsPerLot} units, chosen (two significant
 *       digits) so that the product's mean weekly sales are {@code lotDemand} lots; Poisson
 *       noise on lots then has a coefficient of variation of about {@code 1/√lotDemand}.</li>
 *   <li>Price grid: {@code prices} evenly spaced shelf prices per unit (rounded to the cent) from the
 *       lowest to the highest own price observed, times {@code unitsPerLot}.</li>
 *   <li>Unit cost: the mean over the weeks of the shelf price times {@code 1 − margin/100}
 *       (Dominick's {@code profit} field is the gross margin in percent of the shelf price).</li>
 *   <li>Holding and shortage cost: docs/model.md §1.6's {@code h = 1}, {@code b = 5} per unit and
 *       period at the reference price {@code r_0 = 30}, scaled to the product's mean price per lot
 *       {@code p̄}: {@code h = p̄/30}, {@code b = 5p̄/30}; fixed cost per order as given. Order sizes,
 *       lead time and start stock as in §1.6; the reference price starts at {@code p̄}.</li>
 * </ul>
 */
public final class DemandScenario {
    /** Package size in ounces of Dominick's orange-juice brands 1..11 (the data's README). */
    public static final double[] OJ_OUNCES = {64, 96, 64, 64, 64, 96, 64, 64, 64, 64, 128};

    /**
     * What to build.
     *
     * @param data      the scanner CSV (plain or gzip)
     * @param stores    the stores file the model was fitted with, or {@code null}
     * @param split     the split the model was fitted with ({@code COL<=VALUE}), or {@code null} for the default
     * @param store     store number
     * @param brand     brand number
     * @param ounces    ounces per unit, or NaN for {@link #OJ_OUNCES}
     * @param lotDemand mean weekly demand in lots, in [0.5, 1000]
     * @param prices    price grid size, in [2, 1000]
     * @param horizon   periods (weeks) per episode
     * @param fixedCost fixed cost per order, dollars, {@code >= 0}
     * @param mode      lost sales or backlog
     */
    public record Options(Path data, Path stores, String split, int store, int brand, double ounces, double lotDemand,
            int prices, int horizon, double fixedCost, ShortageMode mode) {
        /** Validates the ranges. */
        public Options {
            if (!(lotDemand >= 0.5 && lotDemand <= 1000)) {
                throw new IllegalArgumentException("--lot-demand must be in [0.5, 1000], got " + lotDemand);
            }
            if (prices < 2 || prices > 1000) {
                throw new IllegalArgumentException("--prices must be in [2, 1000], got " + prices);
            }
            if (!(fixedCost >= 0) || !Double.isFinite(fixedCost)) {
                throw new IllegalArgumentException("--fixed-cost must be finite and >= 0, got " + fixedCost);
            }
            if (!Double.isNaN(ounces) && !(ounces > 0 && Double.isFinite(ounces))) {
                throw new IllegalArgumentException("--ounces must be finite and > 0, got " + ounces);
            }
        }
    }

    private DemandScenario() {
    }

    /** The scenario of {@code o} with {@code model} (saved at {@code modelPath}). */
    public static PricingScenario build(Options o, GbdtModel model, Path modelPath) throws IOException {
        CsvTable table = CsvTable.read(o.data());
        if (!ScannerFeatures.detect(table)) {
            throw new IllegalArgumentException(o.data() + " lacks the scanner layout (columns store, brand, week, "
                    + "price1.., deal, feat) that a data-driven scenario needs");
        }
        for (String c : List.of("logmove", "profit")) {
            if (!table.has(c) || table.isText(c)) {
                throw new IllegalArgumentException(o.data() + " has no numeric column '" + c + "'");
            }
        }
        int n = table.rows();
        double[] y = table.numeric("logmove");
        boolean[] usable = new boolean[n];
        for (int r = 0; r < n; r++) {
            usable[r] = y[r] == y[r];
        }
        boolean[] train = new boolean[n];
        DemandFit.split(table, o.split(), DemandFit.timeColumn(table), usable, train, new boolean[n]);
        ScannerFeatures sf = ScannerFeatures.build(table, "logmove", train, o.stores() == null ? null
                : CsvTable.read(o.stores()));
        CsvTable t = sf.table();
        if (o.brand() < 1 || o.brand() > sf.brands()) {
            throw new IllegalArgumentException("--brand must be in [1, " + sf.brands() + "], got " + o.brand());
        }
        double ounces = Double.isNaN(o.ounces()) ? ojOunces(sf.brands(), o.brand()) : o.ounces();
        double[] store = t.numeric("store");
        double[] brand = t.numeric("brand");
        double[] week = t.numeric("week");
        List<Integer> rows = new ArrayList<>();
        for (int r = 0; r < n; r++) {
            if (usable[r] && store[r] == o.store() && brand[r] == o.brand()) {
                rows.add(r);
            }
        }
        if (rows.size() < 2) {
            throw new IllegalArgumentException("--store " + o.store() + " --brand " + o.brand() + ": " + o.data()
                    + " has " + rows.size() + " week(s) with a logmove value for it; at least 2 are needed");
        }
        rows.sort(Comparator.comparingDouble(r -> week[r]));
        List<String> features = model.featureNames();
        double[][] cols = new double[features.size()][];
        for (int f = 0; f < cols.length; f++) {
            if (!t.has(features.get(f))) {
                throw new IllegalArgumentException("the model uses feature '" + features.get(f) + "', which "
                        + o.data() + " does not give" + (o.stores() == null ? " (a store demographic? pass --stores)" : ""));
            }
            cols[f] = t.column(features.get(f));
        }
        int m = rows.size();
        int k = sf.brands();
        int[] weeks = new int[m];
        double[] logmove = new double[m];
        double[][] prices = new double[m][k];
        double[] compMean = new double[m];
        double[][] context = new double[m][features.size()];
        double[] profit = t.numeric("profit");
        double[] comp = t.numeric("compmean");
        double units = 0;
        double margin = 0;
        double cost = 0;
        double mean = 0;
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int w = 0; w < m; w++) {
            int r = rows.get(w);
            weeks[w] = (int) week[r];
            logmove[w] = y[r];
            for (int j = 0; j < k; j++) {
                prices[w][j] = t.numeric("price" + (j + 1))[r];
            }
            compMean[w] = comp[r];
            for (int f = 0; f < cols.length; f++) {
                context[w][f] = cols[f][r];
            }
            double own = prices[w][o.brand() - 1];
            if (!(profit[r] > -100 && profit[r] < 100)) {
                throw new IllegalArgumentException("column 'profit' is " + profit[r] + " in week " + weeks[w]
                        + "; a gross margin must be in (-100, 100) percent");
            }
            units += Math.exp(y[r]);
            margin += profit[r];
            cost += own * (1 - profit[r] / 100);
            mean += own;
            lo = Math.min(lo, own);
            hi = Math.max(hi, own);
        }
        units /= m;
        margin /= m;
        cost /= m;
        mean /= m;
        double histMean = sf.historicalMeanPrice(rows.get(0));
        if (!(histMean > 0)) {
            histMean = mean;
        }
        if (!(hi > lo)) {
            throw new IllegalArgumentException("--store " + o.store() + " --brand " + o.brand()
                    + ": the own price never changes in the data, so there is no price range for the grid");
        }
        double lot = twoDigits(units / o.lotDemand());
        double[] grid = new double[o.prices()];
        for (int i = 0; i < grid.length; i++) {
            double perUnit = Math.round(100 * ounces * (lo + (hi - lo) * i / (grid.length - 1))) / 100.0;
            grid[i] = perUnit * lot;
        }
        for (int i = 1; i < grid.length; i++) {
            if (!(grid[i] > grid[i - 1])) {
                throw new IllegalArgumentException("--prices " + o.prices() + " is too fine for the observed price range "
                        + cents(lo * ounces) + ".." + cents(hi * ounces) + " per unit (prices are rounded to the cent)");
            }
        }
        ScannerTreeDemand.Product product = new ScannerTreeDemand.Product(o.data().toAbsolutePath().normalize().toString(),
                o.store(), o.brand(), lot, ounces, Math.max(0, margin), histMean, weeks, logmove, prices, compMean,
                features, context);
        ScannerTreeDemand demand = ScannerTreeDemand.load(product, modelPath, null, model.objective() == Objective.L2);
        double meanLot = mean * ounces * lot;
        return PricingScenario.defaults().toBuilder()
                .prices(grid)
                .unitCost(cost * ounces * lot)
                .holdingCost(meanLot / 30)
                .shortageCost(5 * meanLot / 30)
                .fixedCost(o.fixedCost())
                .horizon(o.horizon())
                .mode(o.mode())
                .initialReference(meanLot)
                .demandModel(demand)
                .build();
    }

    private static double ojOunces(int brands, int brand) {
        if (brands != OJ_OUNCES.length) {
            throw new IllegalArgumentException("the data has " + brands + " brands, not the 11 of Dominick's orange "
                    + "juice whose package sizes are known; give --ounces");
        }
        return OJ_OUNCES[brand - 1];
    }

    /** {@code v} rounded to two significant digits (at least 1). */
    static double twoDigits(double v) {
        if (!(v >= 1)) {
            return 1;
        }
        int digits = (int) Math.floor(Math.log10(v)) - 1;
        // Divide by an exact power of ten when rounding to tenths, so 3.7 stays 3.7 and not 3.7000000000000006.
        return digits >= 0 ? Math.round(v / Math.pow(10, digits)) * Math.pow(10, digits)
                : Math.round(v * 10) / 10.0;
    }

    private static String cents(double v) {
        return String.format(java.util.Locale.ROOT, "%.2f", v);
    }
}
