package org.retailrl.cli.demand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.retailrl.envs.gbdt.GbdtModel;
import org.retailrl.envs.gbdt.GbdtModelFile;

/** {@code retail demand fit} end to end on synthetic scanner data and on a generic CSV. */
class DemandCommandTest {
    private static Run fit(String... args) {
        return Run.of(args);
    }

    @Test
    void fitsScannerDataBeatsTheSeriesMeanAndWritesTheReport(@TempDir Path dir) throws Exception {
        Path data = OjFixture.write(dir, "oj.csv.gz", 6, 60, 11, true);
        Path stores = OjFixture.stores(dir, 6);
        Path out = dir.resolve("report");
        Run r = fit("demand", "fit", "--data", data.toString(), "--target", "logmove", "--categorical", "store,brand",
                "--stores", stores.toString(), "--out", out.toString(), "--trees", "300", "--learning-rate", "0.1",
                "--threads", "2");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("scanner layout"), r.out());
        assertTrue(r.out().contains("week <= 87 trains"), r.out());
        assertTrue(r.out().contains("income") && r.out().contains("lag1"), r.out());
        double mean = rmse(r.out(), "per-series mean");
        double loglog = rmse(r.out(), "log-log regression");
        double trees = rmse(r.out(), "gradient-boosted trees");
        assertTrue(trees < mean, "trees " + trees + " vs series mean " + mean);
        assertTrue(loglog < mean, "the fixture is log-linear in prices: " + loglog + " vs " + mean);
        for (String f : List.of("model.gbdt", "metrics.csv", "importance.svg", "pd-own-price.svg", "report.html")) {
            assertTrue(Files.size(out.resolve(f)) > 0, f);
        }
        GbdtModel m = GbdtModelFile.load(out.resolve("model.gbdt"));
        assertTrue(m.featureNames().contains("ownprice"));
        assertTrue(m.isCategorical(m.featureNames().indexOf("store")));
        String pd = Files.readString(out.resolve("pd-own-price.svg"));
        assertTrue(pd.contains("brand 1") && pd.contains("brand 3"), "one curve per brand");
    }

    @Test
    void genericCsvUsesItsColumnsAndTheRowOrder(@TempDir Path dir) throws Exception {
        StringBuilder sb = new StringBuilder("shop,unit_price,temp,units\n");
        org.retailrl.core.random.Rng rng = new org.retailrl.core.random.Rng(2);
        for (int i = 0; i < 600; i++) {
            double p = 1 + rng.nextDouble();
            double temp = 20 * rng.nextDouble();
            String shop = i % 3 == 0 ? "north" : "south";
            int units = rng.poisson(Math.exp(3 - 1.2 * p + 0.05 * temp + (shop.equals("north") ? 0.3 : 0)));
            sb.append(shop).append(',').append(p).append(',').append(temp).append(',').append(units).append('\n');
        }
        Path data = dir.resolve("sales.csv");
        Files.writeString(data, sb.toString());
        Run r = fit("demand", "fit", "--data", data.toString(), "--target", "units", "--categorical", "shop",
                "--objective", "poisson", "--out", dir.resolve("o").toString(), "--trees", "200", "--learning-rate", "0.1");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("first 480 rows train, last 120 rows test"), r.out());
        assertTrue(r.out().contains("Poisson dev"), "a count target gets the deviance: " + r.out());
        assertTrue(Files.exists(dir.resolve("o/pd-own-price.svg")), "the price column gets a curve");
    }

    @Test
    void badColumnsAndSplitsAreRefusedNamingTheColumn(@TempDir Path dir) throws Exception {
        Path data = OjFixture.write(dir, "oj.csv", 2, 12, 3, false);
        Run r = fit("demand", "fit", "--data", data.toString(), "--target", "sales");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("no column 'sales'"), r.err());
        r = fit("demand", "fit", "--data", data.toString(), "--target", "logmove", "--split", "week<=500");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("column 'week'") && r.err().contains("no test rows"), r.err());
        r = fit("demand", "fit", "--data", data.toString(), "--target", "logmove", "--split", "week=50");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("COLUMN<=VALUE"), r.err());
        r = fit("demand", "fit", "--data", data.toString(), "--target", "logmove", "--features", "price1,bogus");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("'bogus'"), r.err());
        r = fit("demand", "fit", "--data", data.toString(), "--target", "logmove", "--objective", "gamma");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--objective must be l2 or poisson"), r.err());
        Path text = dir.resolve("text.csv");
        Files.writeString(text, "a,b,y\n1,x,1\n2,y,2\n3,x,3\n4,y,4\n5,x,5\n");
        r = fit("demand", "fit", "--data", text.toString(), "--target", "y", "--features", "a,b");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("column 'b'") && r.err().contains("not numeric"), r.err());
        r = fit("demand", "fit", "--data", text.toString(), "--target", "b");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("column 'b'"), r.err());
        r = fit("demand", "fit", "--data", data.toString(), "--target", "logmove", "--objective", "poisson",
                "--stores", text.toString(), "--out", dir.resolve("x").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("no STORE column"), r.err());
    }

    static double rmse(String out, String model) {
        for (String line : out.split("\n")) {
            String t = line.trim();
            if (t.startsWith(model)) {
                String[] parts = t.substring(model.length()).replaceAll("\\(.*?\\)", "").trim().split("\\s+");
                return Double.parseDouble(parts[0]);
            }
        }
        throw new AssertionError("no line for " + model + " in\n" + out);
    }

    /** The command line run in-process. */
    record Run(int code, String out, String err) {
        static Run of(String... args) {
            var o = new java.io.ByteArrayOutputStream();
            var e = new java.io.ByteArrayOutputStream();
            int code = org.retailrl.cli.Main.run(args, new java.io.PrintStream(o, true, java.nio.charset.StandardCharsets.UTF_8),
                    new java.io.PrintStream(e, true, java.nio.charset.StandardCharsets.UTF_8));
            return new Run(code, o.toString(java.nio.charset.StandardCharsets.UTF_8),
                    e.toString(java.nio.charset.StandardCharsets.UTF_8));
        }
    }
}
