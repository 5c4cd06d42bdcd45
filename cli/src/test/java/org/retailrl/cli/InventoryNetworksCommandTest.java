package org.retailrl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code retail inventory solve --problem owmr} (docs/model.md §7): the example's lower bound, a
 * scenario file read and a bad one refused naming the file and the field; training refused for the
 * one problem without a learner and for a dual-sourcing lead time out of range. (Training on the
 * dual-sourcing and serial examples is not run here: its fixed-size evaluation alone takes longer
 * than the default suite allows.)
 */
class InventoryNetworksCommandTest {
    @Test
    void owmrSolvePrintsTheBoundAndReadsScenarioFiles(@TempDir Path dir) throws Exception {
        CliRun r = CliRun.of("inventory", "solve", "--problem", "owmr");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("lower bound (balance relaxation)") && r.out().contains("40.7266"), r.out());
        Path one = dir.resolve("one.json");
        Files.writeString(one, "{\"demand\": [{\"type\": \"poisson\", \"mean\": 4}], \"warehouseLead\": 3, "
                + "\"retailerLeads\": [2], \"warehouseHolding\": 0.5, \"retailerHolding\": 1.5, \"backlogCost\": 9}");
        CliRun single = CliRun.of("inventory", "solve", "--problem", "owmr", "--scenario", one.toString());
        assertEquals(0, single.code(), single.err());
        assertTrue(single.out().contains("poisson(4)"), single.out());
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"allocation\": \"fcfs\"}");
        CliRun refused = CliRun.of("inventory", "solve", "--problem", "owmr", "--scenario", bad.toString());
        assertTrue(refused.code() != 0, refused.out());
        assertTrue(refused.err().contains("bad.json") && refused.err().contains("allocation"), refused.err());
        CliRun train = CliRun.of("inventory", "train", "--problem", "owmr");
        assertEquals(2, train.code(), train.out() + train.err());
        assertTrue(train.err().contains("lost-sales, dual-sourcing and serial"), train.err());
        CliRun badLead = CliRun.of("inventory", "train", "--problem", "dual-sourcing", "--lead", "5");
        assertEquals(2, badLead.code(), badLead.out() + badLead.err());
        assertTrue(badLead.err().contains("lead"), badLead.err());
    }
}
