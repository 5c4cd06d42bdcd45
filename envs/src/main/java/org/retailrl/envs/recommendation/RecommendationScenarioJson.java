package org.retailrl.envs.recommendation;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.retailrl.core.json.Json;
import org.retailrl.core.json.JsonArray;
import org.retailrl.core.json.JsonNumber;
import org.retailrl.core.json.JsonObject;
import org.retailrl.core.json.JsonString;
import org.retailrl.core.json.JsonValue;
import org.retailrl.envs.pricing.ShortageMode;

/**
 * Reads and writes {@link RecommendationScenario} (docs/model.md §3) as a JSON object whose member
 * names are the record's component names. Every member is required except {@code products} and
 * {@code customers}, which when present must match the arrays' lengths. {@code initialRatings}
 * is either an array of {@code N} arrays of {@code M} numbers, or an object
 * {@code {"seed": s, "low": a, "high": b}} that generates i.i.d. uniform ratings on
 * {@code [a, b)} with {@link RecommendationScenarios#uniformRatings}. {@code mode} is
 * {@code "lost_sales"} or {@code "backlog"} (case-insensitive). Unknown members, wrong JSON types
 * and values outside the record's ranges are {@link IllegalArgumentException}s naming the field.
 * Writing gives every member with explicit ratings, so the file is self-contained.
 */
public final class RecommendationScenarioJson {
    private static final Set<String> FIELDS = Set.of("products", "customers", "horizon", "priceOut", "priceIn",
            "holdingCost", "shortageCost", "leadTime", "initialInventory", "maxOrder", "ratingMax", "efficiency",
            "initialRatings", "purchaseCounts", "mode");
    private static final Set<String> GENERATOR_FIELDS = Set.of("seed", "low", "high");

    private RecommendationScenarioJson() {
    }

    /** The scenario described by {@code o}; see the class description. */
    public static RecommendationScenario fromJson(JsonObject o) {
        o.requireKnownKeys(FIELDS, "recommendation scenario");
        double[] pOut = o.getDoubleArray("priceOut");
        int n = pOut.length;
        int[] counts = intArray("purchaseCounts", o.getDoubleArray("purchaseCounts"));
        int m = counts.length;
        if (o.has("products") && o.getInt("products") != n) {
            throw new IllegalArgumentException("field 'products' must equal the length of priceOut (" + n + "), got "
                    + o.getInt("products"));
        }
        if (o.has("customers") && o.getInt("customers") != m) {
            throw new IllegalArgumentException("field 'customers' must equal the length of purchaseCounts (" + m
                    + "), got " + o.getInt("customers"));
        }
        double[] ratings = ratings(o.get("initialRatings"), n, m);
        return new RecommendationScenario(n, m, o.getInt("horizon"), pOut, o.getDoubleArray("priceIn"),
                o.getDoubleArray("holdingCost"), o.getDoubleArray("shortageCost"),
                intArray("leadTime", o.getDoubleArray("leadTime")),
                intArray("initialInventory", o.getDoubleArray("initialInventory")), o.getInt("maxOrder"),
                o.getDouble("ratingMax"), o.getDouble("efficiency"), ratings, counts, mode(o.getString("mode")));
    }

    private static double[] ratings(JsonValue v, int n, int m) {
        if (v == null) {
            throw new IllegalArgumentException("missing field 'initialRatings'");
        }
        if (v instanceof JsonObject g) {
            g.requireKnownKeys(GENERATOR_FIELDS, "field 'initialRatings'");
            double lo = g.getDouble("low");
            double hi = g.getDouble("high");
            if (!(Double.isFinite(lo) && Double.isFinite(hi) && lo <= hi)) {
                throw new IllegalArgumentException("field 'initialRatings' needs finite low <= high, got [" + lo
                        + ", " + hi + ")");
            }
            return RecommendationScenarios.uniformRatings(n, m, lo, hi, g.getLong("seed"));
        }
        if (!(v instanceof JsonArray rows)) {
            throw new IllegalArgumentException("field 'initialRatings' must be an array of " + n
                    + " arrays or a {seed, low, high} object, got " + v.typeName());
        }
        if (rows.size() != n) {
            throw new IllegalArgumentException("field 'initialRatings' must have one row per product (" + n
                    + "), got " + rows.size());
        }
        double[] r = new double[n * m];
        for (int i = 0; i < n; i++) {
            if (!(rows.get(i) instanceof JsonArray row)) {
                throw new IllegalArgumentException("field 'initialRatings'[" + i + "] must be an array, got "
                        + rows.get(i).typeName());
            }
            double[] d = row.toDoubleArray("field 'initialRatings'[" + i + "]");
            if (d.length != m) {
                throw new IllegalArgumentException("field 'initialRatings'[" + i + "] must have one entry per customer ("
                        + m + "), got " + d.length);
            }
            System.arraycopy(d, 0, r, i * m, m);
        }
        return r;
    }

    private static int[] intArray(String field, double[] d) {
        int[] out = new int[d.length];
        for (int k = 0; k < d.length; k++) {
            if (d[k] != Math.rint(d[k]) || Math.abs(d[k]) > RecommendationScenario.MAX_UNITS) {
                throw new IllegalArgumentException("field '" + field + "'[" + k + "] must be an integer in [0, "
                        + RecommendationScenario.MAX_UNITS + "], got " + d[k]);
            }
            out[k] = (int) d[k];
        }
        return out;
    }

    private static ShortageMode mode(String text) {
        for (ShortageMode e : ShortageMode.values()) {
            if (e.name().equalsIgnoreCase(text.trim())) {
                return e;
            }
        }
        throw new IllegalArgumentException("field 'mode' must be one of lost_sales, backlog, got '" + text + "'");
    }

    /** Every field of {@code s} as a JSON object, with explicit ratings. */
    public static JsonObject toJson(RecommendationScenario s) {
        List<JsonValue> rows = new ArrayList<>();
        double[] r = s.initialRatings();
        int m = s.customers();
        for (int i = 0; i < s.products(); i++) {
            rows.add(JsonArray.ofDoubles(java.util.Arrays.copyOfRange(r, i * m, i * m + m)));
        }
        return JsonObject.builder()
                .put("products", s.products())
                .put("customers", s.customers())
                .put("horizon", s.horizon())
                .put("priceOut", JsonArray.ofDoubles(s.priceOut()))
                .put("priceIn", JsonArray.ofDoubles(s.priceIn()))
                .put("holdingCost", JsonArray.ofDoubles(s.holdingCost()))
                .put("shortageCost", JsonArray.ofDoubles(s.shortageCost()))
                .put("leadTime", ints(s.leadTime()))
                .put("initialInventory", ints(s.initialInventory()))
                .put("maxOrder", s.maxOrder())
                .put("ratingMax", s.ratingMax())
                .put("efficiency", s.efficiency())
                .put("initialRatings", new JsonArray(rows))
                .put("purchaseCounts", ints(s.purchaseCounts()))
                .put("mode", new JsonString(s.mode().name().toLowerCase(Locale.ROOT)))
                .build();
    }

    private static JsonArray ints(int[] a) {
        List<JsonValue> list = new ArrayList<>(a.length);
        for (int x : a) {
            list.add(JsonNumber.of(x));
        }
        return new JsonArray(list);
    }

    /** Parses a scenario from JSON text. */
    public static RecommendationScenario parse(String text) {
        return fromJson(Json.parseObject(text));
    }

    /** The scenario as pretty JSON text. */
    public static String write(RecommendationScenario s) {
        return Json.writePretty(toJson(s));
    }

    /** Reads a scenario file; messages name the file and the field. */
    public static RecommendationScenario load(Path file) throws IOException {
        JsonObject o = Json.readObject(file);
        try {
            return fromJson(o);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    /** Writes a scenario file atomically. */
    public static void save(Path file, RecommendationScenario s) throws IOException {
        Json.writeFile(file, toJson(s));
    }
}
