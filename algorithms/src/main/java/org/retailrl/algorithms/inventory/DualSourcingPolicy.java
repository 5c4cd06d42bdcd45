package org.retailrl.algorithms.inventory;

/**
 * A stationary rule for the dual-sourcing problem of docs/model.md §7 on the reduced state of
 * {@link DualSourcingDp}: {@code x} (net inventory plus every order arriving within {@code l_e}
 * periods) and {@code r_1..r_{k−1}} (the regular orders arriving after that, oldest first,
 * {@code k = l_r − l_e}). Writes {@code {q_r, q_e}} into {@code out}.
 */
public interface DualSourcingPolicy {
    /** Short name. */
    String name();

    /** Parameters for reports. */
    String parameters();

    /** The orders for state {@code (x, r)}: {@code out[0] = q_r}, {@code out[1] = q_e}. */
    void order(int x, int[] r, int[] out);

    private static int sum(int[] r) {
        int s = 0;
        for (int v : r) {
            s += v;
        }
        return s;
    }

    /** Single index: one inventory position {@code IP = x + Σr}; {@code q_e = (S_e − IP)^+}, {@code q_r = (S_r − IP − q_e)^+}. */
    static DualSourcingPolicy singleIndex(int se, int sr) {
        return make("single index", "Se=" + se + " Sr=" + sr, (x, r, out) -> {
            int ip = x + sum(r);
            out[1] = Math.max(0, se - ip);
            out[0] = Math.max(0, sr - ip - out[1]);
        });
    }

    /**
     * Dual index (Veeraraghavan & Scheller-Wolf 2008): {@code q_e = (S_e − x)^+} on the expedited
     * position, {@code q_r = min((S_r − x − q_e − Σr)^+, cap)} on the full one; {@code cap = ∞} is the
     * plain dual index, a finite cap the capped dual index (Sun & Van Mieghem 2019).
     */
    static DualSourcingPolicy dualIndex(int se, int sr, int cap) {
        boolean capped = cap < Integer.MAX_VALUE;
        return make(capped ? "capped dual index" : "dual index",
                "Se=" + se + " Sr=" + sr + (capped ? " cap=" + cap : ""), (x, r, out) -> {
                    out[1] = Math.max(0, se - x);
                    out[0] = Math.min(cap, Math.max(0, sr - x - out[1] - sum(r)));
                });
    }

    /** Tailored base-surge (Allon & Van Mieghem 2010): {@code q_r = r} every period, {@code q_e = (S_e − x)^+}. */
    static DualSourcingPolicy tailoredBaseSurge(int base, int se) {
        return make("tailored base-surge", "r=" + base + " Se=" + se, (x, r, out) -> {
            out[0] = base;
            out[1] = Math.max(0, se - x);
        });
    }

    /** The rule's body. */
    @FunctionalInterface
    interface Rule {
        /** See {@link DualSourcingPolicy#order}. */
        void order(int x, int[] r, int[] out);
    }

    private static DualSourcingPolicy make(String name, String params, Rule rule) {
        return new DualSourcingPolicy() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String parameters() {
                return params;
            }

            @Override
            public void order(int x, int[] r, int[] out) {
                rule.order(x, r, out);
            }
        };
    }
}
