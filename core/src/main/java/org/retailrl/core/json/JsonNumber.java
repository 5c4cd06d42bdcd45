package org.retailrl.core.json;

/**
 * A JSON number (RFC 8259 §6), held as a double. Integer-ness is a property of the value: a whole
 * number of magnitude at most 2<sup>53</sup> (where every integer is exact) is written without a
 * fraction, so {@code 3} stays {@code 3} through a parse/write round trip.
 *
 * <p>Non-finite values may be held (so a report can be assembled first), but the writer rejects
 * them: JSON has no NaN or infinity.
 *
 * <p>Infrastructure for the scenario files of docs/model.md §1 and §3 and the reports; no equation of its own.
 */
public record JsonNumber(double value) implements JsonValue {
    /** 2<sup>53</sup>: beyond it doubles are spaced more than 1 apart and integer text would mislead. */
    static final double MAX_EXACT_INTEGER = 9007199254740992.0;

    /** The number {@code value}. */
    public static JsonNumber of(double value) {
        return new JsonNumber(value);
    }

    /** True if the value is a whole number with magnitude at most 2<sup>53</sup>. */
    public boolean isInteger() {
        return value == Math.rint(value) && Math.abs(value) <= MAX_EXACT_INTEGER;
    }

    @Override
    public String typeName() {
        return "number";
    }
}
