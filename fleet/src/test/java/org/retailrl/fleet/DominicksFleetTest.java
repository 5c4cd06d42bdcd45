package org.retailrl.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.retailrl.cli.demand.DominicksIntegrationTest;

/**
 * The fleet job on the first two series of the real Dominick's orange-juice data when it lies in
 * {@code ../shared/data/} beside the project (a quick 20-tree demand fit, a tiny budget): the
 * driver fits the model, both series are evaluated and the table and summary are written. Skipped,
 * saying so, when the file is absent.
 */
class DominicksFleetTest {
    @Test
    void twoRealSeriesRunThroughTheFleet(@TempDir Path dir) throws Exception {
        Path data = DominicksIntegrationTest.dataFile();
        assumeTrue(data != null && Files.isReadable(data),
                "skipped: the Dominick's data is not at ../shared/data/dominicks_oj.csv.gz beside the project root");
        Path out = dir.resolve("fleet");
        org.apache.spark.sql.SparkSession spark = FleetJobTest.localSpark();
        FleetJobTest.Run r;
        try {
            r = FleetJobTest.fleet(List.of("--data", data.toString(), "--out", out.toString(), "--limit", "2",
                    "--trees", "20", "--episodes", "2", "--copies", "2", "--eval-episodes", "4", "--heuristic-fit",
                    "50,1,1"));
        } finally {
            spark.stop();
        }
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.isRegularFile(out.resolve("model/model.gbdt")), r.err());
        List<String> csv = Files.readAllLines(out.resolve("results.csv"));
        assertEquals(3, csv.size(), csv.toString());
        // Dominick's first store is 2; brands 1 and 2 come first.
        assertTrue(csv.get(1).startsWith("s2-b1,2,1,ok,") && csv.get(2).startsWith("s2-b2,2,2,ok,"), csv.toString());
        assertTrue(Files.readString(out.resolve("summary.txt")).contains("series: 2, evaluated 2, failed 0"));
    }
}
