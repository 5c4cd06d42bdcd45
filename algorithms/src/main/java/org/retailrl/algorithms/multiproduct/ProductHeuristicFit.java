package org.retailrl.algorithms.multiproduct;

import java.util.ArrayList;
import java.util.List;
import org.retailrl.algorithms.heuristics.FittedDemand;
import org.retailrl.algorithms.heuristics.Heuristic;
import org.retailrl.algorithms.heuristics.HeuristicOptimizer;
import org.retailrl.algorithms.heuristics.HeuristicSuite;
import org.retailrl.algorithms.heuristics.MyopicPriceTable;
import org.retailrl.core.random.Rng;
import org.retailrl.envs.multiproduct.MultiProductBatch;
import org.retailrl.envs.multiproduct.MultiProductScenario;
import org.retailrl.envs.pricing.PricingScenario;

/**
 * Fits the per-product BSLP, (s,S,p) and Myopic of docs/model.md §4.4 the way §8.10 fits them to one
 * product, each product on its own: (1) simulate the multi-product simulator with every product's
 * price drawn uniformly from the grid and no orders, recording each product's own price and its
 * primary demand (before stock and substitution); (2) fit {@link FittedDemand} per product, which
 * ignores the other products' prices; (3) start each product's heuristic from that fit
 * ({@link HeuristicSuite#starts}); (4) optimise by simulation — cyclic coordinate search over the
 * products, each step searching one product's parameters with the others held, on the total profit
 * of the multi-product simulator over fixed optimisation episodes (common random numbers), until a
 * sweep over all products changes nothing or {@code maxRounds} sweeps were made. The settings are
 * those of the single-product suite ({@link HeuristicSuite.Settings}: rows, optimisation episodes,
 * sweeps, seed).
 */
public final class ProductHeuristicFit {
    /** Names of the fitted kinds, in order. */
    public static final List<String> KINDS = List.of("BSLP", "(s,S,p)", "Myopic");

    /**
     * One fitted kind.
     *
     * @param policy    the optimised per-product policy
     * @param objective its mean total profit on the optimisation episodes (biased upwards: selected on them)
     * @param demands   the per-product demand fits
     */
    public record Fitted(ProductHeuristics policy, double objective, List<FittedDemand> demands) {
    }

    private ProductHeuristicFit() {
    }

    /** Product {@code i} of {@code s} as a single-product scenario (grid, orders, lead time, costs, mode, horizon). */
    public static PricingScenario product(MultiProductScenario s, int i) {
        return PricingScenario.defaults().toBuilder().prices(s.prices()).maxOrder(s.maxOrder())
                .unitCost(s.unitCost()[i]).holdingCost(s.holdingCost()[i]).shortageCost(s.shortageCost()[i])
                .fixedCost(s.fixedCost()[i]).leadTime(s.leadTime()).horizon(s.horizon())
                .initialInventory(Math.max(0, s.initialInventory()[i])).mode(s.mode()).build();
    }

    /** Per-product demand fits from {@code samples} simulated rows per product. */
    public static List<FittedDemand> fitDemand(MultiProductScenario s, int samples, long seed) {
        int n = s.products();
        int horizon = s.horizon();
        int copies = (samples + horizon - 1) / horizon;
        MultiProductBatch batch = new MultiProductBatch(s, copies);
        batch.reset(seed, 0);
        Rng choose = Rng.stream(seed, copies);
        int[] price = new int[copies * n];
        int[] order = new int[copies * n];
        double[] reward = new double[copies];
        double[][] ps = new double[n][samples];
        int[][] ds = new int[n][samples];
        int row = 0;
        while (!batch.done() && row < samples) {
            for (int x = 0; x < price.length; x++) {
                price[x] = choose.nextInt(s.priceCount());
            }
            batch.step(price, order, reward);
            for (int c = 0; c < copies && row < samples; c++, row++) {
                for (int i = 0; i < n; i++) {
                    ps[i][row] = s.price(price[c * n + i]);
                    ds[i][row] = batch.lastPrimaryDemand(c, i);
                }
            }
        }
        List<FittedDemand> fits = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            fits.add(FittedDemand.fit(java.util.Arrays.copyOf(ps[i], row), java.util.Arrays.copyOf(ds[i], row)));
        }
        return fits;
    }

    /** Fits BSLP, (s,S,p) and Myopic per product, in the order of {@link #KINDS}. */
    public static List<Fitted> fit(MultiProductScenario s, HeuristicSuite.Settings settings) {
        int n = s.products();
        List<FittedDemand> demands = fitDemand(s, settings.samples(), settings.seed());
        List<List<Heuristic>> starts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            PricingScenario p = product(s, i);
            MyopicPriceTable table = HeuristicSuite.table(p, demands.get(i));
            starts.add(HeuristicSuite.starts(p, demands.get(i), table));
        }
        List<Fitted> out = new ArrayList<>();
        for (int kind = 0; kind < KINDS.size(); kind++) {
            List<Heuristic> hs = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                hs.add(starts.get(i).get(kind));
            }
            ProductHeuristics policy = new ProductHeuristics(KINDS.get(kind), hs);
            double best = Double.NaN;
            for (int round = 0; round < settings.maxRounds(); round++) {
                boolean changed = false;
                for (int i = 0; i < n; i++) {
                    ProductHeuristics base = policy;
                    int product = i;
                    HeuristicOptimizer.Result r = HeuristicOptimizer.optimize(base.heuristics().get(i),
                            h -> MultiProductRollout.mean(s, base.with(product, h), settings.optimisationSeed(),
                                    settings.episodes()), 1);
                    if (!r.policy().parameters().equals(base.heuristics().get(i).parameters())) {
                        changed = true;
                    }
                    policy = base.with(i, r.policy());
                    best = r.objective();
                }
                if (!changed) {
                    break;
                }
            }
            out.add(new Fitted(policy, best, demands));
        }
        return out;
    }
}
