package org.retailrl.algorithms.inventory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.retailrl.algorithms.eval.Summary;
import org.retailrl.envs.inventory.DemandLaw;
import org.retailrl.envs.inventory.OwmrBatch;
import org.retailrl.envs.inventory.OwmrScenario;
import org.retailrl.envs.inventory.SerialBatch;
import org.retailrl.envs.inventory.SerialScenario;

/**
 * The one-warehouse multi-retailer system against exact results: with one retailer it is the
 * two-stage serial system, so the lower bound must be the Clark–Scarf optimum and the simulator must
 * reproduce the serial simulator copy by copy; with several retailers the bound must lie below the
 * simulated cost of its own levels.
 */
class OwmrTest {
    private static OwmrScenario oneRetailer() {
        return new OwmrScenario(new DemandLaw[] {DemandLaw.poisson(4)}, 3, new int[] {2}, 0.5, 1.5, 9,
                OwmrScenario.Allocation.BALANCED, 60, 100);
    }

    /** The same system as a serial chain: stage 0 the retailer, stage 1 the warehouse, echelon holding h_r − h_w and h_w. */
    private static SerialScenario asSerial(OwmrScenario o) {
        return new SerialScenario(o.demand(0), new int[] {o.retailerLead(0), o.warehouseLead()},
                new double[] {o.retailerHolding() - o.warehouseHolding(), o.warehouseHolding()}, o.backlogCost(),
                o.maxOrder(), o.horizon());
    }

    @Test
    void oneRetailerBoundIsTheClarkScarfOptimum() {
        OwmrScenario o = oneRetailer();
        ClarkScarf.Solution cs = ClarkScarf.solve(asSerial(o));
        Owmr.Bound b = Owmr.lowerBound(o);
        assertEquals(cs.cost(), b.cost(), 1e-9);
        assertEquals(cs.levels()[1], b.echelonLevel());
        assertArrayEquals(new int[] {cs.levels()[0]}, b.retailerLevels());
    }

    @Test
    void oneRetailerSimulatorIsTheSerialSimulator() {
        OwmrScenario o = oneRetailer();
        SerialScenario s = asSerial(o);
        int[] levels = {13, 30};
        int copies = 8;
        double[] serial = BatchAverage.perCopy(reset(new SerialBatch(s, copies)), (bb, a) -> {
            SerialBatch sb = (SerialBatch) bb;
            for (int i = 0; i < copies; i++) {
                for (int j = 0; j < 2; j++) {
                    a[2 * i + j] = Math.max(0, levels[j] - sb.echelonPosition(i, j));
                }
            }
        }, 50, 500);
        double[] owmr = BatchAverage.perCopy(reset(new OwmrBatch(o, copies)), (bb, a) -> {
            OwmrBatch ob = (OwmrBatch) bb;
            for (int i = 0; i < copies; i++) {
                a[2 * i] = Math.max(0, levels[1] - ob.echelonPosition(i));
                a[2 * i + 1] = Math.max(0, levels[0] - ob.retailerPosition(i, 0));
            }
        }, 50, 500);
        assertArrayEquals(serial, owmr, 1e-9);
        Summary sim = Owmr.simulate(o, new Owmr.Policy(true, levels[1], new int[] {levels[0]}), copies, 50, 500, 3);
        assertEquals(Summary.of(owmr, 0.95).mean(), sim.mean(), 1e-9, "Owmr.simulate drives the same policy");
    }

    private static <B extends org.retailrl.envs.inventory.InventoryBatch> B reset(B b) {
        b.reset(3, 0);
        return b;
    }

    @Test
    void boundLiesBelowTheSimulatedCostOfItsLevels() {
        DemandLaw[] d = {DemandLaw.poisson(3), DemandLaw.poisson(3), DemandLaw.poisson(6)};
        for (OwmrScenario.Allocation a : OwmrScenario.Allocation.values()) {
            OwmrScenario o = new OwmrScenario(d, 2, new int[] {1, 1, 2}, 0.5, 1, 19, a, 100, 100);
            Owmr.Bound b = Owmr.lowerBound(o);
            Summary sim = Owmr.simulate(o, new Owmr.Policy(true, b.echelonLevel(), b.retailerLevels()), 64, 200, 2000,
                    5);
            assertTrue(b.cost() < sim.mean() - sim.halfWidth(), a + ": bound " + b.cost() + " vs " + sim);
            // The bound is tight enough to be useful: its levels are within 10 % of it.
            assertTrue(sim.mean() < 1.1 * b.cost(), a + ": bound " + b.cost() + " vs " + sim);
        }
    }
}
