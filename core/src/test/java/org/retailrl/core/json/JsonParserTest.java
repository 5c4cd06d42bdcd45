package org.retailrl.core.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class JsonParserTest {

    @Test
    void parsesEveryValueKindAndKeepsMemberOrder() {
        JsonObject o = Json.parseObject(" {\"z\": 1, \"a\": [true, false, null, \"s\\u00e9\\n\"], \"m\": {\"x\": -2.5e-3}}\n");
        assertEquals(List.of("z", "a", "m"), List.copyOf(o.keys()));
        assertEquals(new JsonNumber(1), o.get("z"));
        assertEquals(JsonArray.of(JsonBool.TRUE, JsonBool.FALSE, JsonNull.INSTANCE, new JsonString("sé\n")), o.get("a"));
        assertEquals(-2.5e-3, o.getObject("m").getDouble("x"));
    }

    @Test
    void acceptsScalarsAtTopLevelAndAllEscapes() {
        assertEquals(new JsonNumber(-0.0), Json.parse("-0"));
        assertEquals(new JsonNumber(1e300), Json.parse("1E+300"));
        assertEquals(new JsonString("\"\\/\b\f\n\r\t\u0001\ud83d\ude00"),
                Json.parse("\"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u0001\\uD83D\\uDE00\""));
        assertEquals(JsonNull.INSTANCE, Json.parse("\tnull\r\n"));
    }

    @Test
    void surrogatePairWrittenRawParsesToSameString() {
        assertEquals(new JsonString("a\ud83d\ude00b"), Json.parse("\"a\ud83d\ude00b\""));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "`{\"a\": 1,\n \"b\": 2\n \"c\": 3}`   | expected ',' or '}', got '\"' at 3:2",
        "`[1, 2 3]`                          | expected ',' or ']', got '3' at 1:7",
        "`[1, 2,]`                           | expected a value, got ']' at 1:7",
        "`{\"a\": 1,}`                        | expected a string key, got '}' at 1:9",
        "`{'a': 1}`                          | expected a string key, got ''' at 1:2",
        "`{\"a\" 1}`                          | expected ':' after key, got '1' at 1:6",
        "`{\"a\": 1, \"a\": 2}`               | duplicate key 'a' at 1:10",
        "`{\"a\": 1} x`                       | unexpected 'x' after the value at 1:10",
        "`[1] [2]`                           | unexpected '[' after the value at 1:5",
        "`01`                                | leading zero in number at 1:1",
        "`-012`                              | leading zero in number at 1:1",
        "`1.`                                | expected a digit after '.', got end of text at 1:3",
        "`.5`                                | expected a value, got '.' at 1:1",
        "`+1`                                | expected a value, got '+' at 1:1",
        "`1e`                                | expected a digit in exponent, got end of text at 1:3",
        "`-`                                 | expected a digit, got end of text at 1:2",
        "`1e400`                             | number out of double range at 1:1",
        "`NaN`                               | expected a value, got 'N' at 1:1",
        "`Infinity`                          | expected a value, got 'I' at 1:1",
        "`tru`                               | expected a value, got 't' at 1:1",
        "`\"abc`                             | unterminated string at 1:5",
        "`\"a\\x\"`                          | bad escape '\\x' at 1:3",
        "`\"\\u12g4\"`                       | bad \\u escape: need 4 hex digits at 1:2",
        "`\"\\u12\"`                         | bad \\u escape: need 4 hex digits at 1:2",
        "``                                  | expected a value but the text ended at 1:1",
        "`   `                               | expected a value but the text ended at 1:4",
        "`/* c */ 1`                         | expected a value, got '/' at 1:1",
    })
    void rejectsMalformedTextWithPosition(String text, String message) {
        JsonParseException e = assertThrows(JsonParseException.class, () -> Json.parse(text));
        assertEquals(message, e.getMessage());
    }

    @Test
    void rejectsRawControlCharactersInStrings() {
        JsonParseException e = assertThrows(JsonParseException.class, () -> Json.parse("[\"a\tb\"]"));
        assertEquals("control character U+0009 in string (must be escaped) at 1:4", e.getMessage());
        assertEquals(1, e.line());
        assertEquals(4, e.column());
        assertThrows(JsonParseException.class, () -> Json.parse("\"a\nb\""));
    }

    @Test
    void rejectsByteOrderMarkAndNonAsciiHexDigits() {
        JsonParseException bom = assertThrows(JsonParseException.class, () -> Json.parse("\ufeff{}"));
        assertEquals("expected a value, got U+FEFF at 1:1", bom.getMessage());
        // U+0661 is ARABIC-INDIC DIGIT ONE: a digit to Character.digit, not a JSON hex digit.
        assertThrows(JsonParseException.class, () -> Json.parse("\"\\u\u0661234\""));
    }

    @Test
    void depthLimitRejectsDeepNestingButAllowsTheLimit() {
        String ok = "[".repeat(JsonParser.MAX_DEPTH) + "]".repeat(JsonParser.MAX_DEPTH);
        assertInstanceOf(JsonArray.class, Json.parse(ok));
        String deep = "[".repeat(JsonParser.MAX_DEPTH + 1) + "]".repeat(JsonParser.MAX_DEPTH + 1);
        JsonParseException e = assertThrows(JsonParseException.class, () -> Json.parse(deep));
        assertEquals("nesting deeper than " + JsonParser.MAX_DEPTH + " at 1:" + (JsonParser.MAX_DEPTH + 1), e.getMessage());
        // Far deeper input must fail the same way, not with StackOverflowError.
        assertThrows(JsonParseException.class, () -> Json.parse("{\"a\":".repeat(100_000)));
    }

    @Test
    void parseObjectRejectsOtherTopLevelTypes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Json.parseObject("[1]"));
        assertEquals("expected a JSON object at top level, got array", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Json.parse(null));
    }
}
