package org.retailrl.envs.pricing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** JSON load/save of {@link PricingScenario}: round trips and errors that name the field. */
class PricingScenarioJsonTest {
    @Test
    void everyNamedScenarioAndACustomOneRoundTrip() {
        for (String n : new String[] {"a", "b", "c", "d"}) {
            PricingScenario s = PricingScenario.named(n);
            assertEquals(s, PricingScenarioJson.parse(PricingScenarioJson.write(s)));
        }
        PricingScenario custom = PricingScenario.defaults().toBuilder().prices(9.5, 19.99, 30).maxOrder(7)
                .leadTime(2).initialPipeline(3, 7).inventoryCap(40).fixedCompetitor(21.25).fixedReference(30)
                .mode(ShortageMode.BACKLOG).initialInventory(-2).betas(-4, -0.5, -0.02, 0.1, -0.04, -0.015)
                .build();
        assertEquals(custom, PricingScenarioJson.parse(PricingScenarioJson.write(custom)));
    }

    @Test
    void partialObjectsOverrideTheirBase() {
        PricingScenario s = PricingScenarioJson.parse("""
                {"base": "c", "leadTime": 1, "horizon": 20, "competitor": "Fixed", "fixedCompetitorPrice": 30,
                 "referenceWeight": 1, "inventoryCap": 40}""");
        PricingScenario expect = PricingScenario.named("c").toBuilder().leadTime(1).horizon(20).fixedCompetitor(30)
                .referenceWeight(1).inventoryCap(40).build();
        assertEquals(expect, s);
        assertEquals(PricingScenario.defaults(), PricingScenarioJson.parse("{}"));
        assertEquals(PricingScenario.defaults(), PricingScenarioJson.parse("{\"inventoryCap\": null}"));
    }

    private static void rejects(String json, String... fragments) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PricingScenarioJson.parse(json));
        for (String f : fragments) {
            assertTrue(e.getMessage().contains(f), "expected '" + f + "' in: " + e.getMessage());
        }
    }

    @Test
    void errorsNameTheField() {
        rejects("{\"holdingcost\": 1}", "unknown field 'holdingcost'", "holdingCost");
        rejects("{\"holdingCost\": -1}", "holdingCost", ">= 0");
        rejects("{\"leadTime\": 1.5}", "leadTime", "integer");
        rejects("{\"leadTime\": -1}", "leadTime", "[0, ");
        rejects("{\"prices\": []}", "prices", "non-empty");
        rejects("{\"prices\": [10, \"x\"]}", "prices'[1]", "number");
        rejects("{\"competitor\": \"sometimes\"}", "competitor", "undercut, uniform, fixed");
        rejects("{\"mode\": 3}", "mode", "string");
        rejects("{\"base\": \"z\"}", "a, b, c, d");
        rejects("{\"leadTime\": 2, \"initialPipeline\": [1]}", "initialPipeline", "leadTime = 2");
        rejects("{\"initialPipeline\": [0, 0.5, 0]}", "initialPipeline", "integer");
        rejects("{\"referenceWeight\": 2}", "referenceWeight", "[0, 1]");
        rejects("{\"horizon\": 0}", "horizon", "[1, ");
    }

    @Test
    void filesRoundTripAndErrorsNameTheFile(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("scenario.json");
        PricingScenario s = PricingScenario.named("d").toBuilder().horizon(55).build();
        PricingScenarioJson.save(f, s);
        assertEquals(s, PricingScenarioJson.load(f));
        Files.writeString(f, "{\"unitCost\": \"ten\"}");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PricingScenarioJson.load(f));
        assertTrue(e.getMessage().contains("scenario.json") && e.getMessage().contains("unitCost"), e.getMessage());
    }
}
