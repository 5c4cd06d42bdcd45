package org.retailrl.cli.demand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scanner-data features: lags without leakage, prices, calendar, store join. */
class ScannerFeaturesTest {
    private static CsvTable table(double[] week, double[] y) {
        int n = week.length;
        double[] store = new double[n];
        double[] brand = new double[n];
        double[] p1 = new double[n];
        double[] p2 = new double[n];
        double[] zero = new double[n];
        for (int r = 0; r < n; r++) {
            store[r] = 5;
            brand[r] = 1;
            p1[r] = 2 + r;
            p2[r] = 3;
        }
        return CsvTable.of("t", List.of("store", "brand", "week", "logmove", "price1", "price2", "deal", "feat"),
                List.of(store, brand, week, y, p1, p2, zero, zero.clone()));
    }

    @Test
    void lagsAndRollingMeansUseOnlyEarlierWeeks() {
        double[] week = {10, 11, 12, 14};
        double[] y = {1, 2, 4, 8};
        boolean[] train = {true, true, true, true};
        ScannerFeatures sf = ScannerFeatures.build(table(week, y), "logmove", train, null);
        CsvTable t = sf.table();
        assertTrue(Double.isNaN(t.column("lag1")[0]));
        assertEquals(1.0, t.column("lag1")[1]);
        assertEquals(2.0, t.column("lag1")[2]);
        assertEquals(1.0, t.column("lag2")[2]);
        assertTrue(Double.isNaN(t.column("lag1")[3]), "week 13 is missing");
        assertEquals(4.0, t.column("lag2")[3]);
        assertEquals((1 + 2 + 4) / 3.0, t.column("roll4mean")[3], 1e-15);
        assertEquals(7.0 / 3, t.column("roll13mean")[3], 1e-15);
        // Changing the target of a week changes none of that week's features.
        double[] y2 = y.clone();
        y2[2] = 100;
        CsvTable t2 = ScannerFeatures.build(table(week, y2), "logmove", train, null).table();
        for (String f : sf.engineered()) {
            assertEquals(Double.doubleToLongBits(t.column(f)[2]), Double.doubleToLongBits(t2.column(f)[2]), f);
        }
    }

    @Test
    void pricesRelativeToHistoryAndCompetitors() {
        double[] week = {10, 11, 12};
        boolean[] train = {true, true, false};
        CsvTable t = ScannerFeatures.build(table(week, new double[3]), "logmove", train, null).table();
        assertEquals(2.0, t.column("ownprice")[0]);
        assertEquals(4.0 / 2.5, t.column("relprice")[2], 1e-15, "mean own price over training weeks is 2.5");
        assertEquals(3.0, t.column("compmean")[1]);
        assertEquals(1.0, t.column("pricerank")[0]);
        assertEquals(2.0, t.column("pricerank")[2]);
        assertEquals(4.0 / 3, t.column("pricechange")[2], 1e-15);
    }

    @Test
    void calendarAndHolidays() {
        // Week 1 starts Thursday 14 September 1989; Thanksgiving 1989 was 23 November (week 11).
        assertTrue(ScannerFeatures.holidayWeek(ScannerFeatures.WEEK_ONE.plusWeeks(10)));
        assertFalse(ScannerFeatures.holidayWeek(ScannerFeatures.WEEK_ONE.plusWeeks(8)));
        assertTrue(ScannerFeatures.holidayWeek(LocalDate.of(1990, 12, 20)), "Christmas");
        assertTrue(ScannerFeatures.holidayWeek(LocalDate.of(1990, 12, 28)), "New Year's Day of 1991");
        assertTrue(ScannerFeatures.holidayWeek(LocalDate.of(1990, 5, 24)), "Memorial Day 28 May 1990");
    }

    @Test
    void storeDemographicsJoinOnStore(@TempDir Path dir) throws Exception {
        CsvTable stores = CsvTable.read(OjFixture.stores(dir, 2));
        CsvTable t = table(new double[] {1, 2}, new double[2]);
        CsvTable joined = ScannerFeatures.build(t, "logmove", new boolean[] {true, true}, stores).table();
        assertEquals(10.1, joined.column("income")[0], 1e-12);
        assertEquals(0.21, joined.column("age60")[1], 1e-12);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ScannerFeatures.build(table(new double[] {1}, new double[1]).with("brand", new double[] {7}),
                        "logmove", new boolean[] {true}, null));
        assertTrue(e.getMessage().contains("'brand'") && e.getMessage().contains("[1, 2]"), e.getMessage());
    }
}
