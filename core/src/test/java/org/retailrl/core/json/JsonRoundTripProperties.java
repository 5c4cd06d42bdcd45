package org.retailrl.core.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class JsonRoundTripProperties {

    @Property(tries = 300)
    void compactWriteThenParseIsIdentity(@ForAll("trees") JsonValue v) {
        String text = Json.write(v);
        assertEquals(v, Json.parse(text));
        assertEquals(text, Json.write(Json.parse(text)), "writing must be deterministic");
    }

    @Property(tries = 300)
    void prettyWriteThenParseIsIdentity(@ForAll("trees") JsonValue v) {
        assertEquals(v, Json.parse(Json.writePretty(v)));
    }

    @Property(tries = 1000)
    void everyFiniteDoubleRoundTripsBitExactly(@ForAll("finiteDoubles") double d) {
        JsonNumber back = (JsonNumber) Json.parse(Json.write(JsonNumber.of(d)));
        assertEquals(Double.doubleToRawLongBits(d), Double.doubleToRawLongBits(back.value()));
    }

    @Provide
    Arbitrary<JsonValue> trees() {
        return tree(3);
    }

    @Provide
    Arbitrary<Double> finiteDoubles() {
        // Raw bit patterns cover subnormals, huge exponents and both zeros, not just "nice" values.
        Arbitrary<Double> bits = Arbitraries.longs().map(Double::longBitsToDouble).filter(Double::isFinite);
        Arbitrary<Double> whole = Arbitraries.longs().between(-(1L << 54), 1L << 54).map(l -> (double) l);
        Arbitrary<Double> decimal = Arbitraries.doubles().between(-1e6, 1e6).ofScale(4);
        return Arbitraries.oneOf(bits, whole, decimal);
    }

    private Arbitrary<JsonValue> tree(int depth) {
        Arbitrary<JsonValue> scalars = Arbitraries.oneOf(
                finiteDoubles().map(JsonNumber::new),
                Arbitraries.strings().all().ofMaxLength(12).map(JsonString::new),
                Arbitraries.of(JsonBool.TRUE, JsonBool.FALSE, JsonNull.INSTANCE));
        if (depth == 0) {
            return scalars;
        }
        Arbitrary<JsonValue> child = tree(depth - 1);
        Arbitrary<JsonValue> arrays = child.list().ofMaxSize(4).map(l -> new JsonArray(List.copyOf(l)));
        Arbitrary<JsonValue> objects = Arbitraries.maps(Arbitraries.strings().all().ofMaxLength(6), child)
                .ofMaxSize(4).map(m -> (JsonValue) new JsonObject(Map.copyOf(m)));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(2, scalars),
                net.jqwik.api.Tuple.of(1, arrays),
                net.jqwik.api.Tuple.of(1, objects));
    }
}
