package org.retailrl.envs.multiproduct;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.retailrl.core.random.Rng;
import org.retailrl.envs.pricing.ShortageMode;

/**
 * Conservation and substitution invariants of docs/model.md §4.2 over random scenarios (1–4
 * products, random cross-price and substitution matrices, lead times 0–2, both shortage modes,
 * with and without a cap) played with random prices and orders.
 */
class MultiProductBatchProperties {

    static MultiProductScenario randomScenario(Rng r, int n, boolean backlog) {
        String[] names = new String[n];
        double[][] g = new double[n][n];
        double[][] t = new double[n][n];
        double[] a = new double[n];
        double[] beta = new double[n];
        double[] k = new double[n];
        int[] inv = new int[n];
        for (int i = 0; i < n; i++) {
            names[i] = "P" + i;
            a[i] = -1 - 2 * r.nextDouble();
            beta[i] = 0.02 + 0.1 * r.nextDouble();
            k[i] = r.nextInt(3) * 10;
            inv[i] = r.nextInt(8);
            double left = 1;
            for (int m = 0; m < n; m++) {
                if (m != i) {
                    g[i][m] = 0.1 * (r.nextDouble() - 0.5);
                    t[i][m] = r.nextInt(3) == 0 ? 0 : left * r.nextDouble();
                    left -= t[i][m];
                }
            }
        }
        int cap = r.nextInt(2) == 0 ? MultiProductScenario.UNCAPPED : 12 + r.nextInt(10);
        return new MultiProductScenario(names, new double[] {10, 20, 30, 40}, 8, r.nextInt(3), 30,
                backlog ? ShortageMode.BACKLOG : ShortageMode.LOST_SALES, cap, MultiProductScenario.fill(n, 10),
                MultiProductScenario.fill(n, 1), MultiProductScenario.fill(n, 5), k, inv, 40, 1, 25, a, beta, g, t);
    }

    @Property(tries = 60, seed = "20261204")
    void unitsAreConservedAndNoProductSellsMoreThanItHas(@ForAll long seed, @ForAll @IntRange(min = 1, max = 4) int n,
                                                         @ForAll boolean backlog) {
        Rng r = new Rng(seed);
        MultiProductScenario sc = randomScenario(r, n, backlog);
        int copies = 3;
        MultiProductBatch batch = new MultiProductBatch(sc, copies);
        batch.reset(seed, 7);
        int lead = sc.leadTime();
        double[][] theta = sc.substitution();
        int[] price = new int[copies * n];
        int[] order = new int[copies * n];
        double[] reward = new double[copies];
        List<int[]> orders = new ArrayList<>();
        for (int t = 0; t < sc.horizon(); t++) {
            int[] before = new int[copies * n];
            for (int cp = 0; cp < copies; cp++) {
                for (int i = 0; i < n; i++) {
                    before[cp * n + i] = batch.inventory(cp, i);
                }
            }
            for (int x = 0; x < price.length; x++) {
                price[x] = r.nextInt(sc.priceCount());
                order[x] = r.nextInt(sc.maxOrder() + 1);
            }
            orders.add(order.clone());
            batch.step(price, order, reward);
            for (int cp = 0; cp < copies; cp++) {
                int primary = 0;
                int finalDemand = 0;
                int movedOut = 0;
                int movedIn = 0;
                double total = 0;
                for (int i = 0; i < n; i++) {
                    int x = cp * n + i;
                    int arrived = t - lead >= 0 ? orders.get(t - lead)[x] : 0;
                    int stock = before[x] + arrived - batch.lastDisposed(cp, i);
                    assertTrue(batch.lastDisposed(cp, i) >= 0);
                    assertTrue(stock <= sc.inventoryCap());
                    int e = batch.lastDemand(cp, i);
                    int sold = batch.lastSales(cp, i);
                    int avail = Math.max(stock, 0);
                    assertTrue(sold >= 0 && sold <= avail, "no product sells more than it has");
                    if (backlog) {
                        int backlogChange = batch.lastLost(cp, i) - Math.max(-stock, 0);
                        assertEquals(e, sold + backlogChange, "sold + backlog change = demand after substitution");
                        assertEquals(stock - e, batch.inventory(cp, i), "net inventory");
                    } else {
                        assertEquals(e, sold + batch.lastLost(cp, i), "sold + lost = demand after substitution");
                        assertEquals(stock - sold, batch.inventory(cp, i), "stock balance");
                    }
                    int d = batch.lastPrimaryDemand(cp, i);
                    assertEquals(d - batch.lastMovedOut(cp, i) + batch.lastMovedIn(cp, i), e, "E = D − out + in");
                    assertTrue(batch.lastMovedOut(cp, i) <= Math.max(d - avail, 0),
                            "only demand that found no stock switches");
                    double rowSum = 0;
                    double colSum = 0;
                    for (int m = 0; m < n; m++) {
                        rowSum += theta[i][m];
                        colSum += theta[m][i];
                    }
                    if (rowSum == 0) {
                        assertEquals(0, batch.lastMovedOut(cp, i), "no switching out of a row with θ = 0");
                    }
                    if (colSum == 0) {
                        assertEquals(0, batch.lastMovedIn(cp, i), "no switching into a column with θ = 0");
                    }
                    primary += d;
                    finalDemand += e;
                    movedOut += batch.lastMovedOut(cp, i);
                    movedIn += batch.lastMovedIn(cp, i);
                    double p = sc.price(price[x]);
                    int q = order[x];
                    double expect = backlog
                            ? p * e - Math.max(batch.inventory(cp, i), 0) - 5 * Math.max(-batch.inventory(cp, i), 0)
                            : p * sold - batch.inventory(cp, i) - 5 * batch.lastLost(cp, i);
                    expect -= 10 * q + (q > 0 ? sc.fixedCost()[i] : 0);
                    assertEquals(expect, batch.lastReward(cp, i), 1e-9, "reward of product " + i);
                    total += batch.lastReward(cp, i);
                }
                assertEquals(primary, finalDemand, "substitution moves demand, it creates none");
                assertEquals(movedOut, movedIn);
                assertEquals(total, reward[cp], 1e-9, "joint reward = Σ_i R_i");
            }
        }
    }

    @Property(tries = 10, seed = "20261205")
    void aCopyDoesNotDependOnTheNumberOfCopies(@ForAll long seed, @ForAll @IntRange(min = 2, max = 6) int copies) {
        MultiProductScenario sc = MultiProductScenario.named("multiproduct");
        int n = sc.products();
        MultiProductBatch one = new MultiProductBatch(sc, 1);
        MultiProductBatch many = new MultiProductBatch(sc, copies);
        one.reset(seed, 3 + copies - 1);
        many.reset(seed, 3);
        Rng r = new Rng(seed);
        int[] p1 = new int[n];
        int[] q1 = new int[n];
        int[] pm = new int[n * copies];
        int[] qm = new int[n * copies];
        double[] r1 = new double[1];
        double[] rm = new double[copies];
        for (int t = 0; t < sc.horizon(); t++) {
            for (int i = 0; i < n; i++) {
                p1[i] = r.nextInt(sc.priceCount());
                q1[i] = r.nextInt(sc.maxOrder() + 1);
                pm[(copies - 1) * n + i] = p1[i];
                qm[(copies - 1) * n + i] = q1[i];
            }
            one.step(p1, q1, r1);
            many.step(pm, qm, rm);
            assertEquals(r1[0], rm[copies - 1], 0.0, "period " + t);
        }
    }
}
