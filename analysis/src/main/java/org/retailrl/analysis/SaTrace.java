package org.retailrl.analysis;

/**
 * The iterates of one run of the two-timescale stochastic approximation (docs/model.md §2, Zheng, Li, Jiang and Peng
 * Eq. 16), recorded every few steps: iteration index, price (money per unit) and stock level
 * (units). The last entry is the final iterate.
 */
public record SaTrace(long[] iteration, double[] price, double[] stock) {
    /** Number of recorded points. */
    public int size() {
        return iteration.length;
    }

    /** Final price. */
    public double finalPrice() {
        return price[price.length - 1];
    }

    /** Final stock level. */
    public double finalStock() {
        return stock[stock.length - 1];
    }
}
