package org.retailrl.algorithms.heuristics;

import java.util.LinkedHashMap;
import java.util.Map;
import org.retailrl.algorithms.pricing.PricingDecision;
import org.retailrl.algorithms.pricing.PricingView;

/**
 * The strong variants of Myopic, BSLP and (s,S,p) and the oracle Myopic (docs/model.md §8.10): the
 * paper's rules with everything the learned policies observe put to use.
 * <ul>
 *   <li><b>Price per state.</b> One-step lookahead ({@link OneStepPrice}) at the competitor's and
 *       the reference price of the period, under the full-feature fit ({@link FeatureDemand}) or,
 *       for the oracle, the simulator's true law, restricted to grid indices
 *       {@code minPriceIndex..hi} ({@code hi} the rule's cap). The floor lets the search stop the
 *       undercutting spiral a one-step price cannot see: the competitor answers a low price with a
 *       lower one next period.</li>
 *   <li><b>End of the horizon.</b> No order in the last {@code L} periods (it would arrive after the
 *       end); stock carried into a period after which no order can be placed is valued at
 *       {@code endValue · c} instead of the replacement cost {@code c}, and at 0 after the last
 *       period, so the price clears stock.</li>
 *   <li><b>Reorder band</b> when {@code K > 0}: order only when the position is below {@code s},
 *       up to {@code S} ((s,S,p) always has it).</li>
 * </ul>
 * The rules, with {@code IP} the inventory position, {@code A} the stock on sale and {@code p*(A)}
 * the one-step price:
 * <ul>
 *   <li>Myopic* / Oracle Myopic: position {@code round(α·A) + pipeline}; price {@code p*(A)}
 *       (after arrival of this period's order when {@code L = 0}).</li>
 *   <li>BSLP*: when ordering, the stock-free one-step price capped at the list price
 *       ({@link OneStepPrice#riskless}); otherwise {@code p*(A)} capped at the list price.</li>
 *   <li>(s,S,p)*: {@code p*(A)} capped at {@code maxPriceIndex}.</li>
 * </ul>
 * Parameters (searched by {@link HeuristicOptimizer}): {@code s} (band only), {@code S},
 * {@code alpha} (Myopic) or the cap index (BSLP, (s,S,p)), {@code minPriceIndex}, {@code endValue}.
 */
public final class StrongHeuristic implements Heuristic {
    /** Which rule of Zheng, Li, Jiang and Peng §3.8 this strengthens. */
    public enum Rule {
        /** Myopic of Bernstein, Li &amp; Shang (2016). */
        MYOPIC,
        /** Base-stock list price. */
        BSLP,
        /** (s,S,p) of Chen &amp; Simchi-Levi (2004). */
        SS
    }

    private static final double[] TENTHS = {0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1};
    private final String name;
    private final Rule rule;
    private final OneStepPrice price;
    private final boolean band;
    private final int reorder;
    private final int orderUpTo;
    private final double alpha;
    private final int cap;
    private final int floor;
    private final double endValue;
    private final int maxOrder;
    private final int maxLevel;
    private final double unitCost;

    private StrongHeuristic(String name, Rule rule, OneStepPrice price, boolean band, int reorder, int orderUpTo,
            double alpha, int cap, int floor, double endValue, int maxOrder, int maxLevel, double unitCost) {
        int np = price.priceCount();
        reorder = band ? reorder : orderUpTo;
        if (orderUpTo < 0 || orderUpTo > maxLevel) {
            throw new IllegalArgumentException("S must be in [0, " + maxLevel + "], got " + orderUpTo);
        }
        if (reorder < 0 || reorder > orderUpTo) {
            throw new IllegalArgumentException("s must be in [0, S=" + orderUpTo + "], got " + reorder);
        }
        if (!(alpha >= 0 && alpha <= 1)) {
            throw new IllegalArgumentException("alpha must be in [0, 1], got " + alpha);
        }
        if (cap < 0 || cap >= np) {
            throw new IllegalArgumentException(capName(rule) + " must be in [0, " + (np - 1) + "], got " + cap);
        }
        if (floor < 0 || floor > cap) {
            throw new IllegalArgumentException("minPriceIndex must be in [0, " + capName(rule) + "=" + cap + "], got "
                    + floor);
        }
        if (!(endValue >= 0 && endValue <= 1)) {
            throw new IllegalArgumentException("endValue must be in [0, 1], got " + endValue);
        }
        if (maxOrder < 0) {
            throw new IllegalArgumentException("maxOrder must be >= 0, got " + maxOrder);
        }
        if (!(unitCost >= 0) || !Double.isFinite(unitCost)) {
            throw new IllegalArgumentException("unitCost must be finite and >= 0, got " + unitCost);
        }
        this.name = name;
        this.rule = rule;
        this.price = price;
        this.band = band;
        this.reorder = reorder;
        this.orderUpTo = orderUpTo;
        this.alpha = alpha;
        this.cap = cap;
        this.floor = floor;
        this.endValue = endValue;
        this.maxOrder = maxOrder;
        this.maxLevel = maxLevel;
        this.unitCost = unitCost;
    }

    private static String capName(Rule rule) {
        return switch (rule) {
            case MYOPIC -> "highest price index";
            case BSLP -> "listPriceIndex";
            case SS -> "maxPriceIndex";
        };
    }

    /**
     * Myopic* ({@code oracle} false, fitted demand) or Oracle Myopic ({@code oracle} true, the
     * simulator's law in {@code price}); {@code band} adds the parameter {@code s}.
     */
    public static StrongHeuristic myopic(boolean oracle, OneStepPrice price, boolean band, int s, int S, double alpha,
            int floor, double endValue, int maxOrder, int maxLevel, double unitCost) {
        return new StrongHeuristic(oracle ? "Oracle Myopic" : "Myopic*", Rule.MYOPIC, price, band, s, S, alpha,
                price.priceCount() - 1, floor, endValue, maxOrder, maxLevel, unitCost);
    }

    /** BSLP* with list price index {@code listPrice}. */
    public static StrongHeuristic bslp(OneStepPrice price, boolean band, int s, int S, int listPrice, int floor,
            double endValue, int maxOrder, int maxLevel, double unitCost) {
        return new StrongHeuristic("BSLP*", Rule.BSLP, price, band, s, S, 1, listPrice, floor, endValue, maxOrder,
                maxLevel, unitCost);
    }

    /** (s,S,p)* with price cap index {@code maxPrice}; the band {@code s ≤ S} is always a parameter. */
    public static StrongHeuristic ss(OneStepPrice price, int s, int S, int maxPrice, int floor, double endValue,
            int maxOrder, int maxLevel, double unitCost) {
        return new StrongHeuristic("(s,S,p)*", Rule.SS, price, true, s, S, 1, maxPrice, floor, endValue, maxOrder,
                maxLevel, unitCost);
    }

    @Override
    public String name() {
        return name;
    }

    /** The rule this strengthens. */
    public Rule rule() {
        return rule;
    }

    @Override
    public void act(PricingView view, PricingDecision out) {
        int t = view.period();
        int horizon = view.horizon();
        int lead = view.leadTime();
        boolean open = horizon == 0 || t <= horizon - lead;
        int a = view.available();
        int position = rule == Rule.MYOPIC ? (int) Math.round(alpha * a) + view.pipelineTotal()
                : view.inventoryPosition();
        int q = open && position < reorder ? Heuristic.orderUpTo(orderUpTo, position, maxOrder) : 0;
        int onSale = lead == 0 ? a + q : a;
        double carried = carriedValue(t, horizon, lead);
        double o = view.competitorPrice();
        double r = view.referencePrice();
        int j = rule == Rule.BSLP && q > 0 ? price.riskless(o, r, carried, floor, cap)
                : price.best(onSale, o, r, carried, floor, cap);
        out.set(j, q);
    }

    /**
     * Value per unit carried out of period {@code t}: {@code c} while an order can still be placed
     * later (the unit saves a purchase), {@code endValue · c} once none can, 0 after the last period.
     */
    double carriedValue(int t, int horizon, int lead) {
        if (horizon == 0 || t + 1 <= horizon - lead) {
            return unitCost;
        }
        return t >= horizon ? 0 : endValue * unitCost;
    }

    @Override
    public Map<String, Double> parameters() {
        Map<String, Double> m = new LinkedHashMap<>();
        if (band) {
            m.put("s", (double) reorder);
        }
        m.put("S", (double) orderUpTo);
        switch (rule) {
            case MYOPIC -> m.put("alpha", alpha);
            case BSLP -> m.put("listPriceIndex", (double) cap);
            case SS -> m.put("maxPriceIndex", (double) cap);
        }
        m.put("minPriceIndex", (double) floor);
        m.put("endValue", endValue);
        return m;
    }

    @Override
    public double[] candidates(String parameter) {
        return switch (check(parameter)) {
            case "s" -> Heuristic.range(0, orderUpTo);
            case "S" -> Heuristic.range(band ? reorder : 0, maxLevel);
            case "alpha", "endValue" -> TENTHS.clone();
            case "listPriceIndex", "maxPriceIndex" -> Heuristic.range(floor, price.priceCount() - 1);
            case "minPriceIndex" -> Heuristic.range(0, cap);
            default -> throw new AssertionError(parameter);
        };
    }

    @Override
    public Heuristic with(String parameter, double value) {
        int v = (int) value;
        int s = reorder;
        int up = orderUpTo;
        double al = alpha;
        int c = cap;
        int f = floor;
        double e = endValue;
        switch (check(parameter)) {
            case "s" -> s = v;
            case "S" -> {
                up = v;
                if (!band) {
                    s = v;
                }
            }
            case "alpha" -> al = value;
            case "listPriceIndex", "maxPriceIndex" -> c = v;
            case "minPriceIndex" -> f = v;
            case "endValue" -> e = value;
            default -> throw new AssertionError(parameter);
        }
        return new StrongHeuristic(name, rule, price, band, s, up, al, c, f, e, maxOrder, maxLevel, unitCost);
    }

    private String check(String parameter) {
        if (parameter == null || !parameters().containsKey(parameter)) {
            throw new IllegalArgumentException("parameter must be one of " + parameters().keySet() + ", got "
                    + parameter);
        }
        return parameter;
    }
}
