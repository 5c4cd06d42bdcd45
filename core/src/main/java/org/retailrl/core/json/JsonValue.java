package org.retailrl.core.json;

/**
 * One JSON value (RFC 8259 §3): object, array, string, number, boolean or null. Values are
 * immutable; equality is structural (object member order does not matter for equality, but is
 * kept for writing).
 */
public sealed interface JsonValue permits JsonObject, JsonArray, JsonString, JsonNumber, JsonBool, JsonNull {

    /** The JSON type name, for error messages: object, array, string, number, boolean or null. */
    String typeName();
}
