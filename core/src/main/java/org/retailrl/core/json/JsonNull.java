package org.retailrl.core.json;

/** The JSON literal {@code null} (RFC 8259 §3); a singleton. */
public enum JsonNull implements JsonValue {
    /** The only instance. */
    INSTANCE;

    @Override
    public String typeName() {
        return "null";
    }
}
