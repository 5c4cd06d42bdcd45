package org.retailrl.cli.demand;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.retailrl.envs.demand.ScannerFormulas;

/**
 * Feature engineering for weekly store-level scanner data in the layout of the Dominick's Finer
 * Foods files (columns {@code store, brand, week, price1..priceK, deal, feat}; brand {@code b}'s
 * shelf price is {@code price<b>}), the feature families of docs/model.md §5. Every feature of week
 * {@code w} uses the target only from weeks before {@code w} of the same store and brand, so no
 * information from the target week leaks in.
 *
 * <ul>
 *   <li>Prices: {@code ownprice} (= {@code price<brand>}), {@code relprice} (own price over the
 *       mean own price of the same store and brand in the training weeks), {@code compmean} and
 *       {@code compmin} (the other brands' prices), {@code pricegap} (own / {@code compmean}),
 *       {@code pricerank} (1 = cheapest of all brands), {@code pricelag1} and {@code pricechange}
 *       (own price last week, and this week's over it), and every {@code price<k>} as given.</li>
 *   <li>Promotion: {@code deal}, {@code feat} as given, {@code deallag1} (last week's deal).</li>
 *   <li>Sales history: {@code lag1}, {@code lag2}, {@code lag3} (the target 1–3 weeks back),
 *       {@code roll4mean}, {@code roll4std}, {@code roll13mean} (over the weeks present among the
 *       last 4 or 13); missing when those weeks are absent.</li>
 *   <li>Calendar: {@code weekofyear} (ISO week of the week's first day; week 1 of the data starts
 *       on Thursday 14 September 1989) and {@code holiday} (1 when the week holds New Year's Day,
 *       Memorial Day, 4 July, Labor Day, Thanksgiving or Christmas).</li>
 *   <li>Store demographics: every numeric column of a stores file, joined on its {@code STORE}
 *       column (names lower-cased).</li>
 * </ul>
 */
public final class ScannerFeatures {
    /** The first day of the data's week 1. */
    public static final LocalDate WEEK_ONE = LocalDate.of(1989, 9, 14);

    private final int brands;
    private final List<String> engineered = new ArrayList<>();
    private final double[] histMean;
    private CsvTable table;

    private ScannerFeatures(int brands, int rows) {
        this.brands = brands;
        this.histMean = new double[rows];
    }

    /** Whether {@code t} has the columns this engineering needs. */
    public static boolean detect(CsvTable t) {
        for (String c : List.of("store", "brand", "week", "deal", "feat", "price1", "price2")) {
            if (!t.has(c) || t.isText(c)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Adds the engineered columns to {@code t}. {@code train[r]} marks the training rows (for the
     * historical mean price); {@code stores} may be {@code null}.
     */
    public static ScannerFeatures build(CsvTable t, String target, boolean[] train, CsvTable stores) {
        int k = 0;
        while (t.has("price" + (k + 1))) {
            k++;
        }
        int n = t.rows();
        ScannerFeatures sf = new ScannerFeatures(k, n);
        double[] store = t.numeric("store");
        double[] brand = t.numeric("brand");
        double[] week = t.numeric("week");
        double[] y = t.numeric(target);
        double[] deal = t.numeric("deal");
        double[][] price = new double[k][];
        for (int b = 0; b < k; b++) {
            price[b] = t.numeric("price" + (b + 1));
        }
        double[] own = new double[n];
        for (int r = 0; r < n; r++) {
            int b = (int) brand[r];
            if (brand[r] != b || b < 1 || b > k) {
                throw new IllegalArgumentException("column 'brand' at data row " + (r + 1) + " is " + brand[r]
                        + "; it must be an integer in [1, " + k + "] naming a price column");
            }
            if (week[r] != Math.rint(week[r])) {
                throw new IllegalArgumentException("column 'week' at data row " + (r + 1) + " is " + week[r]
                        + "; it must be an integer week number");
            }
            own[r] = price[b - 1][r];
        }
        // Row of (store, brand, week), for the lags.
        Map<Long, Integer> at = new HashMap<>(2 * n);
        Map<Long, double[]> meanPrice = new HashMap<>();
        for (int r = 0; r < n; r++) {
            at.put(key(store[r], brand[r], week[r]), r);
            if (train[r] && own[r] == own[r]) {
                double[] s = meanPrice.computeIfAbsent(key(store[r], brand[r], 0), x -> new double[2]);
                s[0] += own[r];
                s[1]++;
            }
        }
        double[] rel = new double[n];
        double[] compMean = new double[n];
        double[] compMin = new double[n];
        double[] gap = new double[n];
        double[] rank = new double[n];
        double[] priceLag = new double[n];
        double[] priceChange = new double[n];
        double[] dealLag = new double[n];
        double[][] lag = new double[3][n];
        double[] roll4 = new double[n];
        double[] roll4sd = new double[n];
        double[] roll13 = new double[n];
        double[] woy = new double[n];
        double[] holiday = new double[n];
        double[] weekPrices = new double[k];
        double[] back = new double[ScannerFormulas.HISTORY];
        double[] hist = new double[ScannerFormulas.HISTORY_FEATURES];
        for (int r = 0; r < n; r++) {
            int b = (int) brand[r] - 1;
            double[] mp = meanPrice.get(key(store[r], brand[r], 0));
            sf.histMean[r] = mp != null ? mp[0] / mp[1] : Double.NaN;
            rel[r] = own[r] / sf.histMean[r];
            double sum = 0;
            double min = Double.POSITIVE_INFINITY;
            int cnt = 0;
            for (int j = 0; j < k; j++) {
                double p = price[j][r];
                if (j != b && p == p) {
                    sum += p;
                    min = Math.min(min, p);
                    cnt++;
                }
            }
            compMean[r] = cnt > 0 ? sum / cnt : Double.NaN;
            compMin[r] = cnt > 0 ? min : Double.NaN;
            gap[r] = own[r] / compMean[r];
            for (int j = 0; j < k; j++) {
                weekPrices[j] = price[j][r];
            }
            rank[r] = ScannerFormulas.rank(own[r], weekPrices, b);
            Integer prev = at.get(key(store[r], brand[r], week[r] - 1));
            priceLag[r] = prev != null ? own[prev] : Double.NaN;
            priceChange[r] = own[r] / priceLag[r];
            dealLag[r] = prev != null ? deal[prev] : Double.NaN;
            for (int d = 1; d <= ScannerFormulas.HISTORY; d++) {
                Integer p = at.get(key(store[r], brand[r], week[r] - d));
                back[d - 1] = p != null ? y[p] : Double.NaN;
            }
            ScannerFormulas.history(back, 0, hist);
            lag[0][r] = hist[0];
            lag[1][r] = hist[1];
            lag[2][r] = hist[2];
            roll4[r] = hist[3];
            roll4sd[r] = hist[4];
            roll13[r] = hist[5];
            LocalDate start = WEEK_ONE.plusDays(7 * ((long) week[r] - 1));
            woy[r] = start.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
            holiday[r] = holidayWeek(start) ? 1 : 0;
        }
        sf.table = t;
        sf.add("ownprice", own);
        sf.add("relprice", rel);
        sf.add("compmean", compMean);
        sf.add("compmin", compMin);
        sf.add("pricegap", gap);
        sf.add("pricerank", rank);
        sf.add("pricelag1", priceLag);
        sf.add("pricechange", priceChange);
        sf.add("deallag1", dealLag);
        sf.add("lag1", lag[0]);
        sf.add("lag2", lag[1]);
        sf.add("lag3", lag[2]);
        sf.add("roll4mean", roll4);
        sf.add("roll4std", roll4sd);
        sf.add("roll13mean", roll13);
        sf.add("weekofyear", woy);
        sf.add("holiday", holiday);
        if (stores != null) {
            sf.joinStores(stores, store);
        }
        return sf;
    }

    private void add(String name, double[] values) {
        if (table.has(name) && !engineered.contains(name)) {
            throw new IllegalArgumentException("the data already has a column '" + name
                    + "', which the scanner-data features would replace; rename it or pass --features");
        }
        table = table.with(name, values);
        engineered.add(name);
    }

    private void joinStores(CsvTable stores, double[] store) {
        String key = null;
        for (String c : stores.names()) {
            if (c.equalsIgnoreCase("store")) {
                key = c;
            }
        }
        if (key == null) {
            throw new IllegalArgumentException(stores.source() + " has no STORE column to join on");
        }
        double[] ids = stores.numeric(key);
        Map<Double, Integer> row = new HashMap<>();
        for (int i = 0; i < ids.length; i++) {
            if (row.put(ids[i], i) != null) {
                throw new IllegalArgumentException(stores.source() + ": store " + ids[i] + " appears twice");
            }
        }
        for (String c : stores.names()) {
            if (c.equals(key) || stores.isText(c)) {
                continue;
            }
            double[] src = stores.numeric(c);
            double[] v = new double[store.length];
            for (int r = 0; r < v.length; r++) {
                Integer i = row.get(store[r]);
                v[r] = i != null ? src[i] : Double.NaN;
            }
            String name = c.toLowerCase(Locale.ROOT);
            add(table.has(name) ? "store_" + name : name, v);
        }
    }

    private static long key(double store, double brand, double week) {
        return ((long) store * 1_000L + (long) brand) * 1_000_000L + (long) week;
    }

    private static double rankOf(double own, double[][] price, int b, int r) {
        double[] week = new double[price.length];
        for (int j = 0; j < price.length; j++) {
            week[j] = price[j][r];
        }
        return ScannerFormulas.rank(own, week, b);
    }

    /** Whether the 7 days from {@code start} hold one of the holidays listed in the class comment. */
    static boolean holidayWeek(LocalDate start) {
        LocalDate end = start.plusDays(6);
        for (int year = start.getYear(); year <= end.getYear(); year++) {
            for (LocalDate h : List.of(
                    LocalDate.of(year, 1, 1),
                    LocalDate.of(year, Month.MAY, 31).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)),
                    LocalDate.of(year, 7, 4),
                    LocalDate.of(year, Month.SEPTEMBER, 1).with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY)),
                    LocalDate.of(year, Month.NOVEMBER, 1).with(TemporalAdjusters.dayOfWeekInMonth(4, DayOfWeek.THURSDAY)),
                    LocalDate.of(year, 12, 25))) {
                long d = ChronoUnit.DAYS.between(start, h);
                if (d >= 0 && d <= 6) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The table with the engineered columns added. */
    public CsvTable table() {
        return table;
    }

    /**
     * The mean own price of row {@code r}'s store and brand over the training weeks, the
     * denominator of {@code relprice}; {@code NaN} when the series has no training week.
     */
    public double historicalMeanPrice(int r) {
        return histMean[r];
    }

    /** Number of brands (price columns). */
    public int brands() {
        return brands;
    }

    /** Names of the engineered columns, in the order added. */
    public List<String> engineered() {
        return List.copyOf(engineered);
    }

    /** The default feature list: store, brand, every price, the promotion flags and all engineered columns. */
    public List<String> defaultFeatures() {
        List<String> f = new ArrayList<>(List.of("store", "brand"));
        for (int b = 1; b <= brands; b++) {
            f.add("price" + b);
        }
        f.add("deal");
        f.add("feat");
        f.addAll(engineered);
        return f;
    }

    /**
     * Rewrites a feature row (values in {@code features} order, built from table row {@code r})
     * as if the row's own price were {@code p}: {@code ownprice}, {@code price<brand>},
     * {@code relprice}, {@code pricegap}, {@code pricerank} and {@code pricechange} follow, the
     * rest stays. For partial-dependence curves of demand on own price.
     */
    public void setOwnPrice(double[] row, List<String> features, int r, double p) {
        int b = (int) table.column("brand")[r];
        double[][] price = new double[brands][];
        for (int j = 0; j < brands; j++) {
            price[j] = table.column("price" + (j + 1));
        }
        for (int i = 0; i < features.size(); i++) {
            String f = features.get(i);
            switch (f) {
                case "ownprice" -> row[i] = p;
                case "relprice" -> row[i] = p / histMean[r];
                case "pricegap" -> row[i] = p / table.column("compmean")[r];
                case "pricerank" -> row[i] = rankOf(p, price, b - 1, r);
                case "pricechange" -> row[i] = p / table.column("pricelag1")[r];
                default -> {
                    if (f.equals("price" + b)) {
                        row[i] = p;
                    }
                }
            }
        }
    }
}
