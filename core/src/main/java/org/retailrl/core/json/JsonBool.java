package org.retailrl.core.json;

/**
 * A JSON boolean literal ({@code true} or {@code false}, RFC 8259 §3).
 *
 * <p>Infrastructure for the scenario files of docs/model.md §1 and §3 and the reports; no equation of its own.
 */
public record JsonBool(boolean value) implements JsonValue {
    /** The literal {@code true}. */
    public static final JsonBool TRUE = new JsonBool(true);
    /** The literal {@code false}. */
    public static final JsonBool FALSE = new JsonBool(false);

    /** The shared instance for {@code value}. */
    public static JsonBool of(boolean value) {
        return value ? TRUE : FALSE;
    }

    @Override
    public String typeName() {
        return "boolean";
    }
}
