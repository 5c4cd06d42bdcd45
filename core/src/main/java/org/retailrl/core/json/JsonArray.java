package org.retailrl.core.json;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A JSON array (RFC 8259 §5): an immutable ordered list of values.
 *
 * <p>Infrastructure for the scenario files of docs/model.md §1 and §3 and the reports; no equation of its own.
 */
public record JsonArray(List<JsonValue> values) implements JsonValue {

    /** Copies {@code values}; no element may be null (use {@link JsonNull#INSTANCE}). */
    public JsonArray {
        if (values == null) {
            throw new IllegalArgumentException("JsonArray values must not be null");
        }
        List<JsonValue> copy = new ArrayList<>(values.size());
        for (JsonValue v : values) {
            if (v == null) {
                throw new IllegalArgumentException("JsonArray element " + copy.size() + " is null; use JsonNull.INSTANCE");
            }
            copy.add(v);
        }
        values = Collections.unmodifiableList(copy);
    }

    /** An array of the given values. */
    public static JsonArray of(JsonValue... values) {
        return new JsonArray(Arrays.asList(values));
    }

    /** An array of numbers. */
    public static JsonArray ofDoubles(double... values) {
        List<JsonValue> list = new ArrayList<>(values.length);
        for (double v : values) {
            list.add(new JsonNumber(v));
        }
        return new JsonArray(list);
    }

    /** Number of elements. */
    public int size() {
        return values.size();
    }

    /** Element {@code i}. */
    public JsonValue get(int i) {
        return values.get(i);
    }

    /**
     * The elements as doubles.
     *
     * @param context names the array in the error message, e.g. {@code "field 'prices'"}
     * @throws IllegalArgumentException naming {@code context[i]} if an element is not a number
     */
    public double[] toDoubleArray(String context) {
        double[] out = new double[values.size()];
        for (int i = 0; i < out.length; i++) {
            if (!(values.get(i) instanceof JsonNumber n)) {
                throw new IllegalArgumentException(context + "[" + i + "] must be a number, got "
                        + values.get(i).typeName());
            }
            out[i] = n.value();
        }
        return out;
    }

    @Override
    public String typeName() {
        return "array";
    }
}
