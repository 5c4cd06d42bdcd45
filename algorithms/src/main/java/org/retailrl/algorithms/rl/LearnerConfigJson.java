package org.retailrl.algorithms.rl;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.retailrl.core.json.Json;
import org.retailrl.core.json.JsonArray;
import org.retailrl.core.json.JsonBool;
import org.retailrl.core.json.JsonNumber;
import org.retailrl.core.json.JsonObject;
import org.retailrl.core.json.JsonString;
import org.retailrl.core.json.JsonValue;

/**
 * {@link LearnerConfig} as JSON (docs/model.md §8.13): every record component by name; enums in
 * lower case with hyphens ({@code "happo"}, {@code "logarithmic"}); an infinite number as the
 * string {@code "Infinity"} (JSON has no literal for it). Reading starts from a base
 * configuration (a preset) and replaces only the members the file gives, so a file can be as short
 * as {@code {"entCoef": 0.02}}; {@code "preset": NAME} chooses the base. Unknown members, wrong
 * types and out-of-range values are refused with the member's path (e.g.
 * {@code agents[1].stepSize.exponent}) and its allowed range.
 */
public final class LearnerConfigJson {
    /**
     * Members a new list element may leave out because its kind ignores them (a constant or linear
     * step size has no exponent or offset, a logarithmic period no {@code k}); the values are the
     * ones the factory methods store.
     */
    private static final Map<String, Object> IGNORABLE = Map.of("StepSize.exponent", 0.0, "StepSize.offset", 1.0,
            "UpdatePeriod.k", 1);

    private LearnerConfigJson() {
    }

    /** The configuration as a JSON object (every member written). */
    public static JsonObject toJson(LearnerConfig c) {
        return (JsonObject) value(c);
    }

    /** Compact JSON text of {@code c}. */
    public static String write(LearnerConfig c) {
        return Json.write(toJson(c));
    }

    /** Parses {@code text} over {@code base} (see the class comment). */
    public static LearnerConfig parse(String text, LearnerConfig base) {
        return read(Json.parseObject(text), base);
    }

    /** Reads {@code file} over {@code base}; messages name the file. */
    public static LearnerConfig read(Path file, LearnerConfig base) throws IOException {
        JsonObject o = Json.readObject(file);
        try {
            return read(o, base);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    /** Reads {@code o} over {@code base}; {@code "preset"} replaces the base. */
    public static LearnerConfig read(JsonObject o, LearnerConfig base) {
        LearnerConfig start = base;
        JsonObject body = o;
        if (o.has("preset")) {
            if (!(o.get("preset") instanceof JsonString s)) {
                throw new IllegalArgumentException("preset must be a string naming a preset");
            }
            start = Presets.named(s.value());
            Map<String, JsonValue> rest = new LinkedHashMap<>(o.members());
            rest.remove("preset");
            body = new JsonObject(rest);
        }
        return (LearnerConfig) readRecord(LearnerConfig.class, body, start, "");
    }

    private static JsonValue value(Object v) {
        if (v instanceof Record r) {
            JsonObject.Builder b = JsonObject.builder();
            for (RecordComponent c : r.getClass().getRecordComponents()) {
                b.put(c.getName(), value(get(c, r)));
            }
            return b.build();
        }
        if (v instanceof List<?> l) {
            List<JsonValue> out = new ArrayList<>();
            for (Object e : l) {
                out.add(value(e));
            }
            return new JsonArray(out);
        }
        if (v instanceof Enum<?> e) {
            return new JsonString(e.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        }
        if (v instanceof Boolean b) {
            return JsonBool.of(b);
        }
        if (v instanceof Double d) {
            return Double.isInfinite(d) ? new JsonString(d > 0 ? "Infinity" : "-Infinity") : JsonNumber.of(d);
        }
        if (v instanceof Integer i) {
            return JsonNumber.of(i);
        }
        throw new IllegalStateException("no JSON form for " + v.getClass().getSimpleName());
    }

    private static Object get(RecordComponent c, Record r) {
        try {
            return c.getAccessor().invoke(r);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + c.getName(), e);
        }
    }

    private static Object readRecord(Class<?> type, JsonObject o, Object base, String path) {
        RecordComponent[] cs = type.getRecordComponents();
        Set<String> names = new LinkedHashSet<>();
        for (RecordComponent c : cs) {
            names.add(c.getName());
        }
        for (String k : o.keys()) {
            if (!names.contains(k)) {
                throw new IllegalArgumentException(path + k + ": unknown member (allowed: " + String.join(", ", names)
                        + ")");
            }
        }
        Object[] args = new Object[cs.length];
        Class<?>[] types = new Class<?>[cs.length];
        for (int i = 0; i < cs.length; i++) {
            RecordComponent c = cs[i];
            types[i] = c.getType();
            Object old = base == null ? null : get(c, (Record) base);
            String p = path + c.getName();
            if (!o.has(c.getName())) {
                if (old == null) {
                    old = IGNORABLE.get(type.getSimpleName() + "." + c.getName());
                }
                if (old == null) {
                    throw new IllegalArgumentException(p + ": missing");
                }
                args[i] = old;
            } else {
                args[i] = readValue(c.getGenericType(), o.get(c.getName()), old, p);
            }
        }
        try {
            Constructor<?> k = type.getDeclaredConstructor(types);
            return k.newInstance(args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof IllegalArgumentException iae) {
                throw new IllegalArgumentException((path.isEmpty() ? "" : path) + iae.getMessage(), iae);
            }
            throw new IllegalStateException("cannot build " + type.getSimpleName(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build " + type.getSimpleName(), e);
        }
    }

    private static Object readValue(Type t, JsonValue v, Object old, String path) {
        Class<?> raw = t instanceof ParameterizedType pt ? (Class<?>) pt.getRawType() : (Class<?>) t;
        if (raw.isRecord()) {
            if (!(v instanceof JsonObject o)) {
                throw new IllegalArgumentException(path + ": must be an object, got " + v.typeName());
            }
            return readRecord(raw, o, old, path + ".");
        }
        if (raw == List.class) {
            if (!(v instanceof JsonArray a)) {
                throw new IllegalArgumentException(path + ": must be an array, got " + v.typeName());
            }
            Class<?> elem = (Class<?>) ((ParameterizedType) t).getActualTypeArguments()[0];
            List<?> olds = old instanceof List<?> l ? l : List.of();
            List<Object> out = new ArrayList<>();
            for (int i = 0; i < a.size(); i++) {
                // An element replaces the base's element at the same index member by member.
                out.add(readValue(elem, a.get(i), i < olds.size() ? olds.get(i) : null, path + "[" + i + "]"));
            }
            return out;
        }
        if (raw.isEnum()) {
            if (!(v instanceof JsonString s)) {
                throw new IllegalArgumentException(path + ": must be a string, got " + v.typeName());
            }
            List<String> allowed = new ArrayList<>();
            for (Object e : raw.getEnumConstants()) {
                String name = ((Enum<?>) e).name().toLowerCase(Locale.ROOT).replace('_', '-');
                if (name.equals(s.value())) {
                    return e;
                }
                allowed.add(name);
            }
            throw new IllegalArgumentException(path + ": must be one of " + String.join(", ", allowed) + ", got '"
                    + s.value() + "'");
        }
        if (raw == boolean.class) {
            if (!(v instanceof JsonBool b)) {
                throw new IllegalArgumentException(path + ": must be true or false, got " + v.typeName());
            }
            return b.value();
        }
        if (raw == double.class) {
            if (v instanceof JsonString s && (s.value().equals("Infinity") || s.value().equals("-Infinity"))) {
                return s.value().startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            }
            if (!(v instanceof JsonNumber n)) {
                throw new IllegalArgumentException(path + ": must be a number, got " + v.typeName());
            }
            return n.value();
        }
        if (raw == int.class) {
            if (!(v instanceof JsonNumber n) || !n.isInteger() || Math.abs(n.value()) > Integer.MAX_VALUE) {
                throw new IllegalArgumentException(path + ": must be an integer, got " + v);
            }
            return (int) n.value();
        }
        throw new IllegalStateException("no JSON reader for " + raw.getSimpleName());
    }
}
