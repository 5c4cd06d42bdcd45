package org.retailrl.core.json;

import java.util.List;
import java.util.Map;

/**
 * Deterministic JSON text for a value tree, compact or pretty (two-space indent). Numbers: whole
 * numbers up to 2<sup>53</sup> print as integers ({@code 3}, not {@code 3.0}); every other finite
 * double prints as the shortest text that parses back to the same double
 * ({@link Double#toString(double)}, which is shortest round-trip since JDK 19). NaN and infinity are
 * rejected with the path of the offending value, as JSON cannot represent them.
 */
final class JsonWriter {
    private final StringBuilder out = new StringBuilder();
    private final boolean pretty;

    private JsonWriter(boolean pretty) {
        this.pretty = pretty;
    }

    static String write(JsonValue v, boolean pretty) {
        JsonWriter w = new JsonWriter(pretty);
        w.value(v, 0, new StringBuilder("$"));
        return w.out.toString();
    }

    /** The JSON text of a finite number. */
    static String formatNumber(double v) {
        if (v == Math.rint(v) && Math.abs(v) <= JsonNumber.MAX_EXACT_INTEGER) {
            // -0.0 keeps its sign so the text parses back to the same double.
            return (v == 0 && 1 / v < 0) ? "-0" : Long.toString((long) v);
        }
        return Double.toString(v);
    }

    private void value(JsonValue v, int indent, StringBuilder path) {
        switch (v) {
            case JsonObject o -> object(o.members(), indent, path);
            case JsonArray a -> array(a.values(), indent, path);
            case JsonString s -> string(s.value());
            case JsonNumber n -> {
                if (!Double.isFinite(n.value())) {
                    throw new IllegalArgumentException("cannot write " + n.value() + " at " + path
                            + ": JSON has no NaN or infinity");
                }
                out.append(formatNumber(n.value()));
            }
            case JsonBool b -> out.append(b.value() ? "true" : "false");
            case JsonNull nul -> out.append("null");
        }
    }

    private void object(Map<String, JsonValue> members, int indent, StringBuilder path) {
        if (members.isEmpty()) {
            out.append("{}");
            return;
        }
        out.append('{');
        boolean first = true;
        for (Map.Entry<String, JsonValue> e : members.entrySet()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            newline(indent + 1);
            string(e.getKey());
            out.append(pretty ? ": " : ":");
            int mark = path.length();
            path.append('.').append(e.getKey());
            value(e.getValue(), indent + 1, path);
            path.setLength(mark);
        }
        newline(indent);
        out.append('}');
    }

    private void array(List<JsonValue> values, int indent, StringBuilder path) {
        if (values.isEmpty()) {
            out.append("[]");
            return;
        }
        out.append('[');
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            newline(indent + 1);
            int mark = path.length();
            path.append('[').append(i).append(']');
            value(values.get(i), indent + 1, path);
            path.setLength(mark);
        }
        newline(indent);
        out.append(']');
    }

    private void newline(int indent) {
        if (pretty) {
            out.append('\n');
            out.repeat("  ", indent);
        }
    }

    private void string(String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        unicodeEscape(c);
                    } else if (Character.isHighSurrogate(c) && i + 1 < s.length()
                            && Character.isLowSurrogate(s.charAt(i + 1))) {
                        out.append(c).append(s.charAt(++i));
                    } else if (Character.isSurrogate(c)) {
                        // A lone surrogate has no UTF-8 encoding; the escape keeps the text valid.
                        unicodeEscape(c);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private void unicodeEscape(char c) {
        out.append("\\u");
        String h = Integer.toHexString(c);
        out.repeat('0', 4 - h.length());
        out.append(h);
    }
}
