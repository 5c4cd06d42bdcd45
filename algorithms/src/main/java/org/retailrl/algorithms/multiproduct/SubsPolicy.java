package org.retailrl.algorithms.multiproduct;

import java.util.ArrayList;
import java.util.List;
import org.retailrl.envs.multiproduct.MnlDemand;
import org.retailrl.envs.multiproduct.MultiProductBatch;
import org.retailrl.envs.multiproduct.MultiProductScenario;
import org.retailrl.envs.pricing.ShortageMode;

/**
 * The 'Subs' policy of Song, Song &amp; Shen (2023) for substitutable products, as docs/model.md §4.4
 * derives it for this simulator. The products are split into substitute groups (connected by a
 * positive cross-price coefficient or a positive switching probability); complements join no
 * group, so a product without substitutes is a group of one. Each period, for each group {@code G},
 * with {@code x_i} the inventory position and the other products' prices held at their last
 * values, using the simulator's own logit rates {@code λ(p)} ({@link MnlDemand}):
 * <ol>
 * <li>unconstrained shares: {@code p* = argmax Σ_{i∈G} (p_i − c_i) λ_i(p)} over the grid;</li>
 * <li>base-stock levels {@code y_i} = the {@code κ_i}-quantile of Poisson demand over the protection
 *     interval, mean {@code (L + 1) λ_i(p*)}, with the newsvendor ratio
 *     {@code κ_i = (p_i − c_i + b_i)/(p_i − c_i + b_i + h_i)} (lost sales) or {@code b_i/(b_i + h_i)} (backlog);</li>
 * <li>overstocked products {@code O = {i : x_i >= y_i}} get no order;</li>
 * <li>if {@code O} is not empty the shares (prices) of the whole group are chosen again given the
 *     overstock: an overstocked unit is sunk (no replacement cost) and can be sold at a pace of at
 *     most {@code x_i/(L + 1)} per period, so
 *     {@code p = argmax Σ_{i∈G∖O} (p_i − c_i) λ_i(p) + Σ_{i∈O} p_i min(λ_i(p), x_i/(L + 1))},
 *     and the understocked products' base-stock levels are recomputed at these prices;</li>
 * <li>understocked products order {@code min(Q, y_i − x_i)}.</li>
 * </ol>
 * Fixed ordering costs are ignored, as in Song, Song &amp; Shen. Groups of up to two products are
 * searched exhaustively over the grid, larger ones by coordinate ascent from the last prices.
 */
public final class SubsPolicy implements MultiProductPolicy {
    private final MultiProductScenario s;
    private final MnlDemand demand;
    private final List<int[]> groups;
    private final int n;
    private final double[] grid;
    private final double[] c;
    private final double[] h;
    private final double[] b;
    private final boolean backlog;
    private final int lead;
    private final double[] p;
    private final double[] rate;
    private final double[] position;
    private final boolean[] over;
    private final int[] idx;
    private final int[] bestIdx;

    /** Subs on {@code scenario}. */
    public SubsPolicy(MultiProductScenario scenario) {
        this.s = scenario;
        demand = new MnlDemand(scenario);
        n = scenario.products();
        grid = scenario.prices();
        c = scenario.unitCost();
        h = scenario.holdingCost();
        b = scenario.shortageCost();
        backlog = scenario.mode() == ShortageMode.BACKLOG;
        lead = scenario.leadTime();
        groups = groups(scenario);
        p = new double[n];
        rate = new double[n];
        position = new double[n];
        over = new boolean[n];
        idx = new int[n];
        bestIdx = new int[n];
    }

    /** The substitute groups of {@code s}: connected components of {@code γ_{ik} > 0 or θ_{ik} > 0} (either direction). */
    public static List<int[]> groups(MultiProductScenario s) {
        int n = s.products();
        double[][] g = s.crossPrice();
        double[][] t = s.substitution();
        int[] root = new int[n];
        for (int i = 0; i < n; i++) {
            root[i] = i;
        }
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < n; k++) {
                if (i != k && (g[i][k] > 0 || t[i][k] > 0)) {
                    int a = find(root, i);
                    int z = find(root, k);
                    root[Math.max(a, z)] = Math.min(a, z);
                }
            }
        }
        List<int[]> out = new ArrayList<>();
        for (int r = 0; r < n; r++) {
            List<Integer> members = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (find(root, i) == r) {
                    members.add(i);
                }
            }
            if (!members.isEmpty()) {
                out.add(members.stream().mapToInt(Integer::intValue).toArray());
            }
        }
        return out;
    }

    private static int find(int[] root, int i) {
        while (root[i] != i) {
            i = root[i];
        }
        return i;
    }

    @Override
    public String name() {
        return "Subs";
    }

    @Override
    public void act(MultiProductBatch batch, int[] priceOut, int[] orderOut) {
        int cap = s.inventoryCap();
        for (int cp = 0; cp < batch.copies(); cp++) {
            for (int i = 0; i < n; i++) {
                p[i] = batch.lastPrice(cp, i);
                int arriving = lead == 0 ? 0 : batch.pipeline(cp, i, 0);
                int avail = (int) Math.min((long) batch.inventory(cp, i) + arriving, cap);
                position[i] = avail + batch.pipelineTotal(cp, i) - arriving;
                idx[i] = nearest(p[i]);
            }
            for (int[] g : groups) {
                for (int i : g) {
                    over[i] = false;
                }
                optimise(g);
                boolean any = false;
                for (int i : g) {
                    over[i] = position[i] >= baseStock(i);
                    any |= over[i];
                }
                if (any) {
                    optimise(g);
                }
                demand.rates(p, 0, rate, 0);
                for (int i : g) {
                    priceOut[cp * n + i] = idx[i];
                    int q = over[i] ? 0 : (int) Math.max(0, Math.min(s.maxOrder(), baseStock(i) - position[i]));
                    orderOut[cp * n + i] = q;
                }
            }
        }
    }

    private int nearest(double price) {
        int best = 0;
        for (int j = 1; j < grid.length; j++) {
            if (Math.abs(grid[j] - price) < Math.abs(grid[best] - price)) {
                best = j;
            }
        }
        return best;
    }

    /** The group's objective at the current prices {@code p}. */
    private double value(int[] g) {
        demand.rates(p, 0, rate, 0);
        double v = 0;
        for (int i : g) {
            v += over[i] ? p[i] * Math.min(rate[i], position[i] / (lead + 1)) : (p[i] - c[i]) * rate[i];
        }
        return v;
    }

    /** Sets {@code p} and {@code idx} of group {@code g} to the maximiser of {@link #value}; ties to the lowest indices. */
    private void optimise(int[] g) {
        if (g.length <= 2) {
            double best = Double.NEGATIVE_INFINITY;
            int m = grid.length;
            int combos = g.length == 1 ? m : m * m;
            for (int k = 0; k < combos; k++) {
                p[g[0]] = grid[k % m];
                if (g.length == 2) {
                    p[g[1]] = grid[k / m];
                }
                double v = value(g);
                if (v > best) {
                    best = v;
                    bestIdx[g[0]] = k % m;
                    if (g.length == 2) {
                        bestIdx[g[1]] = k / m;
                    }
                }
            }
        } else {
            for (int i : g) {
                bestIdx[i] = idx[i];
                p[i] = grid[idx[i]];
            }
            double best = value(g);
            for (int sweep = 0; sweep < 20; sweep++) {
                boolean changed = false;
                for (int i : g) {
                    for (int j = 0; j < grid.length; j++) {
                        p[i] = grid[j];
                        double v = value(g);
                        if (v > best + 1e-12) {
                            best = v;
                            bestIdx[i] = j;
                            changed = true;
                        }
                    }
                    p[i] = grid[bestIdx[i]];
                }
                if (!changed) {
                    break;
                }
            }
        }
        for (int i : g) {
            idx[i] = bestIdx[i];
            p[i] = grid[idx[i]];
        }
        demand.rates(p, 0, rate, 0);
    }

    /** The base-stock level of product {@code i} at the current prices and rates. */
    private int baseStock(int i) {
        double margin = p[i] - c[i];
        double ratio = backlog ? b[i] / (b[i] + h[i]) : (margin + b[i]) / (margin + b[i] + h[i]);
        if (!(ratio > 0)) {
            return 0;
        }
        return poissonQuantile((lead + 1) * rate[i], ratio);
    }

    /** Smallest {@code y} with {@code P(Poisson(mean) <= y) >= q}. */
    static int poissonQuantile(double mean, double q) {
        double pk = Math.exp(-mean);
        double cdf = pk;
        int y = 0;
        while (cdf < q && y < 100_000) {
            y++;
            pk *= mean / y;
            cdf += pk;
        }
        return y;
    }
}
