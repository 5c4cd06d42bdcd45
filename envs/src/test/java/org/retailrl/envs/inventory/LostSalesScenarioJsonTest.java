package org.retailrl.envs.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** JSON load/save of the lost-sales scenario: round trips, defaults, and errors naming the field. */
class LostSalesScenarioJsonTest {
    @Test
    void roundTripsThroughAFile(@TempDir Path dir) throws IOException {
        LostSalesScenario s = new LostSalesScenario(DemandLaw.empirical(new double[] {0.5, 0.25, 0.25}), 3, 1.5, 19,
                0.25, 12, 200, 4, new int[] {2, 0});
        Path f = dir.resolve("s.json");
        LostSalesScenarioJson.save(f, s);
        assertEquals(s, LostSalesScenarioJson.load(f));
        LostSalesScenario g = LostSalesScenario.zipkin(DemandLaw.Kind.GEOMETRIC, 39, 4);
        assertEquals(g, LostSalesScenarioJson.parse(org.retailrl.core.json.Json.write(LostSalesScenarioJson.toJson(g))));
    }

    @Test
    void missingMembersTakeZipkinsValues() {
        assertEquals(LostSalesScenario.zipkin(DemandLaw.Kind.POISSON, 9, 2), LostSalesScenarioJson.parse("{}"));
        LostSalesScenario s = LostSalesScenarioJson.parse("{\"demand\": {\"type\": \"geometric\", \"mean\": 5}, "
                + "\"leadTime\": 4}");
        assertEquals(DemandLaw.geometric(5), s.demand());
        assertEquals(DemandLaw.geometric(5).max(), s.maxOrder());
        assertEquals(3, s.initialPipeline().length);
    }

    @Test
    void refusesUnknownFieldsAndOutOfRangeValues(@TempDir Path dir) throws IOException {
        rejects("{\"leadtime\": 2}", "unknown field 'leadtime'");
        rejects("{\"penaltyCost\": -1}", "penaltyCost", ">= 0");
        rejects("{\"leadTime\": 51}", "leadTime", "[0, 50]");
        rejects("{\"leadTime\": 3, \"initialPipeline\": [1]}", "initialPipeline", "2 entries");
        rejects("{\"demand\": {\"type\": \"normal\", \"mean\": 5}}", "demand.type", "poisson, geometric, empirical");
        rejects("{\"demand\": {\"type\": \"poisson\", \"mean\": 0}}", "demand", "(0, 1000]");
        rejects("{\"demand\": {\"type\": \"poisson\", \"sd\": 2}}", "unknown field 'sd'");
        Path f = dir.resolve("bad.json");
        Files.writeString(f, "{\"holdingCost\": \"one\"}");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LostSalesScenarioJson.load(f));
        assertTrue(e.getMessage().contains("bad.json") && e.getMessage().contains("holdingCost"), e.getMessage());
    }

    private static void rejects(String json, String... fragments) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LostSalesScenarioJson.parse(json));
        for (String f : fragments) {
            assertTrue(e.getMessage().contains(f), "'" + e.getMessage() + "' should mention '" + f + "'");
        }
    }
}
