package org.retailrl.core.json;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.retailrl.core.io.AtomicFiles;

/**
 * Entry point of the JSON library (RFC 8259): strict parsing of text and UTF-8 files into a
 * {@link JsonValue} tree, and deterministic compact or pretty writing.
 *
 * <p>Infrastructure for the scenario files of docs/model.md §1 and §3 and the reports; no equation of its own.
 */
public final class Json {
    private Json() {
    }

    /**
     * Parses one JSON value.
     *
     * @throws JsonParseException with {@code line:column} if the text is not strict RFC 8259 JSON
     */
    public static JsonValue parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("text must not be null");
        }
        return JsonParser.parse(text);
    }

    /** Parses text that must be a JSON object (the shape of every configuration file). */
    public static JsonObject parseObject(String text) {
        JsonValue v = parse(text);
        if (v instanceof JsonObject o) {
            return o;
        }
        throw new IllegalArgumentException("expected a JSON object at top level, got " + v.typeName());
    }

    /**
     * Parses a UTF-8 file holding a JSON object. Messages are prefixed with the file name.
     *
     * @throws IOException if the file cannot be read
     * @throws IllegalArgumentException if it is not valid UTF-8, not JSON, or not an object
     */
    public static JsonObject readObject(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(file + ": not valid UTF-8", e);
        }
        try {
            return parseObject(text);
        } catch (JsonParseException e) {
            throw new JsonParseException(file + ": " + e.reason(), e.line(), e.column());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes {@code value} as pretty text with a final newline to {@code file}, atomically (see
     * {@link AtomicFiles}): a crash leaves either the old file or the complete new one.
     *
     * @throws IllegalArgumentException if the tree holds NaN or infinity (nothing is written)
     */
    public static void writeFile(Path file, JsonValue value) throws IOException {
        String text = writePretty(value) + "\n";
        AtomicFiles.writeString(file, text);
    }

    /** Compact text: no whitespace between tokens. */
    public static String write(JsonValue value) {
        return JsonWriter.write(value, false);
    }

    /** Pretty text: one member or element per line, two-space indent, no trailing newline. */
    public static String writePretty(JsonValue value) {
        return JsonWriter.write(value, true);
    }
}
