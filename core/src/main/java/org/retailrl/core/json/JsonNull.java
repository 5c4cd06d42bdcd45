package org.retailrl.core.json;

/**
 * The JSON literal {@code null} (RFC 8259 §3); a singleton.
 *
 * <p>Infrastructure for the scenario files of docs/model.md §1 and §3 and the reports; no equation of its own.
 */
public enum JsonNull implements JsonValue {
    /** The only instance. */
    INSTANCE;

    @Override
    public String typeName() {
        return "null";
    }
}
