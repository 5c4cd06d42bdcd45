package org.retailrl.envs.multiproduct;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.retailrl.core.json.Json;
import org.retailrl.core.json.JsonArray;
import org.retailrl.core.json.JsonNull;
import org.retailrl.core.json.JsonNumber;
import org.retailrl.core.json.JsonObject;
import org.retailrl.core.json.JsonString;
import org.retailrl.core.json.JsonValue;
import org.retailrl.envs.pricing.ShortageMode;

/**
 * Reads and writes {@link MultiProductScenario} (docs/model.md §4) as a JSON object whose member names
 * are the record's components. Reading starts from a built-in scenario — member {@code "base"}
 * (default {@code "multiproduct"}) — and overrides the members present; when {@code names} changes
 * the number of products every per-product member must be given. {@code mode} is
 * {@code "lost_sales"} or {@code "backlog"}; {@code inventoryCap} an integer or {@code null}.
 * Unknown members, wrong types and values out of range are {@link IllegalArgumentException}s naming
 * the field and its range. Writing gives every member.
 */
public final class MultiProductScenarioJson {
    private static final List<String> FIELDS = List.of("base", "names", "prices", "maxOrder", "leadTime", "horizon",
            "mode", "inventoryCap", "unitCost", "holdingCost", "shortageCost", "fixedCost", "initialInventory",
            "marketSize", "periodLength", "pivotPrice", "attraction", "sensitivity", "crossPrice", "substitution");

    private MultiProductScenarioJson() {
    }

    /** The scenario described by {@code o}. */
    public static MultiProductScenario fromJson(JsonObject o) {
        o.requireKnownKeys(Set.copyOf(FIELDS), "multi-product scenario");
        MultiProductScenario s = MultiProductScenario.named(o.getString("base", "multiproduct"));
        String[] names = s.names();
        if (o.has("names")) {
            JsonArray a = o.getArray("names");
            names = new String[a.size()];
            for (int i = 0; i < names.length; i++) {
                if (!(a.get(i) instanceof JsonString js)) {
                    throw new IllegalArgumentException("field 'names'[" + i + "] must be a string");
                }
                names[i] = js.value();
            }
        }
        ShortageMode mode = s.mode();
        if (o.has("mode")) {
            String m = o.getString("mode").trim();
            mode = switch (m.toLowerCase(Locale.ROOT)) {
                case "lost_sales" -> ShortageMode.LOST_SALES;
                case "backlog" -> ShortageMode.BACKLOG;
                default -> throw new IllegalArgumentException("field 'mode' must be one of lost_sales, backlog, got '"
                        + m + "'");
            };
        }
        int cap = s.inventoryCap();
        if (o.has("inventoryCap")) {
            cap = o.get("inventoryCap") instanceof JsonNull ? MultiProductScenario.UNCAPPED : o.getInt("inventoryCap");
        }
        double[] init = o.getDoubleArray("initialInventory", toDoubles(s.initialInventory()));
        int[] inv = new int[init.length];
        for (int i = 0; i < init.length; i++) {
            if (init[i] != Math.rint(init[i]) || Math.abs(init[i]) > 1e6) {
                throw new IllegalArgumentException("field 'initialInventory'[" + i + "] must be an integer, got "
                        + init[i]);
            }
            inv[i] = (int) init[i];
        }
        return new MultiProductScenario(names, o.getDoubleArray("prices", s.prices()),
                    o.getInt("maxOrder", s.maxOrder()), o.getInt("leadTime", s.leadTime()),
                    o.getInt("horizon", s.horizon()), mode, cap, o.getDoubleArray("unitCost", s.unitCost()),
                    o.getDoubleArray("holdingCost", s.holdingCost()), o.getDoubleArray("shortageCost", s.shortageCost()),
                    o.getDoubleArray("fixedCost", s.fixedCost()), inv, o.getDouble("marketSize", s.marketSize()),
                    o.getDouble("periodLength", s.periodLength()), o.getDouble("pivotPrice", s.pivotPrice()),
                    o.getDoubleArray("attraction", s.attraction()), o.getDoubleArray("sensitivity", s.sensitivity()),
                    matrix(o, "crossPrice", s.crossPrice()), matrix(o, "substitution", s.substitution()));
    }

    private static double[] toDoubles(int[] v) {
        double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            d[i] = v[i];
        }
        return d;
    }

    private static double[][] matrix(JsonObject o, String field, double[][] dflt) {
        if (!o.has(field)) {
            return dflt;
        }
        JsonArray rows = o.getArray(field);
        double[][] m = new double[rows.size()][];
        for (int i = 0; i < m.length; i++) {
            if (!(rows.get(i) instanceof JsonArray row)) {
                throw new IllegalArgumentException("field '" + field + "'[" + i + "] must be an array of numbers");
            }
            m[i] = row.toDoubleArray("field '" + field + "'[" + i + "]");
        }
        return m;
    }

    /** Every member of {@code s}. */
    public static JsonObject toJson(MultiProductScenario s) {
        List<JsonValue> names = new ArrayList<>();
        for (String nm : s.names()) {
            names.add(new JsonString(nm));
        }
        return JsonObject.builder()
                .put("names", new JsonArray(names))
                .put("prices", JsonArray.ofDoubles(s.prices()))
                .put("maxOrder", s.maxOrder())
                .put("leadTime", s.leadTime())
                .put("horizon", s.horizon())
                .put("mode", new JsonString(s.mode().name().toLowerCase(Locale.ROOT)))
                .put("inventoryCap", s.capped() ? JsonNumber.of(s.inventoryCap()) : JsonNull.INSTANCE)
                .put("unitCost", JsonArray.ofDoubles(s.unitCost()))
                .put("holdingCost", JsonArray.ofDoubles(s.holdingCost()))
                .put("shortageCost", JsonArray.ofDoubles(s.shortageCost()))
                .put("fixedCost", JsonArray.ofDoubles(s.fixedCost()))
                .put("initialInventory", JsonArray.ofDoubles(toDoubles(s.initialInventory())))
                .put("marketSize", s.marketSize())
                .put("periodLength", s.periodLength())
                .put("pivotPrice", s.pivotPrice())
                .put("attraction", JsonArray.ofDoubles(s.attraction()))
                .put("sensitivity", JsonArray.ofDoubles(s.sensitivity()))
                .put("crossPrice", rows(s.crossPrice()))
                .put("substitution", rows(s.substitution()))
                .build();
    }

    private static JsonArray rows(double[][] m) {
        List<JsonValue> r = new ArrayList<>();
        for (double[] row : m) {
            r.add(JsonArray.ofDoubles(row));
        }
        return new JsonArray(r);
    }

    /** Parses JSON text. */
    public static MultiProductScenario parse(String text) {
        return fromJson(Json.parseObject(text));
    }

    /** Pretty JSON text with every member. */
    public static String write(MultiProductScenario s) {
        return Json.writePretty(toJson(s));
    }

    /** Reads a scenario file; messages name the file and the field. */
    public static MultiProductScenario load(Path file) throws IOException {
        try {
            return fromJson(Json.readObject(file));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    /** Writes a scenario file atomically. */
    public static void save(Path file, MultiProductScenario s) throws IOException {
        Json.writeFile(file, toJson(s));
    }
}
