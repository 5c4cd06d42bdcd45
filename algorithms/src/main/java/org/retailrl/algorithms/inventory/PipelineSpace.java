package org.retailrl.algorithms.inventory;

/**
 * The truncated state space of the lost-sales problem of docs/model.md §7: the pipeline vectors
 * {@code (y, x_1, …, x_{L−1})} — on hand after this period's arrival, then the orders in transit,
 * oldest first — whose inventory position {@code y + Σ x_k} is at most the bound {@code B}. It is
 * closed under any policy that never raises the position above {@code B}, because demand only
 * lowers it. With {@code L = 0} the state is the stock before ordering, {@code y ∈ 0..B}.
 *
 * <p>Layout: the states sharing a transit vector {@code (x_1..x_{L−1})} (its "tail") are one
 * contiguous slice indexed by {@code y ∈ 0..B − Σx}; slices are ordered by the tail's dense code
 * {@code Σ x_k (B+1)^{k−1}}. {@link #offset(int)} maps a dense tail code to its slice (−1 when
 * {@code Σx > B}). The size is {@code C(B + L, L)} states; the dense table has {@code (B+1)^{L−1}}
 * entries, which bounds {@code L} and {@code B} ({@link #MAX_CODES}).
 */
public final class PipelineSpace {
    /** Largest dense tail table accepted. */
    public static final long MAX_CODES = 50_000_000L;
    /** Largest state count accepted. */
    public static final long MAX_STATES = 200_000_000L;

    private final int lead;
    private final int bound;
    private final int tailLength;
    private final int radix;
    private final int[] offset;
    private final int[] tailSum;
    private final int size;

    /** The space for lead time {@code lead >= 0} and position bound {@code bound >= 0}. */
    public PipelineSpace(int lead, int bound) {
        if (lead < 0) {
            throw new IllegalArgumentException("lead time must be >= 0, got " + lead);
        }
        if (bound < 0 || bound > 100_000) {
            throw new IllegalArgumentException("state bound must be in [0, 100000], got " + bound);
        }
        this.lead = lead;
        this.bound = bound;
        this.tailLength = Math.max(lead - 1, 0);
        this.radix = bound + 1;
        double codes = Math.pow(radix, tailLength);
        if (codes > MAX_CODES) {
            throw new IllegalArgumentException("lead time " + lead + " with state bound " + bound + " needs "
                    + (long) codes + " tail codes (limit " + MAX_CODES + "); lower the bound or the lead time");
        }
        int n = (int) codes;
        offset = new int[n];
        tailSum = new int[n];
        long total = 0;
        int[] digits = new int[tailLength];
        for (int code = 0; code < n; code++) {
            int s = 0;
            for (int k = 0; k < tailLength; k++) {
                s += digits[k];
            }
            tailSum[code] = s;
            if (s <= bound) {
                offset[code] = (int) total;
                total += bound - s + 1;
                if (total > MAX_STATES) {
                    throw new IllegalArgumentException("lead time " + lead + " with state bound " + bound
                            + " has more than " + MAX_STATES + " states; lower the bound");
                }
            } else {
                offset[code] = -1;
            }
            for (int k = 0; k < tailLength; k++) {
                if (++digits[k] < radix) {
                    break;
                }
                digits[k] = 0;
            }
        }
        size = (int) total;
    }

    /** Number of states. */
    public int size() {
        return size;
    }

    /** The position bound {@code B}. */
    public int bound() {
        return bound;
    }

    /** Lead time {@code L}. */
    public int lead() {
        return lead;
    }

    /** Entries of a state vector: {@code max(L, 1)}. */
    public int dimension() {
        return Math.max(lead, 1);
    }

    /** Number of dense tail codes, {@code (B+1)^{L−1}}. */
    public int codes() {
        return offset.length;
    }

    /** Radix of the dense tail code, {@code B + 1}. */
    public int radix() {
        return radix;
    }

    /** First index of the slice of tail {@code code}, −1 when its sum exceeds {@code B}. */
    public int offset(int code) {
        return offset[code];
    }

    /** {@code Σ x_k} of tail {@code code}. */
    public int tailSum(int code) {
        return tailSum[code];
    }

    /** Dense code of the tail {@code state[1..L−1]}. */
    public int code(int[] state) {
        int c = 0;
        for (int k = tailLength; k >= 1; k--) {
            c = c * radix + state[k];
        }
        return c;
    }

    /** Index of {@code state} ({@code max(L,1)} entries), or −1 when its position exceeds {@code B} or an entry is negative. */
    public int index(int[] state) {
        int sum = 0;
        for (int k = 0; k < dimension(); k++) {
            if (state[k] < 0) {
                return -1;
            }
            sum += state[k];
        }
        if (sum > bound) {
            return -1;
        }
        return offset[code(state)] + state[0];
    }

    /** Calls {@code visitor} for every state in index order with a reused vector (do not keep it). */
    public void forEach(StateVisitor visitor) {
        int[] state = new int[dimension()];
        int[] digits = new int[tailLength];
        for (int code = 0; code < offset.length; code++) {
            if (offset[code] >= 0) {
                for (int k = 0; k < tailLength; k++) {
                    state[k + 1] = digits[k];
                }
                for (int y = 0; y <= bound - tailSum[code]; y++) {
                    state[0] = y;
                    visitor.visit(offset[code] + y, state);
                }
            }
            for (int k = 0; k < tailLength; k++) {
                if (++digits[k] < radix) {
                    break;
                }
                digits[k] = 0;
            }
        }
    }

    /** Receives one state of {@link #forEach(StateVisitor)}. */
    @FunctionalInterface
    public interface StateVisitor {
        /** {@code state} is the vector of state {@code index}; valid only during the call. */
        void visit(int index, int[] state);
    }

    @Override
    public String toString() {
        return "PipelineSpace[L=" + lead + ", B=" + bound + ", states=" + size + "]";
    }
}
