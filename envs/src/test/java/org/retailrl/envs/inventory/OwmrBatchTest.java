package org.retailrl.envs.inventory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one-warehouse multi-retailer simulator by hand (demand fixed at 2 per retailer): a short
 * warehouse splitting its stock by each allocation rule, the costs and positions; and its scenario
 * file: round trips, defaults and errors naming the field.
 */
class OwmrBatchTest {
    private static OwmrScenario twoRetailers(OwmrScenario.Allocation a) {
        DemandLaw two = DemandLaw.empirical(new double[] {0, 0, 1});
        return new OwmrScenario(new DemandLaw[] {two, two}, 1, new int[] {1, 1}, 1, 2, 10, a, 20, 100);
    }

    /** Period 0: nothing to ship, both retailers backlog 2; period 1: 10 units on hand against 12 owed. */
    private static OwmrBatch twoPeriods(OwmrScenario.Allocation a, double[] costs) {
        OwmrBatch b = new OwmrBatch(twoRetailers(a), 1);
        b.reset(1, 0);
        double[] c = new double[1];
        b.step(new int[] {10, 3, 5}, c);
        costs[0] = c[0];
        b.step(new int[] {0, 2, 2}, c);
        costs[1] = c[0];
        return b;
    }

    @Test
    void proportionalAllocationByHand() {
        double[] c = new double[2];
        OwmrBatch b = twoPeriods(OwmrScenario.Allocation.PROPORTIONAL, c);
        // 10·5/12 = 4.17 and 10·7/12 = 5.83: 4 and 5, the last unit to the larger remainder.
        assertEquals(2 * 10 * 2, c[0]);
        assertEquals(1 * 10 + 10 * 8, c[1], "10 units in transit, 4 backlogged at each retailer");
        int[] s = new int[b.observationSize()];
        b.state(0, s);
        assertArrayEquals(new int[] {0, 1, 1, 0, 2}, s, "stock, owed 5-4 and 7-6, net -4+4 and -4+6");
        assertEquals(1, b.retailerPosition(0, 0));
        assertEquals(-2, b.warehousePosition(0));
        assertEquals(2, b.echelonPosition(0));
    }

    @Test
    void balancedAllocationByHand() {
        double[] c = new double[2];
        OwmrBatch b = twoPeriods(OwmrScenario.Allocation.BALANCED, c);
        // Both positions are -2 (target 4): units alternate, the first to retailer 1, 5 each.
        assertEquals(90, c[1]);
        int[] s = new int[b.observationSize()];
        b.state(0, s);
        assertArrayEquals(new int[] {0, 0, 2, 1, 1}, s);
    }

    @Test
    void refusesBadActions() {
        OwmrBatch b = new OwmrBatch(twoRetailers(OwmrScenario.Allocation.BALANCED), 1);
        b.reset(1, 0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> b.step(new int[] {0, 21, 0}, new double[1]));
        assertTrue(e.getMessage().contains("retailer1") && e.getMessage().contains("[0, 20]"), e.getMessage());
    }

    @Test
    void scenarioFileRoundTripsAndRefusesBadValues(@TempDir Path dir) throws IOException {
        OwmrScenario s = twoRetailers(OwmrScenario.Allocation.PROPORTIONAL);
        Path f = dir.resolve("owmr.json");
        OwmrScenarioJson.save(f, s);
        assertEquals(s, OwmrScenarioJson.load(f));
        assertEquals(OwmrScenario.example(), OwmrScenarioJson.parse("{}"));
        OwmrScenario two = OwmrScenarioJson.parse("{\"demand\": [{\"type\": \"poisson\", \"mean\": 3}, "
                + "{\"type\": \"geometric\", \"mean\": 2}]}");
        assertArrayEquals(new int[] {1, 1}, two.retailerLeads());
        rejects("{\"allocation\": \"fcfs\"}", "allocation", "proportional or balanced");
        rejects("{\"retailerHolding\": 0.25}", "retailerHolding", ">= warehouseHolding");
        rejects("{\"retailerLeads\": [1, 2]}", "retailerLeads", "4 entries");
        rejects("{\"warehouseLead\": 0}", "warehouseLead", "[1, 20]");
        rejects("{\"demand\": [5]}", "demand[0]", "demand law object");
        rejects("{\"demand\": []}", "demand", "1..32");
        rejects("{\"backorder\": 3}", "unknown field 'backorder'");
    }

    private static void rejects(String json, String... fragments) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OwmrScenarioJson.parse(json));
        for (String f : fragments) {
            assertTrue(e.getMessage().contains(f), "'" + e.getMessage() + "' should mention '" + f + "'");
        }
    }
}
