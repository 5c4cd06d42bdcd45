package org.retailrl.core.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class JsonWriterTest {

    @Test
    void compactAndPrettyLayout() {
        JsonObject o = JsonObject.builder()
                .put("name", "base")
                .put("n", 3)
                .put("p", JsonArray.ofDoubles(0.1, 2, -1e-7))
                .put("e", JsonArray.of())
                .put("o", JsonObject.builder().build())
                .put("x", JsonObject.builder().put("ok", true).put("z", JsonNull.INSTANCE).build())
                .build();
        assertEquals("{\"name\":\"base\",\"n\":3,\"p\":[0.1,2,-1.0E-7],\"e\":[],\"o\":{},\"x\":{\"ok\":true,\"z\":null}}",
                Json.write(o));
        assertEquals("""
                {
                  "name": "base",
                  "n": 3,
                  "p": [
                    0.1,
                    2,
                    -1.0E-7
                  ],
                  "e": [],
                  "o": {},
                  "x": {
                    "ok": true,
                    "z": null
                  }
                }""", Json.writePretty(o));
    }

    @Test
    void numbersAreIntegersWhenWholeAndShortestRoundTripOtherwise() {
        assertEquals("3", Json.write(JsonNumber.of(3.0)));
        assertEquals("-0", Json.write(JsonNumber.of(-0.0)));
        assertEquals("9007199254740992", Json.write(JsonNumber.of(0x1p53)));
        assertEquals("1.8014398509481984E16", Json.write(JsonNumber.of(0x1p54)));
        assertEquals("0.1", Json.write(JsonNumber.of(0.1)));
        assertEquals("0.30000000000000004", Json.write(JsonNumber.of(0.1 + 0.2)));
        assertEquals("4.9E-324", Json.write(JsonNumber.of(Double.MIN_VALUE)));
        assertEquals("1.7976931348623157E308", Json.write(JsonNumber.of(Double.MAX_VALUE)));
        // Shortest round-trip text (JDK 19+): 2e23 prints as 2.0E23, not 1.9999999999999998E23.
        assertEquals("2.0E23", Json.write(JsonNumber.of(2e23)));
    }

    @Test
    void nonFiniteNumbersAreRejectedWithTheirPath() {
        JsonObject o = JsonObject.builder()
                .put("metrics", JsonObject.builder().put("loss", JsonArray.ofDoubles(1, Double.NaN)).build())
                .build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Json.write(o));
        assertEquals("cannot write NaN at $.metrics.loss[1]: JSON has no NaN or infinity", e.getMessage());
        IllegalArgumentException inf = assertThrows(IllegalArgumentException.class,
                () -> Json.writePretty(JsonNumber.of(Double.NEGATIVE_INFINITY)));
        assertEquals("cannot write -Infinity at $: JSON has no NaN or infinity", inf.getMessage());
    }

    @Test
    void stringsEscapeQuotesBackslashesControlsAndLoneSurrogates() {
        String s = "q\"b\\s/\b\f\n\r\t\u0000\u001f\u007f é \ud83d\ude00 \ud800x";
        String text = Json.write(new JsonString(s));
        assertEquals("\"q\\\"b\\\\s/\\b\\f\\n\\r\\t\\u0000\\u001f\\u007f é \ud83d\ude00 \\ud800x\"", text);
        assertEquals(new JsonString(s), Json.parse(text));
    }
}
