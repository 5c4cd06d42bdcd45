package org.retailrl.envs.multiproduct;

import java.util.Arrays;
import java.util.Locale;
import org.retailrl.envs.pricing.ShortageMode;

/**
 * Every parameter of the multi-product pricing-and-replenishment problem of docs/model.md §4: {@code N}
 * products on one price grid, each with the stock, lead-time pipeline, lost sales or backlog and
 * costs of §1.5, whose demands are linked through a multinomial logit with cross-price terms
 * (§4.2) and through stock-out substitution. Units: stock and orders in units, prices and costs in
 * currency per unit, the fixed cost per order, the market size in customers per unit time.
 *
 * <p>Demand of product {@code i} at posted prices {@code p} (§4.2):
 * {@code u_i = α_i − β_i (p_i − p̄) + Σ_{k≠i} γ_{ik} (p_k − p̄)},
 * {@code λ_i = η Δ e^{u_i} / (1 + Σ_k e^{u_k})}; a unit of {@code i} that finds no stock is
 * offered to product {@code k} with probability {@code θ_{ik}}.
 *
 * @param names          one name per product (reports), non-blank
 * @param prices         the price grid shared by all products, strictly increasing, > 0
 * @param maxOrder       largest order per product and period {@code Q}, in [0, 1000]
 * @param leadTime       {@code L}, in [0, 100]
 * @param horizon        {@code T}, in [1, 100000]
 * @param mode           lost sales or backlog (all products)
 * @param inventoryCap   stock above this after an arrival is disposed of; {@link #UNCAPPED} for none
 * @param unitCost       {@code c^i} per product, >= 0
 * @param holdingCost    {@code h^i}, >= 0
 * @param shortageCost   {@code b^i} (per unit lost, or per unit and period backlogged), >= 0
 * @param fixedCost      {@code K^i} per order placed, >= 0
 * @param initialInventory {@code I_0^i}, in [0, 100000] (lost sales) or [−100000, 100000] (backlog)
 * @param marketSize     {@code η}, > 0
 * @param periodLength   {@code Δ}, > 0
 * @param pivotPrice     {@code p̄}, the price at which {@code α} is the utility, finite
 * @param attraction     {@code α_i}, finite
 * @param sensitivity    {@code β_i}, > 0 (demand falls with the own price)
 * @param crossPrice     {@code γ_{ik}}, {@code N × N}, zero diagonal: > 0 substitutes, < 0 complements
 * @param substitution   {@code θ_{ik}}, {@code N × N}, zero diagonal, entries in [0, 1], row sums <= 1
 */
public record MultiProductScenario(String[] names, double[] prices, int maxOrder, int leadTime, int horizon,
                                   ShortageMode mode, int inventoryCap, double[] unitCost, double[] holdingCost,
                                   double[] shortageCost, double[] fixedCost, int[] initialInventory,
                                   double marketSize, double periodLength, double pivotPrice, double[] attraction,
                                   double[] sensitivity, double[][] crossPrice, double[][] substitution) {
    /** The value of {@link #inventoryCap} meaning "no cap". */
    public static final int UNCAPPED = Integer.MAX_VALUE;
    /** Largest number of products. */
    public static final int MAX_PRODUCTS = 64;
    /** Largest accepted {@code η·Δ} (a Poisson mean's upper bound). */
    public static final double MAX_MEAN = 1e6;
    /** Names of the built-in scenarios ({@link #named}). */
    public static final String[] NAMES = {"multiproduct", "multiproduct-fixed", "multiproduct-backlog",
        "multiproduct-small"};

    /** Validates every field, naming it and its allowed range. */
    public MultiProductScenario {
        if (names == null || names.length < 1 || names.length > MAX_PRODUCTS) {
            throw new IllegalArgumentException("names must list 1.." + MAX_PRODUCTS + " products, got "
                    + (names == null ? "null" : names.length));
        }
        int n = names.length;
        names = names.clone();
        for (int i = 0; i < n; i++) {
            if (names[i] == null || names[i].isBlank()) {
                throw new IllegalArgumentException("names[" + i + "] must be non-blank");
            }
        }
        if (prices == null || prices.length == 0) {
            throw new IllegalArgumentException("prices must be a non-empty grid");
        }
        prices = prices.clone();
        for (int j = 0; j < prices.length; j++) {
            if (!(prices[j] > 0) || !Double.isFinite(prices[j]) || (j > 0 && !(prices[j] > prices[j - 1]))) {
                throw new IllegalArgumentException("prices[" + j + "] must be finite, > 0 and above prices[" + (j - 1)
                        + "], got " + prices[j]);
            }
        }
        range("maxOrder", maxOrder, 0, 1000);
        range("leadTime", leadTime, 0, 100);
        range("horizon", horizon, 1, 100_000);
        if (mode == null) {
            throw new IllegalArgumentException("mode must be lost_sales or backlog, got null");
        }
        if (inventoryCap != UNCAPPED) {
            range("inventoryCap", inventoryCap, 0, 100_000);
        }
        unitCost = perProduct("unitCost", unitCost, n);
        holdingCost = perProduct("holdingCost", holdingCost, n);
        shortageCost = perProduct("shortageCost", shortageCost, n);
        fixedCost = perProduct("fixedCost", fixedCost, n);
        if (initialInventory == null || initialInventory.length != n) {
            throw new IllegalArgumentException("initialInventory must hold " + n + " values, got "
                    + (initialInventory == null ? "null" : initialInventory.length));
        }
        initialInventory = initialInventory.clone();
        int lo = mode == ShortageMode.LOST_SALES ? 0 : -100_000;
        for (int i = 0; i < n; i++) {
            range("initialInventory[" + i + "]", initialInventory[i], lo, Math.min(100_000, inventoryCap));
        }
        positive("marketSize", marketSize);
        positive("periodLength", periodLength);
        if (!(marketSize * periodLength <= MAX_MEAN)) {
            throw new IllegalArgumentException("marketSize * periodLength must be in (0, " + MAX_MEAN + "], got "
                    + marketSize * periodLength);
        }
        if (!Double.isFinite(pivotPrice)) {
            throw new IllegalArgumentException("pivotPrice must be finite, got " + pivotPrice);
        }
        if (attraction == null || attraction.length != n) {
            throw new IllegalArgumentException("attraction must hold " + n + " values");
        }
        attraction = attraction.clone();
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(attraction[i]) || Math.abs(attraction[i]) > 50) {
                throw new IllegalArgumentException("attraction[" + i + "] must be in [-50, 50], got " + attraction[i]);
            }
        }
        if (sensitivity == null || sensitivity.length != n) {
            throw new IllegalArgumentException("sensitivity must hold " + n + " values");
        }
        sensitivity = sensitivity.clone();
        for (int i = 0; i < n; i++) {
            if (!(sensitivity[i] > 0) || sensitivity[i] > 10) {
                throw new IllegalArgumentException("sensitivity[" + i + "] must be in (0, 10], got " + sensitivity[i]);
            }
        }
        crossPrice = square("crossPrice", crossPrice, n, -10, 10);
        substitution = square("substitution", substitution, n, 0, 1);
        for (int i = 0; i < n; i++) {
            double row = 0;
            for (int k = 0; k < n; k++) {
                row += substitution[i][k];
            }
            if (row > 1 + 1e-12) {
                throw new IllegalArgumentException("substitution row " + i + " must sum to at most 1, got " + row);
            }
        }
    }

    private static void range(String f, int v, int lo, int hi) {
        if (v < lo || v > hi) {
            throw new IllegalArgumentException(f + " must be in [" + lo + ", " + hi + "], got " + v);
        }
    }

    private static void positive(String f, double v) {
        if (!(v > 0) || !Double.isFinite(v)) {
            throw new IllegalArgumentException(f + " must be finite and > 0, got " + v);
        }
    }

    private static double[] perProduct(String f, double[] v, int n) {
        if (v == null || v.length != n) {
            throw new IllegalArgumentException(f + " must hold " + n + " values (one per product), got "
                    + (v == null ? "null" : v.length));
        }
        for (int i = 0; i < n; i++) {
            if (!(v[i] >= 0) || !Double.isFinite(v[i])) {
                throw new IllegalArgumentException(f + "[" + i + "] must be finite and >= 0, got " + v[i]);
            }
        }
        return v.clone();
    }

    private static double[][] square(String f, double[][] m, int n, double lo, double hi) {
        if (m == null || m.length != n) {
            throw new IllegalArgumentException(f + " must be a " + n + " x " + n + " matrix");
        }
        double[][] c = new double[n][];
        for (int i = 0; i < n; i++) {
            if (m[i] == null || m[i].length != n) {
                throw new IllegalArgumentException(f + "[" + i + "] must hold " + n + " values");
            }
            c[i] = m[i].clone();
            for (int k = 0; k < n; k++) {
                double v = c[i][k];
                if (i == k ? v != 0 : !(v >= lo && v <= hi)) {
                    throw new IllegalArgumentException(f + "[" + i + "][" + k + "] must be "
                            + (i == k ? "0 (diagonal)" : "in [" + lo + ", " + hi + "]") + ", got " + v);
                }
            }
        }
        return c;
    }

    /**
     * The built-in scenarios of docs/model.md §4.2, case-insensitive: {@code multiproduct} — three
     * products, 0 and 1 substitutes, 1 and 2 complements, lost sales, {@code K = 0};
     * {@code multiproduct-fixed} — the same with {@code K = 20}; {@code multiproduct-backlog} — backlog,
     * {@code K = 0}; {@code multiproduct-small} — the two-product instance of the exact DP (§4.6).
     */
    public static MultiProductScenario named(String name) {
        String s = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        return switch (s) {
            case "multiproduct" -> three(ShortageMode.LOST_SALES, 0);
            case "multiproduct-fixed" -> three(ShortageMode.LOST_SALES, 20);
            case "multiproduct-backlog" -> three(ShortageMode.BACKLOG, 0);
            case "multiproduct-small" -> small();
            default -> throw new IllegalArgumentException("multi-product scenario must be one of "
                    + String.join(", ", NAMES) + ", got '" + name + "'");
        };
    }

    /** The default grid of docs/model.md §1.6, {@code 10, 12, …, 50}. */
    static double[] defaultGrid() {
        double[] g = new double[21];
        for (int j = 0; j < g.length; j++) {
            g[j] = 10 + 2 * j;
        }
        return g;
    }

    private static MultiProductScenario three(ShortageMode mode, double k) {
        // Substitutes 0–1 (γ > 0 and half of a stocked-out unit switches), complements 1–2 (γ < 0, no switching).
        double[][] gamma = {{0, 0.04, 0}, {0.04, 0, -0.05}, {0, -0.05, 0}};
        double[][] theta = {{0, 0.5, 0}, {0.5, 0, 0}, {0, 0, 0}};
        return new MultiProductScenario(new String[] {"SKU1", "SKU2", "SKU3"}, defaultGrid(), 20, 2, 100, mode,
                UNCAPPED, fill(3, 10), fill(3, 1), fill(3, 5), fill(3, k), new int[] {10, 10, 10}, 100, 1, 30,
                new double[] {-2.6, -2.8, -3.0}, new double[] {0.08, 0.08, 0.08}, gamma, theta);
    }

    /** Two substitutes on a coarse grid, {@code L = 1}, capped stock: small enough for the exact DP. */
    private static MultiProductScenario small() {
        double[][] gamma = {{0, 0.04}, {0.04, 0}};
        double[][] theta = {{0, 0.5}, {0.5, 0}};
        return new MultiProductScenario(new String[] {"SKU1", "SKU2"}, new double[] {14, 20, 26, 32, 38}, 6, 1, 20,
                ShortageMode.LOST_SALES, 12, fill(2, 10), fill(2, 1), fill(2, 5), fill(2, 0), new int[] {4, 4}, 30, 1,
                26, new double[] {-1.6, -1.8}, new double[] {0.1, 0.1}, gamma, theta);
    }

    static double[] fill(int n, double v) {
        double[] a = new double[n];
        Arrays.fill(a, v);
        return a;
    }

    /** Number of products {@code N}. */
    public int products() {
        return names.length;
    }

    /** Number of grid prices. */
    public int priceCount() {
        return prices.length;
    }

    /** Grid price {@code j}. */
    public double price(int j) {
        return prices[j];
    }

    /** True when stock is capped. */
    public boolean capped() {
        return inventoryCap != UNCAPPED;
    }

    /** A copy with other fixed costs per order (one value for every product). */
    public MultiProductScenario withFixedCost(double k) {
        return new MultiProductScenario(names, prices, maxOrder, leadTime, horizon, mode, inventoryCap, unitCost,
                holdingCost, shortageCost, fill(names.length, k), initialInventory, marketSize, periodLength,
                pivotPrice, attraction, sensitivity, crossPrice, substitution);
    }

    /**
     * {@code n} products built by repeating this scenario's first product's parameters, with
     * substitutes in consecutive pairs (0–1, 2–3, …) as this scenario's products 0–1 and no other
     * interaction; the attraction is lowered by {@code ln(n/N)} so the no-purchase share stays about
     * the same. Used for the scaling measurements (N = 1, 3, 10).
     */
    public MultiProductScenario scaled(int n) {
        if (n < 1 || n > MAX_PRODUCTS) {
            throw new IllegalArgumentException("n must be in [1, " + MAX_PRODUCTS + "], got " + n);
        }
        String[] nm = new String[n];
        double[][] g = new double[n][n];
        double[][] t = new double[n][n];
        double shift = Math.log((double) n / names.length);
        double[] a = new double[n];
        int[] inv = new int[n];
        for (int i = 0; i < n; i++) {
            nm[i] = "SKU" + (i + 1);
            a[i] = attraction[0] - shift;
            inv[i] = initialInventory[0];
            int partner = i ^ 1;
            if (partner < n && names.length > 1) {
                g[i][partner] = crossPrice[0][1];
                t[i][partner] = substitution[0][1];
            }
        }
        return new MultiProductScenario(nm, prices, maxOrder, leadTime, horizon, mode, inventoryCap,
                fill(n, unitCost[0]), fill(n, holdingCost[0]), fill(n, shortageCost[0]), fill(n, fixedCost[0]), inv,
                marketSize, periodLength, pivotPrice, a, fill(n, sensitivity[0]), g, t);
    }

    @Override
    public String[] names() {
        return names.clone();
    }

    @Override
    public double[] prices() {
        return prices.clone();
    }

    @Override
    public double[] unitCost() {
        return unitCost.clone();
    }

    @Override
    public double[] holdingCost() {
        return holdingCost.clone();
    }

    @Override
    public double[] shortageCost() {
        return shortageCost.clone();
    }

    @Override
    public double[] fixedCost() {
        return fixedCost.clone();
    }

    @Override
    public int[] initialInventory() {
        return initialInventory.clone();
    }

    @Override
    public double[] attraction() {
        return attraction.clone();
    }

    @Override
    public double[] sensitivity() {
        return sensitivity.clone();
    }

    @Override
    public double[][] crossPrice() {
        return deep(crossPrice);
    }

    @Override
    public double[][] substitution() {
        return deep(substitution);
    }

    private static double[][] deep(double[][] m) {
        double[][] c = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            c[i] = m[i].clone();
        }
        return c;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MultiProductScenario s && Arrays.equals(names, s.names) && Arrays.equals(prices, s.prices)
                && maxOrder == s.maxOrder && leadTime == s.leadTime && horizon == s.horizon && mode == s.mode
                && inventoryCap == s.inventoryCap && Arrays.equals(unitCost, s.unitCost)
                && Arrays.equals(holdingCost, s.holdingCost) && Arrays.equals(shortageCost, s.shortageCost)
                && Arrays.equals(fixedCost, s.fixedCost) && Arrays.equals(initialInventory, s.initialInventory)
                && Double.compare(marketSize, s.marketSize) == 0 && Double.compare(periodLength, s.periodLength) == 0
                && Double.compare(pivotPrice, s.pivotPrice) == 0 && Arrays.equals(attraction, s.attraction)
                && Arrays.equals(sensitivity, s.sensitivity) && Arrays.deepEquals(crossPrice, s.crossPrice)
                && Arrays.deepEquals(substitution, s.substitution);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(names) * 31 + Arrays.hashCode(prices) * 17 + Arrays.deepHashCode(crossPrice) * 7
                + Arrays.deepHashCode(substitution) + Arrays.hashCode(fixedCost) + horizon;
    }

    @Override
    public String toString() {
        return "MultiProductScenario" + Arrays.toString(names) + "[L=" + leadTime + ", T=" + horizon + ", mode=" + mode
                + ", K=" + Arrays.toString(fixedCost) + "]";
    }
}
