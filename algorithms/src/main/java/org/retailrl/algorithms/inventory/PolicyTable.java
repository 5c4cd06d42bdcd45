package org.retailrl.algorithms.inventory;

/**
 * A lost-sales policy (docs/model.md §7) stored as one order per state of a {@link PipelineSpace}:
 * the optimal policy of {@link LostSalesSolver} and the myopic look-ahead policies. States outside
 * the space (position above its bound) get order 0 — no policy computed on the space raises the
 * position above the bound, so those states are transient and drain by demand.
 */
public final class PolicyTable implements LostSalesPolicy {
    private final String name;
    private final PipelineSpace space;
    private final int[] orders;

    PolicyTable(String name, PipelineSpace space, int[] orders) {
        this.name = name;
        this.space = space;
        this.orders = orders.clone();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int order(int[] state) {
        int s = space.index(state);
        return s < 0 ? 0 : orders[s];
    }

    /** The space the table covers. */
    public PipelineSpace space() {
        return space;
    }

    @Override
    public String parameters() {
        return "B=" + space.bound();
    }
}
