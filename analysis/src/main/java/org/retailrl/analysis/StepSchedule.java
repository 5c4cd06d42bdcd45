package org.retailrl.analysis;

/**
 * Step sizes of the two-timescale stochastic approximation of docs/model.md §2 (Zheng, Li, Jiang and Peng Eq. 16):
 * {@code a_n = priceScale / (n + offset)^{e_p}} for the price and
 * {@code b_n = stockScale / (n + offset)^{e_y}} for the stock, where the faster decision gets
 * exponent {@code fastExp} and the slower {@code slowExp}. With {@code 1/2 < fastExp < slowExp ≤ 1}
 * both series diverge, both squared series converge and the slow/fast ratio
 * {@code ∝ n^{fastExp − slowExp} → 0}: exactly the conditions of docs/model.md §2. Scales are in
 * price units per unit of gradient and stock units per unit of gradient.
 */
public record StepSchedule(TimescaleOrdering ordering, double priceScale, double stockScale, double fastExp,
        double slowExp, double offset) {

    /** Validates the conditions of docs/model.md §2; messages name the field and the allowed range. */
    public StepSchedule {
        if (ordering == null) {
            throw new IllegalArgumentException("ordering must be PRICE_FAST or STOCK_FAST, got null");
        }
        if (!(priceScale > 0) || !Double.isFinite(priceScale)) {
            throw new IllegalArgumentException("priceScale must be finite and > 0, got " + priceScale);
        }
        if (!(stockScale > 0) || !Double.isFinite(stockScale)) {
            throw new IllegalArgumentException("stockScale must be finite and > 0, got " + stockScale);
        }
        if (!(fastExp > 0.5 && fastExp < 1)) {
            throw new IllegalArgumentException("fastExp must be in (0.5, 1), got " + fastExp);
        }
        if (!(slowExp > fastExp && slowExp <= 1)) {
            throw new IllegalArgumentException("slowExp must be in (fastExp = " + fastExp + ", 1], got " + slowExp);
        }
        if (!(offset >= 1) || !Double.isFinite(offset)) {
            throw new IllegalArgumentException("offset must be finite and >= 1, got " + offset);
        }
    }

    /** Exponent of the price steps. */
    public double priceExp() {
        return ordering == TimescaleOrdering.PRICE_FAST ? fastExp : slowExp;
    }

    /** Exponent of the stock steps. */
    public double stockExp() {
        return ordering == TimescaleOrdering.PRICE_FAST ? slowExp : fastExp;
    }

    /** Price step {@code a_n}, {@code n ≥ 0}. */
    public double priceStep(long n) {
        return priceScale / Math.pow(n + offset, priceExp());
    }

    /** Stock step {@code b_n}, {@code n ≥ 0}. */
    public double stockStep(long n) {
        return stockScale / Math.pow(n + offset, stockExp());
    }

    /** The slower decision's step at {@code n} (the {@code b_n} of the paper's Thm. 3.18). */
    public double slowStep(long n) {
        return ordering == TimescaleOrdering.PRICE_FAST ? stockStep(n) : priceStep(n);
    }

    /** The faster decision's step at {@code n}. */
    public double fastStep(long n) {
        return ordering == TimescaleOrdering.PRICE_FAST ? priceStep(n) : stockStep(n);
    }
}
