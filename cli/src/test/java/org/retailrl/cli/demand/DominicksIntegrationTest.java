package org.retailrl.cli.demand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real Dominick's orange-juice data, when it lies in {@code ../shared/data/} beside the project
 * (it is never copied into the project): a quick fit (rate 0.2, short patience) must beat both
 * baselines on holdout RMSE. Skipped, saying so, when the file is absent.
 */
public class DominicksIntegrationTest {
    /** ../shared/data/dominicks_oj.csv.gz beside the project root, or null (also for the fleet module's tests). */
    public static Path dataFile() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("retail-mvn"))) {
            dir = dir.getParent();
        }
        return dir == null || dir.getParent() == null ? null
                : dir.getParent().resolve("shared").resolve("data").resolve("dominicks_oj.csv.gz");
    }

    @Test
    void treesBeatBothBaselinesOnTheRealData(@TempDir Path out) {
        Path data = dataFile();
        assumeTrue(data != null && Files.isReadable(data),
                "skipped: the Dominick's data is not at ../shared/data/dominicks_oj.csv.gz beside the project root");
        DemandCommandTest.Run r = DemandCommandTest.Run.of("demand", "fit", "--data", data.toString(), "--target",
                "logmove", "--categorical", "store,brand", "--learning-rate", "0.2", "--early-stopping", "20",
                "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        double mean = DemandCommandTest.rmse(r.out(), "per-series mean");
        double loglog = DemandCommandTest.rmse(r.out(), "log-log regression");
        double trees = DemandCommandTest.rmse(r.out(), "gradient-boosted trees");
        assertTrue(trees < loglog && trees < mean, r.out());
    }
}
