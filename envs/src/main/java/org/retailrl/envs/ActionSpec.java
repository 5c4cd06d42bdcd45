package org.retailrl.envs;

import java.util.Arrays;
import java.util.List;

/**
 * A multi-discrete action space (Gymnasium's {@code MultiDiscrete}): component {@code k} is an
 * integer in {@code [0, sizes[k])} with the name {@code names.get(k)}. For the simulator of
 * docs/model.md §1 the components are the price-grid index and the order quantity in units.
 */
public record ActionSpec(List<String> names, int[] sizes) {
    /** Checks one positive size per name and copies the arrays so the spec stays immutable. */
    public ActionSpec {
        if (names == null || sizes == null || names.size() != sizes.length || sizes.length == 0) {
            throw new IllegalArgumentException("ActionSpec: names and sizes must be non-empty and of equal length");
        }
        names = List.copyOf(names);
        sizes = sizes.clone();
        for (int k = 0; k < sizes.length; k++) {
            if (sizes[k] < 1) {
                throw new IllegalArgumentException("ActionSpec: sizes[" + k + "] (" + names.get(k)
                        + ") must be >= 1, got " + sizes[k]);
            }
        }
    }

    /** A copy of the component sizes. */
    @Override
    public int[] sizes() {
        return sizes.clone();
    }

    /** Number of components. */
    public int dimension() {
        return sizes.length;
    }

    /** Size of component {@code k}. */
    public int size(int k) {
        return sizes[k];
    }

    /**
     * Checks {@code action} against this spec.
     *
     * @throws IllegalArgumentException naming the component and its allowed range
     */
    public void check(int[] action) {
        if (action == null || action.length != sizes.length) {
            throw new IllegalArgumentException("action must have " + sizes.length + " components " + names
                    + ", got " + (action == null ? "null" : action.length));
        }
        for (int k = 0; k < sizes.length; k++) {
            if (action[k] < 0 || action[k] >= sizes[k]) {
                throw new IllegalArgumentException("action " + names.get(k) + " must be in [0, " + (sizes[k] - 1)
                        + "], got " + action[k]);
            }
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ActionSpec s && names.equals(s.names) && Arrays.equals(sizes, s.sizes);
    }

    @Override
    public int hashCode() {
        return 31 * names.hashCode() + Arrays.hashCode(sizes);
    }

    @Override
    public String toString() {
        return "ActionSpec" + names + Arrays.toString(sizes);
    }
}
