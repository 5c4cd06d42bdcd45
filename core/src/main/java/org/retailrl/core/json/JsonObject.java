package org.retailrl.core.json;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A JSON object (RFC 8259 §4): an immutable map from unique names to values that keeps insertion
 * order for writing. Equality ignores member order, as JSON objects are unordered.
 *
 * <p>The typed getters are for configuration loading (scenario files of docs/model.md §1 and §3): each
 * error message names the field and the type it should have. A JSON {@code null} is a type error,
 * not a missing field, so a typo'd value never silently becomes a default.
 */
public record JsonObject(Map<String, JsonValue> members) implements JsonValue {

    /** Copies {@code members} in iteration order; no key or value may be null. */
    public JsonObject {
        if (members == null) {
            throw new IllegalArgumentException("JsonObject members must not be null");
        }
        LinkedHashMap<String, JsonValue> copy = new LinkedHashMap<>();
        for (Map.Entry<String, JsonValue> e : members.entrySet()) {
            String k = e.getKey();
            if (k == null) {
                throw new IllegalArgumentException("JsonObject key must not be null");
            }
            if (e.getValue() == null) {
                throw new IllegalArgumentException("JsonObject value of '" + k + "' is null; use JsonNull.INSTANCE");
            }
            copy.put(k, e.getValue());
        }
        members = Collections.unmodifiableMap(copy);
    }

    /** A builder that keeps insertion order and rejects duplicate names. */
    public static Builder builder() {
        return new Builder();
    }

    /** Number of members. */
    public int size() {
        return members.size();
    }

    /** True if a member named {@code key} exists. */
    public boolean has(String key) {
        return members.containsKey(key);
    }

    /** The member named {@code key}, or null if absent. */
    public JsonValue get(String key) {
        return members.get(key);
    }

    /** Member names in insertion order. */
    public Set<String> keys() {
        return members.keySet();
    }

    /**
     * Fails if any member name is outside {@code allowed}.
     *
     * @param context what this object is, for the message, e.g. {@code "scenario"}
     * @throws IllegalArgumentException "unknown field 'foo' in scenario; allowed: a, b, c" (allowed
     *     names sorted)
     */
    public void requireKnownKeys(Set<String> allowed, String context) {
        for (String k : members.keySet()) {
            if (!allowed.contains(k)) {
                throw new IllegalArgumentException("unknown field '" + k + "' in " + context
                        + "; allowed: " + String.join(", ", new TreeSet<>(allowed)));
            }
        }
    }

    /** The required number {@code key}. */
    public double getDouble(String key) {
        return number(key, require(key)).value();
    }

    /** The number {@code key}, or {@code dflt} if absent. */
    public double getDouble(String key, double dflt) {
        JsonValue v = members.get(key);
        return v == null ? dflt : number(key, v).value();
    }

    /** The required integer {@code key} (a whole number in int range). */
    public int getInt(String key) {
        return toInt(key, require(key));
    }

    /** The integer {@code key}, or {@code dflt} if absent. */
    public int getInt(String key, int dflt) {
        JsonValue v = members.get(key);
        return v == null ? dflt : toInt(key, v);
    }

    /** The required integer {@code key} (a whole number of magnitude at most 2<sup>53</sup>). */
    public long getLong(String key) {
        return toLong(key, require(key));
    }

    /** The integer {@code key}, or {@code dflt} if absent. */
    public long getLong(String key, long dflt) {
        JsonValue v = members.get(key);
        return v == null ? dflt : toLong(key, v);
    }

    /** The required string {@code key}. */
    public String getString(String key) {
        return string(key, require(key));
    }

    /** The string {@code key}, or {@code dflt} if absent. */
    public String getString(String key, String dflt) {
        JsonValue v = members.get(key);
        return v == null ? dflt : string(key, v);
    }

    /** The required boolean {@code key}. */
    public boolean getBoolean(String key) {
        return bool(key, require(key));
    }

    /** The boolean {@code key}, or {@code dflt} if absent. */
    public boolean getBoolean(String key, boolean dflt) {
        JsonValue v = members.get(key);
        return v == null ? dflt : bool(key, v);
    }

    /** The required array {@code key}. */
    public JsonArray getArray(String key) {
        return array(key, require(key));
    }

    /** The array {@code key}, or {@code dflt} if absent. */
    public JsonArray getArray(String key, JsonArray dflt) {
        JsonValue v = members.get(key);
        return v == null ? dflt : array(key, v);
    }

    /** The required object {@code key}. */
    public JsonObject getObject(String key) {
        return object(key, require(key));
    }

    /** The object {@code key}, or {@code dflt} if absent. */
    public JsonObject getObject(String key, JsonObject dflt) {
        JsonValue v = members.get(key);
        return v == null ? dflt : object(key, v);
    }

    /** The required array of numbers {@code key}. */
    public double[] getDoubleArray(String key) {
        return array(key, require(key)).toDoubleArray("field '" + key + "'");
    }

    /** The array of numbers {@code key}, or a copy of {@code dflt} if absent. */
    public double[] getDoubleArray(String key, double[] dflt) {
        JsonValue v = members.get(key);
        if (v == null) {
            return dflt == null ? null : dflt.clone();
        }
        return array(key, v).toDoubleArray("field '" + key + "'");
    }

    @Override
    public String typeName() {
        return "object";
    }

    private JsonValue require(String key) {
        JsonValue v = members.get(key);
        if (v == null) {
            throw new IllegalArgumentException("missing required field '" + key + "'");
        }
        return v;
    }

    private static IllegalArgumentException typeError(String key, String want, JsonValue got) {
        String shown = got instanceof JsonNumber n ? "number " + JsonWriter.formatNumber(n.value()) : got.typeName();
        return new IllegalArgumentException("field '" + key + "' must be " + want + ", got " + shown);
    }

    private static JsonNumber number(String key, JsonValue v) {
        if (v instanceof JsonNumber n) {
            return n;
        }
        throw typeError(key, "a number", v);
    }

    private static int toInt(String key, JsonValue v) {
        if (v instanceof JsonNumber n && n.isInteger()
                && n.value() >= Integer.MIN_VALUE && n.value() <= Integer.MAX_VALUE) {
            return (int) n.value();
        }
        throw typeError(key, "an integer in [" + Integer.MIN_VALUE + ", " + Integer.MAX_VALUE + "]", v);
    }

    private static long toLong(String key, JsonValue v) {
        if (v instanceof JsonNumber n && n.isInteger()) {
            return (long) n.value();
        }
        throw typeError(key, "an integer in [-2^53, 2^53]", v);
    }

    private static String string(String key, JsonValue v) {
        if (v instanceof JsonString s) {
            return s.value();
        }
        throw typeError(key, "a string", v);
    }

    private static boolean bool(String key, JsonValue v) {
        if (v instanceof JsonBool b) {
            return b.value();
        }
        throw typeError(key, "a boolean", v);
    }

    private static JsonArray array(String key, JsonValue v) {
        if (v instanceof JsonArray a) {
            return a;
        }
        throw typeError(key, "an array", v);
    }

    private static JsonObject object(String key, JsonValue v) {
        if (v instanceof JsonObject o) {
            return o;
        }
        throw typeError(key, "an object", v);
    }

    /** Collects members in insertion order; a repeated name is an error, as in the parser. */
    public static final class Builder {
        private final LinkedHashMap<String, JsonValue> members = new LinkedHashMap<>();

        private Builder() {
        }

        /** Adds member {@code key}. */
        public Builder put(String key, JsonValue value) {
            if (key == null || value == null) {
                throw new IllegalArgumentException("key and value must not be null (use JsonNull.INSTANCE), key " + key);
            }
            if (members.putIfAbsent(key, value) != null) {
                throw new IllegalArgumentException("duplicate key '" + key + "'");
            }
            return this;
        }

        /** Adds a number member. */
        public Builder put(String key, double value) {
            return put(key, new JsonNumber(value));
        }

        /** Adds a string member. */
        public Builder put(String key, String value) {
            return put(key, new JsonString(value));
        }

        /** Adds a boolean member. */
        public Builder put(String key, boolean value) {
            return put(key, JsonBool.of(value));
        }

        /** The object built so far. */
        public JsonObject build() {
            return new JsonObject(members);
        }
    }
}
