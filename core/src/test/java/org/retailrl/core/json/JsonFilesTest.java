package org.retailrl.core.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonFilesTest {
    @TempDir
    Path dir;

    @Test
    void writeFileThenReadObjectRoundTrips() throws IOException {
        Path f = dir.resolve("scenario.json");
        JsonObject o = JsonObject.builder().put("name", "é").put("periods", 52).build();
        Json.writeFile(f, o);
        assertEquals("{\n  \"name\": \"é\",\n  \"periods\": 52\n}\n", Files.readString(f, StandardCharsets.UTF_8));
        assertEquals(o, Json.readObject(f));
    }

    @Test
    void writeFileWithNaNLeavesTheOldFile() throws IOException {
        Path f = dir.resolve("report.json");
        Files.writeString(f, "{}");
        assertThrows(IllegalArgumentException.class,
                () -> Json.writeFile(f, JsonObject.builder().put("x", Double.NaN).build()));
        assertEquals("{}", Files.readString(f));
    }

    @Test
    void readObjectErrorsNameTheFile() throws IOException {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\n  \"a\": 1\n  \"b\": 2\n}");
        JsonParseException e = assertThrows(JsonParseException.class, () -> Json.readObject(bad));
        assertEquals(bad + ": expected ',' or '}', got '\"' at 3:3", e.getMessage());
        assertEquals(3, e.line());

        Path latin1 = dir.resolve("latin1.json");
        Files.write(latin1, new byte[] {'"', (byte) 0xe9, '"'});
        IllegalArgumentException u = assertThrows(IllegalArgumentException.class, () -> Json.readObject(latin1));
        assertEquals(latin1 + ": not valid UTF-8", u.getMessage());

        Path array = dir.resolve("array.json");
        Files.writeString(array, "[]");
        IllegalArgumentException a = assertThrows(IllegalArgumentException.class, () -> Json.readObject(array));
        assertEquals(array + ": expected a JSON object at top level, got array", a.getMessage());

        assertThrows(NoSuchFileException.class, () -> Json.readObject(dir.resolve("missing.json")));
    }

    @Test
    void nullsInTreesAreRejectedWithAHint() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> JsonArray.of(JsonNull.INSTANCE, null));
        assertEquals("JsonArray element 1 is null; use JsonNull.INSTANCE", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new JsonString(null));
        assertThrows(IllegalArgumentException.class, () -> JsonObject.builder().put("k", (JsonValue) null));
    }
}
