package org.retailrl.algorithms.inventory;

/**
 * A stationary ordering rule for the lost-sales problem of docs/model.md §7: the order (units) for
 * the state vector {@code (y, x_1, …, x_{L−1})} — on hand after this period's arrival, then the
 * orders in transit oldest first ({@code L = 0}: the stock before ordering) — the layout of
 * {@link org.retailrl.envs.inventory.LostSalesBatch}'s observation.
 */
public interface LostSalesPolicy {
    /** Short name for tables. */
    String name();

    /** The order for {@code state}, {@code >= 0}; must not modify {@code state}. */
    int order(int[] state);

    /** The parameters, for reports (e.g. {@code "S=23"}); empty when there are none. */
    default String parameters() {
        return "";
    }

    /** The inventory position {@code y + Σ x_k} of a state vector. */
    static int position(int[] state) {
        int s = 0;
        for (int x : state) {
            s += x;
        }
        return s;
    }

    /** Base-stock: order up to position {@code S}. */
    static LostSalesPolicy baseStock(String name, int level) {
        return new LostSalesPolicy() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public int order(int[] state) {
                return Math.max(0, level - position(state));
            }

            @Override
            public String parameters() {
                return "S=" + level;
            }
        };
    }

    /** Capped base-stock (Xin 2021): order {@code min((S − position)^+, r)}. */
    static LostSalesPolicy cappedBaseStock(int level, int cap) {
        return new LostSalesPolicy() {
            @Override
            public String name() {
                return "capped base-stock";
            }

            @Override
            public int order(int[] state) {
                return Math.min(cap, Math.max(0, level - position(state)));
            }

            @Override
            public String parameters() {
                return "S=" + level + " r=" + cap;
            }
        };
    }

    /** Constant order (Reiman 2004): {@code r} units every period. */
    static LostSalesPolicy constantOrder(int quantity) {
        return new LostSalesPolicy() {
            @Override
            public String name() {
                return "constant order";
            }

            @Override
            public int order(int[] state) {
                return quantity;
            }

            @Override
            public String parameters() {
                return "r=" + quantity;
            }
        };
    }
}
