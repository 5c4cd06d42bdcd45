package org.retailrl.envs.recommendation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.retailrl.envs.pricing.ShortageMode;

/** JSON load/save of {@link RecommendationScenario}: round trips and field-naming errors. */
class RecommendationScenarioJsonTest {
    private static final String TINY = """
            {"horizon": 4, "priceOut": [10, 20], "priceIn": [5, 12], "holdingCost": [1, 0.5],
             "shortageCost": [3, 4], "leadTime": [0, 1], "initialInventory": [3, 10], "maxOrder": 10,
             "ratingMax": 6, "efficiency": 1, "initialRatings": [[1, 2], [3, 4]],
             "purchaseCounts": [4, 1], "mode": "Backlog"}""";

    @Test
    void roundTripsTheNamedScenarios(@TempDir Path dir) throws IOException {
        for (String name : new String[] {"small", "small-backlog", "large"}) {
            RecommendationScenario s = RecommendationScenarios.named(name);
            assertEquals(s, RecommendationScenarioJson.parse(RecommendationScenarioJson.write(s)), name);
            Path f = dir.resolve(name + ".json");
            RecommendationScenarioJson.save(f, s);
            assertEquals(s, RecommendationScenarioJson.load(f), name);
        }
    }

    @Test
    void readsAHandWrittenFile() {
        RecommendationScenario s = RecommendationScenarioJson.parse(TINY);
        assertEquals(2, s.products());
        assertEquals(2, s.customers());
        assertEquals(3.0, s.initialRating(1, 0), 0);
        assertEquals(ShortageMode.BACKLOG, s.mode());
        assertEquals(1, s.leadTime()[1]);
    }

    @Test
    void generatesRatingsFromASeedObject() {
        String text = TINY.replace("[[1, 2], [3, 4]]", "{\"seed\": 7, \"low\": 0, \"high\": 3}");
        RecommendationScenario s = RecommendationScenarioJson.parse(text);
        assertEquals(java.util.Arrays.toString(RecommendationScenarios.uniformRatings(2, 2, 0, 3, 7)),
                java.util.Arrays.toString(s.initialRatings()));
    }

    @Test
    void errorsNameTheField() {
        message(TINY.replace("\"horizon\": 4", "\"horizon\": 4, \"colour\": 1"), "unknown field 'colour'");
        message(TINY.replace("\"mode\": \"Backlog\"", "\"mode\": \"queue\""), "'mode'", "lost_sales, backlog");
        message(TINY.replace("[[1, 2], [3, 4]]", "[[1, 2], [3]]"), "initialRatings'[1]", "one entry per customer");
        message(TINY.replace("[[1, 2], [3, 4]]", "[[1, 2], [3, 9]]"), "initialRatings[1][1]", "ratingMax");
        message(TINY.replace("\"leadTime\": [0, 1]", "\"leadTime\": [0, 1.5]"), "leadTime'[1]", "integer");
        message(TINY.replace("\"horizon\": 4,", ""), "horizon");
        message(TINY.replace("\"horizon\": 4", "\"horizon\": 4, \"products\": 3"), "'products'", "priceOut (2)");
        message(TINY.replace("\"priceIn\": [5, 12]", "\"priceIn\": [5]"), "priceIn");
        message(TINY.replace("[[1, 2], [3, 4]]", "{\"seed\": 7, \"low\": 0, \"hi\": 3}"), "unknown field 'hi'");
    }

    @Test
    void loadNamesTheFile(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("bad.json");
        Files.writeString(f, TINY.replace("\"maxOrder\": 10", "\"maxOrder\": -1"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RecommendationScenarioJson.load(f));
        assertTrue(e.getMessage().contains("bad.json") && e.getMessage().contains("maxOrder"), e.getMessage());
    }

    private static void message(String text, String... fragments) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RecommendationScenarioJson.parse(text));
        for (String f : fragments) {
            assertTrue(e.getMessage().contains(f), "message '" + e.getMessage() + "' lacks '" + f + "'");
        }
    }
}
