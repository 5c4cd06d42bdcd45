package org.retailrl.core.json;

import java.util.Objects;

/** A JSON string (RFC 8259 §7), held as Java UTF-16 text. */
public record JsonString(String value) implements JsonValue {

    /** Wraps {@code value}, which must not be null. */
    public JsonString {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String typeName() {
        return "string";
    }
}
