package org.retailrl.core.json;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class JsonObjectTest {
    private final JsonObject scenario = Json.parseObject("""
            {"periods": 52, "cost": 1.5, "name": "base", "lost_sales": true,
             "prices": [1, 2.5, 4], "demand": {"mean": 3.07}, "big": 3000000000,
             "half": 2.5, "nul": null, "mixed": [1, "x"]}""");

    private static void assertMessage(String expected, Executable call) {
        assertEquals(expected, assertThrows(IllegalArgumentException.class, call).getMessage());
    }

    @Test
    void typedGettersReturnValues() {
        assertEquals(52, scenario.getInt("periods"));
        assertEquals(52.0, scenario.getDouble("periods"));
        assertEquals(1.5, scenario.getDouble("cost"));
        assertEquals("base", scenario.getString("name"));
        assertTrue(scenario.getBoolean("lost_sales"));
        assertArrayEquals(new double[] {1, 2.5, 4}, scenario.getDoubleArray("prices"));
        assertEquals(3.07, scenario.getObject("demand").getDouble("mean"));
        assertEquals(3_000_000_000L, scenario.getLong("big"));
        assertEquals(3, scenario.getArray("prices").size());
        assertTrue(scenario.has("nul"));
        assertFalse(scenario.has("absent"));
        assertNull(scenario.get("absent"));
    }

    @Test
    void defaultsApplyOnlyWhenAbsent() {
        assertEquals(7.0, scenario.getDouble("absent", 7.0));
        assertEquals(1.5, scenario.getDouble("cost", 7.0));
        assertEquals(4, scenario.getInt("absent", 4));
        assertEquals(9L, scenario.getLong("absent", 9L));
        assertEquals("d", scenario.getString("absent", "d"));
        assertFalse(scenario.getBoolean("absent", false));
        double[] dflt = {1, 2};
        double[] got = scenario.getDoubleArray("absent", dflt);
        assertArrayEquals(dflt, got);
        got[0] = 5;
        assertEquals(1, dflt[0], "the default must be copied, not shared");
        assertEquals(JsonArray.of(), scenario.getArray("absent", JsonArray.of()));
        assertEquals(0, scenario.getObject("absent", JsonObject.builder().build()).size());
        // A present value of the wrong type is an error even when a default is given.
        assertMessage("field 'name' must be a number, got string", () -> scenario.getDouble("name", 0));
        assertMessage("field 'nul' must be a number, got null", () -> scenario.getDouble("nul", 0));
    }

    @Test
    void typeErrorsNameTheField() {
        assertMessage("missing required field 'absent'", () -> scenario.getDouble("absent"));
        assertMessage("field 'half' must be an integer in [-2147483648, 2147483647], got number 2.5",
                () -> scenario.getInt("half"));
        assertMessage("field 'big' must be an integer in [-2147483648, 2147483647], got number 3000000000",
                () -> scenario.getInt("big"));
        assertMessage("field 'half' must be an integer in [-2^53, 2^53], got number 2.5", () -> scenario.getLong("half"));
        assertMessage("field 'periods' must be a string, got number 52", () -> scenario.getString("periods"));
        assertMessage("field 'name' must be a boolean, got string", () -> scenario.getBoolean("name"));
        assertMessage("field 'demand' must be an array, got object", () -> scenario.getArray("demand"));
        assertMessage("field 'prices' must be an object, got array", () -> scenario.getObject("prices"));
        assertMessage("field 'mixed'[1] must be a number, got string", () -> scenario.getDoubleArray("mixed"));
        assertMessage("field 'cost' must be an array, got number 1.5", () -> scenario.getDoubleArray("cost"));
    }

    @Test
    void requireKnownKeysListsAllowedNamesSorted() {
        JsonObject o = Json.parseObject("{\"b\": 1, \"foo\": 2}");
        o.requireKnownKeys(Set.of("a", "b", "c", "foo"), "scenario");
        assertMessage("unknown field 'foo' in scenario; allowed: a, b, c",
                () -> o.requireKnownKeys(Set.of("c", "a", "b"), "scenario"));
    }

    @Test
    void isImmutableAndEqualityIgnoresOrder() {
        Map<String, JsonValue> m = new LinkedHashMap<>();
        m.put("a", JsonNumber.of(1));
        JsonObject o = new JsonObject(m);
        m.put("b", JsonNumber.of(2));
        assertEquals(1, o.size());
        assertThrows(UnsupportedOperationException.class, () -> o.members().put("c", JsonNull.INSTANCE));
        assertEquals(Json.parse("{\"a\":1,\"b\":2}"), Json.parse("{\"b\":2,\"a\":1}"));
        assertMessage("duplicate key 'a'", () -> JsonObject.builder().put("a", 1).put("a", 2));
    }

    @Test
    void numberIntegerness() {
        assertTrue(JsonNumber.of(3).isInteger());
        assertTrue(JsonNumber.of(-0x1p53).isInteger());
        assertFalse(JsonNumber.of(0x1p53 * 2).isInteger());
        assertFalse(JsonNumber.of(0.5).isInteger());
        assertFalse(JsonNumber.of(Double.NaN).isInteger());
        assertFalse(JsonNumber.of(Double.POSITIVE_INFINITY).isInteger());
    }
}
