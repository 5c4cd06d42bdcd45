package org.retailrl.core.json;

/**
 * A JSON string (RFC 8259 §7), held as Java UTF-16 text.
 *
 * <p>Infrastructure for the scenario files of docs/model.md §1 and §3 and the reports; no equation of its own.
 */
public record JsonString(String value) implements JsonValue {

    /** Wraps {@code value}, which must not be null. */
    public JsonString {
        if (value == null) {
            throw new IllegalArgumentException("JsonString value must not be null");
        }
    }

    @Override
    public String typeName() {
        return "string";
    }
}
