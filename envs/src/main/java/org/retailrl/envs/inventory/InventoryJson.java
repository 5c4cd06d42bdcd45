package org.retailrl.envs.inventory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.retailrl.core.json.JsonArray;
import org.retailrl.core.json.JsonNumber;
import org.retailrl.core.json.JsonObject;
import org.retailrl.core.json.JsonValue;

/**
 * JSON pieces shared by the scenario files of docs/model.md §7: the demand law object
 * ({@code {"type": "poisson", "mean": 5}}, {@code {"type": "geometric", "mean": 5}},
 * {@code {"type": "empirical", "probabilities": [0.2, 0.2, 0.2, 0.2, 0.2]}}) and integer arrays.
 * Unknown members and wrong types are {@link IllegalArgumentException}s naming the field.
 */
public final class InventoryJson {
    private InventoryJson() {
    }

    /** The demand law described by {@code o}; {@code field} names it in messages. */
    public static DemandLaw demand(JsonObject o, String field) {
        String type = o.getString("type", "").trim().toLowerCase(Locale.ROOT);
        switch (type) {
            case "poisson", "geometric" -> {
                o.requireKnownKeys(java.util.Set.of("type", "mean"), field);
                double mean = o.getDouble("mean");
                try {
                    return type.equals("poisson") ? DemandLaw.poisson(mean) : DemandLaw.geometric(mean);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(field + ": " + e.getMessage(), e);
                }
            }
            case "empirical" -> {
                o.requireKnownKeys(java.util.Set.of("type", "probabilities"), field);
                try {
                    return DemandLaw.empirical(o.getDoubleArray("probabilities"));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(field + ": " + e.getMessage(), e);
                }
            }
            default -> throw new IllegalArgumentException("field '" + field
                    + ".type' must be one of poisson, geometric, empirical, got '" + type + "'");
        }
    }

    /** {@code d} as a JSON object. */
    public static JsonObject demand(DemandLaw d) {
        JsonObject.Builder b = JsonObject.builder().put("type", d.kind().name().toLowerCase(Locale.ROOT));
        if (d.kind() == DemandLaw.Kind.EMPIRICAL) {
            b.put("probabilities", JsonArray.ofDoubles(d.givenProbabilities()));
        } else {
            b.put("mean", d.nominalMean());
        }
        return b.build();
    }

    /** The integer array {@code field} of {@code o}, or a copy of {@code dflt} when absent. */
    public static int[] ints(JsonObject o, String field, int[] dflt) {
        if (!o.has(field)) {
            return dflt == null ? null : dflt.clone();
        }
        double[] v = o.getDoubleArray(field);
        int[] out = new int[v.length];
        for (int k = 0; k < v.length; k++) {
            if (v[k] != Math.rint(v[k]) || Math.abs(v[k]) > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("field '" + field + "'[" + k + "] must be an integer, got " + v[k]);
            }
            out[k] = (int) v[k];
        }
        return out;
    }

    /** {@code v} as a JSON array of integers. */
    public static JsonArray ints(int[] v) {
        List<JsonValue> out = new ArrayList<>();
        for (int x : v) {
            out.add(JsonNumber.of(x));
        }
        return new JsonArray(out);
    }

    /** Re-throws a validation failure with the file name in front. */
    static IllegalArgumentException inFile(java.nio.file.Path file, IllegalArgumentException e) {
        return new IllegalArgumentException(file + ": " + e.getMessage(), e);
    }
}
