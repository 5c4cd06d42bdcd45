package org.retailrl.core.json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Strict recursive-descent parser for RFC 8259 text. Rejects everything the grammar does not
 * allow (trailing commas, comments, single quotes, leading zeros, raw control characters in
 * strings, unknown escapes, non-finite numbers, a byte-order mark, trailing text) and duplicate
 * object names (RFC 8259 §4 leaves them undefined; for configuration they are always a mistake).
 *
 * <p>Nesting is limited to {@link #MAX_DEPTH} so hostile input cannot overflow the stack.
 */
final class JsonParser {
    /** Maximum nesting of arrays and objects. */
    static final int MAX_DEPTH = 512;

    private final String text;
    private int pos;

    private JsonParser(String text) {
        this.text = text;
    }

    static JsonValue parse(String text) {
        JsonParser p = new JsonParser(text);
        p.skipWhitespace();
        JsonValue v = p.value(0);
        p.skipWhitespace();
        if (p.pos < text.length()) {
            throw p.error("unexpected " + p.describe(p.pos) + " after the value");
        }
        return v;
    }

    private JsonValue value(int depth) {
        if (pos >= text.length()) {
            throw error("expected a value but the text ended");
        }
        char c = text.charAt(pos);
        switch (c) {
            case '{':
                return object(depth + 1);
            case '[':
                return array(depth + 1);
            case '"':
                return new JsonString(string());
            case 't':
                literal("true");
                return JsonBool.TRUE;
            case 'f':
                literal("false");
                return JsonBool.FALSE;
            case 'n':
                literal("null");
                return JsonNull.INSTANCE;
            default:
                if (c == '-' || (c >= '0' && c <= '9')) {
                    return number();
                }
                throw error("expected a value, got " + describe(pos));
        }
    }

    private JsonObject object(int depth) {
        checkDepth(depth);
        pos++; // '{'
        LinkedHashMap<String, JsonValue> members = new LinkedHashMap<>();
        skipWhitespace();
        if (peek() == '}') {
            pos++;
            return new JsonObject(members);
        }
        while (true) {
            if (peek() != '"') {
                throw error("expected a string key, got " + describe(pos));
            }
            int keyPos = pos;
            String key = string();
            if (members.containsKey(key)) {
                throw errorAt(keyPos, "duplicate key '" + key + "'");
            }
            skipWhitespace();
            if (peek() != ':') {
                throw error("expected ':' after key, got " + describe(pos));
            }
            pos++;
            skipWhitespace();
            members.put(key, value(depth));
            skipWhitespace();
            char c = peek();
            if (c == ',') {
                pos++;
                skipWhitespace();
            } else if (c == '}') {
                pos++;
                return new JsonObject(members);
            } else {
                throw error("expected ',' or '}', got " + describe(pos));
            }
        }
    }

    private JsonArray array(int depth) {
        checkDepth(depth);
        pos++; // '['
        List<JsonValue> values = new ArrayList<>();
        skipWhitespace();
        if (peek() == ']') {
            pos++;
            return new JsonArray(values);
        }
        while (true) {
            values.add(value(depth));
            skipWhitespace();
            char c = peek();
            if (c == ',') {
                pos++;
                skipWhitespace();
            } else if (c == ']') {
                pos++;
                return new JsonArray(values);
            } else {
                throw error("expected ',' or ']', got " + describe(pos));
            }
        }
    }

    private void checkDepth(int depth) {
        if (depth > MAX_DEPTH) {
            throw error("nesting deeper than " + MAX_DEPTH);
        }
    }

    private String string() {
        pos++; // opening quote
        StringBuilder sb = null;
        int runStart = pos;
        while (true) {
            if (pos >= text.length()) {
                throw error("unterminated string");
            }
            char c = text.charAt(pos);
            if (c == '"') {
                String s = sb == null ? text.substring(runStart, pos) : sb.append(text, runStart, pos).toString();
                pos++;
                return s;
            }
            if (c < 0x20) {
                throw error("control character U+" + hex4(c) + " in string (must be escaped)");
            }
            if (c != '\\') {
                pos++;
                continue;
            }
            if (sb == null) {
                sb = new StringBuilder();
            }
            sb.append(text, runStart, pos);
            int escPos = pos;
            pos++;
            if (pos >= text.length()) {
                throw error("unterminated string");
            }
            char e = text.charAt(pos++);
            switch (e) {
                case '"' -> sb.append('"');
                case '\\' -> sb.append('\\');
                case '/' -> sb.append('/');
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                case 'u' -> sb.append(unicodeEscape(escPos));
                default -> throw errorAt(escPos, "bad escape '\\" + printable(e) + "'");
            }
            runStart = pos;
        }
    }

    private char unicodeEscape(int escPos) {
        if (pos + 4 > text.length()) {
            throw errorAt(escPos, "bad \\u escape: need 4 hex digits");
        }
        int v = 0;
        for (int i = 0; i < 4; i++) {
            int d = Character.digit(text.charAt(pos + i), 16);
            // Character.digit also accepts non-ASCII digits; JSON allows only [0-9a-fA-F].
            if (d < 0 || text.charAt(pos + i) > 'f') {
                throw errorAt(escPos, "bad \\u escape: need 4 hex digits");
            }
            v = v * 16 + d;
        }
        pos += 4;
        return (char) v;
    }

    private JsonNumber number() {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        char c = peek();
        if (c == '0') {
            pos++;
            if (isDigit(peek())) {
                throw errorAt(start, "leading zero in number");
            }
        } else if (isDigit(c)) {
            while (isDigit(peek())) {
                pos++;
            }
        } else {
            throw error("expected a digit, got " + describe(pos));
        }
        if (peek() == '.') {
            pos++;
            if (!isDigit(peek())) {
                throw error("expected a digit after '.', got " + describe(pos));
            }
            while (isDigit(peek())) {
                pos++;
            }
        }
        if (peek() == 'e' || peek() == 'E') {
            pos++;
            if (peek() == '+' || peek() == '-') {
                pos++;
            }
            if (!isDigit(peek())) {
                throw error("expected a digit in exponent, got " + describe(pos));
            }
            while (isDigit(peek())) {
                pos++;
            }
        }
        double v = Double.parseDouble(text.substring(start, pos));
        if (Double.isInfinite(v)) {
            throw errorAt(start, "number out of double range");
        }
        return new JsonNumber(v);
    }

    private void literal(String word) {
        if (!text.startsWith(word, pos)) {
            throw error("expected a value, got " + describe(pos));
        }
        pos += word.length();
    }

    private void skipWhitespace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            pos++;
        }
    }

    /** The current character, or U+FFFF past the end (never valid where peek is used). */
    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\uffff';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private String describe(int at) {
        if (at >= text.length()) {
            return "end of text";
        }
        String p = printable(text.charAt(at));
        return p.length() == 1 ? "'" + p + "'" : p;
    }

    private static String printable(char c) {
        return (c < 0x20 || c == 0x7f || Character.isSurrogate(c) || c == '\ufeff') ? "U+" + hex4(c) : String.valueOf(c);
    }

    private static String hex4(char c) {
        return String.format("%04X", (int) c);
    }

    private JsonParseException error(String reason) {
        return errorAt(pos, reason);
    }

    private JsonParseException errorAt(int at, String reason) {
        int line = 1;
        int lineStart = 0;
        int end = Math.min(at, text.length());
        for (int i = 0; i < end; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new JsonParseException(reason, line, at - lineStart + 1);
    }
}
