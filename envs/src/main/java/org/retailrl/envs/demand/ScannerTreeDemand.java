package org.retailrl.envs.demand;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.zip.CRC32C;
import org.retailrl.core.json.JsonArray;
import org.retailrl.core.json.JsonNull;
import org.retailrl.core.json.JsonNumber;
import org.retailrl.core.json.JsonObject;
import org.retailrl.core.json.JsonString;
import org.retailrl.core.json.JsonValue;
import org.retailrl.core.random.RawStreams;
import org.retailrl.envs.gbdt.GbdtModel;
import org.retailrl.envs.gbdt.GbdtModelFile;
import org.retailrl.envs.gbdt.Objective;
import org.retailrl.envs.pricing.DemandModel;

/**
 * Data-driven demand for one store and brand of weekly scanner data (docs/model.md §5.4): the
 * Poisson mean of a period is the fitted tree model's prediction ({@link TreeDemand}) for a
 * feature row built from
 * <ul>
 *   <li>the agent's price: {@code ownprice}, {@code price<brand>}, {@code relprice},
 *       {@code pricegap}, {@code pricerank} and, with the previous period's price,
 *       {@code pricelag1} and {@code pricechange};</li>
 *   <li>the simulated sales history: {@code lag1..3}, {@code roll4mean}, {@code roll4std},
 *       {@code roll13mean} from the log units demanded in earlier periods (weeks before the episode
 *       from the data);</li>
 *   <li>the replayed week: every other feature (the other brands' prices, the store's deal and
 *       feature weeks, calendar, store, brand, demographics) as the data has it for that week.</li>
 * </ul>
 * Each episode replays {@code T} consecutive weeks of the product's data from a start week drawn
 * uniformly from the copy's own stream at reset (one {@code nextInt}); the competitor's price the
 * simulator shows is the mean of the other brands' prices of the coming week. Formulas shared with
 * the fitting pipeline are {@link ScannerFormulas}'.
 *
 * <p>Units: the simulator counts lots of {@code unitsPerLot} units and prices a lot in dollars; a
 * lot price {@code p} is {@code p / (unitsPerLot · ouncesPerUnit)} dollars per ounce, the data's
 * price unit. The model predicts log units ({@code logmove}, an L2 fit) or units (a Poisson or
 * Tweedie fit); the Poisson mean in lots is units / {@code unitsPerLot}. A period with no demand
 * enters the history as half a lot, since the log of zero units is undefined.
 *
 * <p>Immutable; the per-batch state is in {@link #newCopies}.
 */
public final class ScannerTreeDemand implements DemandModel {
    /** The {@code kind} of the JSON form. */
    public static final String KIND = "scanner-tree";

    private static final Set<String> FIELDS = Set.of("kind", "data", "store", "brand", "model", "modelCrc32c",
            "logUnits", "unitsPerLot", "ouncesPerUnit", "marginPercent", "meanPrice", "weeks", "logmove",
            "prices", "compmean", "features", "rows");

    /**
     * One product's weekly data as the simulator replays it (docs/model.md §5.4).
     *
     * @param data          the data file it was extracted from (provenance only)
     * @param store         store number
     * @param brand         brand number; its price is {@code prices[w][brand − 1]}
     * @param unitsPerLot   units of the data per simulated lot, &gt; 0
     * @param ouncesPerUnit ounces per unit (the data's prices are per ounce), &gt; 0
     * @param marginPercent the mean gross margin the unit cost was backed out from (provenance), [0, 100)
     * @param meanPrice     the mean own price over the model's training weeks, $/oz, the
     *                      denominator of {@code relprice}
     * @param weeks         week numbers, strictly increasing
     * @param logmove       per week, the log of units sold (history before an episode's start)
     * @param prices        per week, every brand's price in $/oz ({@code NaN} when missing)
     * @param compMean      per week, the mean of the other brands' prices, $/oz
     * @param features      the model's feature names, in its order
     * @param rows          per week, the feature row as the fitting pipeline built it
     */
    public record Product(String data, int store, int brand, double unitsPerLot, double ouncesPerUnit,
            double marginPercent, double meanPrice, int[] weeks, double[] logmove, double[][] prices,
            double[] compMean, List<String> features, double[][] rows) {
        /** Validates every field; messages name it as a member of the scenario's {@code demand}. */
        public Product {
            if (data == null) {
                throw new IllegalArgumentException("field 'demand.data' must be a string, got null");
            }
            positive("unitsPerLot", unitsPerLot);
            positive("ouncesPerUnit", ouncesPerUnit);
            positive("meanPrice", meanPrice);
            if (!(marginPercent >= 0 && marginPercent < 100)) {
                throw new IllegalArgumentException("field 'demand.marginPercent' must be in [0, 100), got "
                        + marginPercent);
            }
            if (weeks == null || weeks.length < 2) {
                throw new IllegalArgumentException("field 'demand.weeks' must hold at least 2 weeks");
            }
            int n = weeks.length;
            for (int w = 1; w < n; w++) {
                if (weeks[w] <= weeks[w - 1]) {
                    throw new IllegalArgumentException("field 'demand.weeks' must be strictly increasing, got "
                            + weeks[w - 1] + " before " + weeks[w]);
                }
            }
            if (features == null || features.isEmpty()) {
                throw new IllegalArgumentException("field 'demand.features' must name the model's features");
            }
            length("logmove", logmove == null ? -1 : logmove.length, n);
            length("prices", prices == null ? -1 : prices.length, n);
            length("compmean", compMean == null ? -1 : compMean.length, n);
            length("rows", rows == null ? -1 : rows.length, n);
            int k = prices[0] == null ? -1 : prices[0].length;
            if (brand < 1 || brand > k) {
                throw new IllegalArgumentException("field 'demand.brand' must be in [1, " + Math.max(k, 1)
                        + "] (a price column), got " + brand);
            }
            for (int w = 0; w < n; w++) {
                if (!Double.isFinite(logmove[w])) {
                    throw new IllegalArgumentException("field 'demand.logmove'[" + w + "] must be finite, got "
                            + logmove[w]);
                }
                length("prices[" + w + "]", prices[w] == null ? -1 : prices[w].length, k);
                double own = prices[w][brand - 1];
                if (!(own > 0) || !Double.isFinite(own)) {
                    throw new IllegalArgumentException("field 'demand.prices'[" + w + "][" + (brand - 1)
                            + "] (own price) must be finite and > 0, got " + own);
                }
                for (int j = 0; j < k; j++) {
                    if (Double.isInfinite(prices[w][j]) || prices[w][j] <= 0) {
                        throw new IllegalArgumentException("field 'demand.prices'[" + w + "][" + j
                                + "] must be > 0 and finite, or null, got " + prices[w][j]);
                    }
                }
                if (!(compMean[w] > 0) || !Double.isFinite(compMean[w])) {
                    throw new IllegalArgumentException("field 'demand.compmean'[" + w + "] must be finite and > 0, got "
                            + compMean[w]);
                }
                length("rows[" + w + "]", rows[w] == null ? -1 : rows[w].length, features.size());
                for (int f = 0; f < rows[w].length; f++) {
                    if (Double.isInfinite(rows[w][f])) {
                        throw new IllegalArgumentException("field 'demand.rows'[" + w + "][" + f
                                + "] must be finite or null, got " + rows[w][f]);
                    }
                }
            }
            weeks = weeks.clone();
            logmove = logmove.clone();
            prices = deepClone(prices);
            compMean = compMean.clone();
            features = List.copyOf(features);
            rows = deepClone(rows);
        }

        private static void positive(String field, double v) {
            if (!(v > 0) || !Double.isFinite(v)) {
                throw new IllegalArgumentException("field 'demand." + field + "' must be finite and > 0, got " + v);
            }
        }

        private static void length(String field, int got, int want) {
            if (got != want) {
                throw new IllegalArgumentException("field 'demand." + field + "' must hold " + want + " values, got "
                        + (got < 0 ? "none" : Integer.toString(got)));
            }
        }

        /** The own price of week index {@code w}, $/oz. */
        public double ownPrice(int w) {
            return prices[w][brand - 1];
        }

        /** Number of weeks. */
        public int size() {
            return weeks.length;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Product p && data.equals(p.data) && store == p.store && brand == p.brand
                    && Double.compare(unitsPerLot, p.unitsPerLot) == 0
                    && Double.compare(ouncesPerUnit, p.ouncesPerUnit) == 0
                    && Double.compare(marginPercent, p.marginPercent) == 0
                    && Double.compare(meanPrice, p.meanPrice) == 0 && Arrays.equals(weeks, p.weeks)
                    && Arrays.equals(logmove, p.logmove) && Arrays.deepEquals(prices, p.prices)
                    && Arrays.equals(compMean, p.compMean) && features.equals(p.features)
                    && Arrays.deepEquals(rows, p.rows);
        }

        @Override
        public int hashCode() {
            return ((store * 31 + brand) * 31 + Arrays.hashCode(weeks)) * 31 + Arrays.hashCode(logmove);
        }

        @Override
        public String toString() {
            return "Product[store=" + store + ", brand=" + brand + ", weeks=" + weeks[0] + ".." + weeks[weeks.length - 1]
                    + " (" + weeks.length + "), unitsPerLot=" + unitsPerLot + "]";
        }
    }

    private final Product product;
    private final GbdtModel model;
    private final String modelPath;
    private final long modelCrc;
    private final boolean logUnits;
    private final int ownSlot;
    private final int[] weekIndex;
    // Feature positions in the model's row, -1 where the model does not use the feature.
    private final int fOwn;
    private final int fOwnColumn;
    private final int fRel;
    private final int fGap;
    private final int fRank;
    private final int fLag;
    private final int fChange;
    private final int[] fHistory;

    /**
     * The demand of {@code product} under {@code model} (read from {@code modelPath}, whose bytes have
     * CRC-32C {@code modelCrc}); {@code logUnits} says that an L2 model predicts log units.
     */
    public ScannerTreeDemand(Product product, GbdtModel model, String modelPath, long modelCrc, boolean logUnits) {
        if (product == null || model == null || modelPath == null) {
            throw new IllegalArgumentException("product, model and modelPath must not be null");
        }
        if (!model.featureNames().equals(product.features())) {
            throw new IllegalArgumentException("field 'demand.features' must equal the model's features "
                    + model.featureNames() + ", got " + product.features());
        }
        if (logUnits && model.objective() != Objective.L2) {
            throw new IllegalArgumentException("field 'demand.logUnits' must be false for a "
                    + model.objective() + " model, which predicts units");
        }
        this.product = product;
        this.model = model;
        this.modelPath = modelPath;
        this.modelCrc = modelCrc;
        this.logUnits = logUnits;
        this.ownSlot = product.brand() - 1;
        int[] weeks = product.weeks();
        weekIndex = new int[weeks[weeks.length - 1] - weeks[0] + 1];
        Arrays.fill(weekIndex, -1);
        for (int w = 0; w < weeks.length; w++) {
            weekIndex[weeks[w] - weeks[0]] = w;
        }
        List<String> f = product.features();
        fOwn = f.indexOf("ownprice");
        fOwnColumn = f.indexOf("price" + product.brand());
        fRel = f.indexOf("relprice");
        fGap = f.indexOf("pricegap");
        fRank = f.indexOf("pricerank");
        fLag = f.indexOf("pricelag1");
        fChange = f.indexOf("pricechange");
        fHistory = new int[] {f.indexOf("lag1"), f.indexOf("lag2"), f.indexOf("lag3"), f.indexOf("roll4mean"),
                f.indexOf("roll4std"), f.indexOf("roll13mean")};
    }

    /** Reads the model file at {@code modelPath} and checks it against {@code expectedCrc} (null: no check). */
    public static ScannerTreeDemand load(Product product, Path modelPath, String expectedCrc, boolean logUnits)
            throws IOException {
        Path abs = modelPath.toAbsolutePath().normalize();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(abs);
        } catch (IOException e) {
            throw new IOException("field 'demand.model': cannot read the model file " + abs + ": " + e.getMessage(), e);
        }
        CRC32C crc = new CRC32C();
        crc.update(bytes);
        long c = crc.getValue();
        if (expectedCrc != null && !expectedCrc.equalsIgnoreCase(hex(c))) {
            throw new IllegalArgumentException("field 'demand.modelCrc32c': the model file " + abs + " has CRC-32C "
                    + hex(c) + ", the scenario was built with " + expectedCrc + "; rebuild the scenario or restore the model");
        }
        GbdtModel m = GbdtModelFile.decode(bytes, abs.toString());
        return new ScannerTreeDemand(product, m, abs.toString(), c, logUnits);
    }

    private static String hex(long crc) {
        return HexFormat.of().toHexDigits((int) crc);
    }

    /** The replayed product data. */
    public Product product() {
        return product;
    }

    /** The fitted model. */
    public GbdtModel model() {
        return model;
    }

    /** Lot price {@code p} ($ per lot) in the data's unit, $/oz. */
    public double perOunce(double p) {
        return p / (product.unitsPerLot() * product.ouncesPerUnit());
    }

    /** Price {@code perOunce} ($/oz) as a lot price. */
    public double perLot(double perOunce) {
        return perOunce * product.unitsPerLot() * product.ouncesPerUnit();
    }

    @Override
    public int maxHorizon() {
        return product.size();
    }

    @Override
    public Copies newCopies(int copies, int horizon) {
        if (horizon < 1 || horizon > maxHorizon()) {
            throw new IllegalArgumentException("horizon must be in [1, " + maxHorizon() + "], got " + horizon);
        }
        return new Batch(copies, horizon);
    }

    /** The per-copy state: start week, period, the last 13 periods' log units and the last price. */
    private final class Batch implements Copies {
        private final int starts;
        private final int[] start;
        private final int[] period;
        private final double[] back;
        private final double[] lastPrice;
        private final TreeDemand[] demand;
        private final double[] hist = new double[ScannerFormulas.HISTORY_FEATURES];

        Batch(int copies, int horizon) {
            starts = product.size() - horizon + 1;
            start = new int[copies];
            period = new int[copies];
            back = new double[copies * ScannerFormulas.HISTORY];
            lastPrice = new double[copies];
            demand = new TreeDemand[copies];
            double[] context = new double[model.numFeatures()];
            for (int i = 0; i < copies; i++) {
                int copy = i;
                demand[i] = new TreeDemand(model, context, (row, p, o, r, t) -> write(copy, row, p), logUnits,
                        1 / product.unitsPerLot());
            }
        }

        @Override
        public double reset(int i, long[] seed, long[] gamma) {
            int s = RawStreams.nextInt(seed, gamma, i, starts);
            start[i] = s;
            period[i] = 0;
            int week = product.weeks()[s];
            for (int d = 1; d <= ScannerFormulas.HISTORY; d++) {
                int w = indexOf(week - d);
                back[i * ScannerFormulas.HISTORY + d - 1] = w >= 0 ? product.logmove()[w] : Double.NaN;
            }
            int prev = indexOf(week - 1);
            lastPrice[i] = prev >= 0 ? product.ownPrice(prev) : Double.NaN;
            return perLot(product.compMean()[s]);
        }

        @Override
        public double rate(int i, double price) {
            return demand[i].rate(price, 0, 0, period[i]);
        }

        @Override
        public double advance(int i, double price, int units) {
            int off = i * ScannerFormulas.HISTORY;
            System.arraycopy(back, off, back, off + 1, ScannerFormulas.HISTORY - 1);
            back[off] = Math.log(Math.max(units, 0.5) * product.unitsPerLot());
            lastPrice[i] = perOunce(price);
            period[i]++;
            return perLot(product.compMean()[Math.min(start[i] + period[i], product.size() - 1)]);
        }

        private void write(int i, double[] row, double price) {
            int w = start[i] + period[i];
            System.arraycopy(product.rows()[w], 0, row, 0, row.length);
            double p = perOunce(price);
            set(row, fOwn, p);
            set(row, fOwnColumn, p);
            set(row, fRel, p / product.meanPrice());
            set(row, fGap, p / product.compMean()[w]);
            if (fRank >= 0) {
                row[fRank] = ScannerFormulas.rank(p, product.prices()[w], ownSlot);
            }
            set(row, fLag, lastPrice[i]);
            set(row, fChange, p / lastPrice[i]);
            ScannerFormulas.history(back, i * ScannerFormulas.HISTORY, hist);
            for (int h = 0; h < hist.length; h++) {
                set(row, fHistory[h], hist[h]);
            }
        }
    }

    private static void set(double[] row, int f, double v) {
        if (f >= 0) {
            row[f] = v;
        }
    }

    private int indexOf(int week) {
        int k = week - product.weeks()[0];
        return k >= 0 && k < weekIndex.length ? weekIndex[k] : -1;
    }

    @Override
    public JsonObject toJson() {
        Product p = product;
        List<JsonValue> prices = new ArrayList<>();
        List<JsonValue> rows = new ArrayList<>();
        List<JsonValue> names = new ArrayList<>();
        List<JsonValue> weeks = new ArrayList<>();
        for (int w = 0; w < p.size(); w++) {
            prices.add(nullable(p.prices()[w]));
            rows.add(nullable(p.rows()[w]));
            weeks.add(JsonNumber.of(p.weeks()[w]));
        }
        for (String f : p.features()) {
            names.add(new JsonString(f));
        }
        return JsonObject.builder()
                .put("kind", KIND)
                .put("data", p.data())
                .put("store", p.store())
                .put("brand", p.brand())
                .put("model", modelPath)
                .put("modelCrc32c", hex(modelCrc))
                .put("logUnits", logUnits)
                .put("unitsPerLot", p.unitsPerLot())
                .put("ouncesPerUnit", p.ouncesPerUnit())
                .put("marginPercent", p.marginPercent())
                .put("meanPrice", p.meanPrice())
                .put("weeks", new JsonArray(weeks))
                .put("logmove", JsonArray.ofDoubles(p.logmove()))
                .put("prices", new JsonArray(prices))
                .put("compmean", JsonArray.ofDoubles(p.compMean()))
                .put("features", new JsonArray(names))
                .put("rows", new JsonArray(rows))
                .build();
    }

    private static JsonArray nullable(double[] v) {
        List<JsonValue> out = new ArrayList<>(v.length);
        for (double x : v) {
            out.add(x == x ? JsonNumber.of(x) : JsonNull.INSTANCE);
        }
        return new JsonArray(out);
    }

    /**
     * The demand described by {@code o} (the {@code "demand"} member of a scenario file); a relative
     * model path is resolved against {@code baseDir} ({@code null}: the working directory). Unknown
     * members, wrong types and out-of-range values are refused with the field's name.
     */
    public static ScannerTreeDemand fromJson(JsonObject o, Path baseDir) throws IOException {
        o.requireKnownKeys(FIELDS, "field 'demand'");
        String kind = o.getString("kind");
        if (!kind.equals(KIND)) {
            throw new IllegalArgumentException("field 'demand.kind' must be '" + KIND + "', got '" + kind + "'");
        }
        JsonArray weekArray = o.getArray("weeks");
        int n = weekArray.size();
        double[] wd = weekArray.toDoubleArray("field 'demand.weeks'");
        int[] weeks = new int[n];
        for (int w = 0; w < n; w++) {
            if (wd[w] != Math.rint(wd[w]) || Math.abs(wd[w]) > 1e9) {
                throw new IllegalArgumentException("field 'demand.weeks'[" + w + "] must be an integer, got " + wd[w]);
            }
            weeks[w] = (int) wd[w];
        }
        JsonArray names = o.getArray("features");
        List<String> features = new ArrayList<>();
        for (int f = 0; f < names.size(); f++) {
            if (!(names.get(f) instanceof JsonString s)) {
                throw new IllegalArgumentException("field 'demand.features'[" + f + "] must be a string, got "
                        + names.get(f).typeName());
            }
            features.add(s.value());
        }
        Product p = new Product(o.getString("data"), o.getInt("store"), o.getInt("brand"),
                o.getDouble("unitsPerLot"), o.getDouble("ouncesPerUnit"), o.getDouble("marginPercent"),
                o.getDouble("meanPrice"), weeks, o.getDoubleArray("logmove"), matrix(o.getArray("prices"), "prices"),
                o.getDoubleArray("compmean"), features, matrix(o.getArray("rows"), "rows"));
        Path model = Path.of(o.getString("model"));
        if (!model.isAbsolute() && baseDir != null) {
            model = baseDir.resolve(model);
        }
        return load(p, model, o.getString("modelCrc32c"), o.getBoolean("logUnits"));
    }

    private static double[][] matrix(JsonArray a, String field) {
        double[][] out = new double[a.size()][];
        for (int i = 0; i < out.length; i++) {
            if (!(a.get(i) instanceof JsonArray row)) {
                throw new IllegalArgumentException("field 'demand." + field + "'[" + i + "] must be an array, got "
                        + a.get(i).typeName());
            }
            out[i] = new double[row.size()];
            for (int j = 0; j < out[i].length; j++) {
                JsonValue v = row.get(j);
                if (v instanceof JsonNumber num) {
                    out[i][j] = num.value();
                } else if (v instanceof JsonNull) {
                    out[i][j] = Double.NaN;
                } else {
                    throw new IllegalArgumentException("field 'demand." + field + "'[" + i + "][" + j
                            + "] must be a number or null, got " + v.typeName());
                }
            }
        }
        return out;
    }

    private static double[][] deepClone(double[][] m) {
        double[][] c = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            c[i] = m[i].clone();
        }
        return c;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ScannerTreeDemand d && product.equals(d.product) && modelCrc == d.modelCrc
                && logUnits == d.logUnits;
    }

    @Override
    public int hashCode() {
        return product.hashCode() * 31 + Long.hashCode(modelCrc);
    }

    @Override
    public String toString() {
        return KIND + "[store " + product.store() + ", brand " + product.brand() + ", model " + modelPath + "]";
    }
}
