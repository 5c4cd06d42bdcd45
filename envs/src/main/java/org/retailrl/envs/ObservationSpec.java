package org.retailrl.envs;

import java.util.Arrays;
import java.util.List;

/**
 * A box observation space (Gymnasium's {@code Box}): component {@code k} is a float named
 * {@code names.get(k)} lying in {@code [low[k], high[k]]} (infinite bounds allowed). Units are
 * those of the quantity named (units of stock, currency per unit for prices). For the simulator of
 * docs/model.md §1 the layout is given by its observation section.
 */
public record ObservationSpec(List<String> names, float[] low, float[] high) {
    /** Checks one bound pair per name with {@code low <= high} and copies the arrays. */
    public ObservationSpec {
        if (names == null || low == null || high == null || names.size() != low.length
                || low.length != high.length) {
            throw new IllegalArgumentException("ObservationSpec: names, low and high must have equal lengths");
        }
        names = List.copyOf(names);
        low = low.clone();
        high = high.clone();
        for (int k = 0; k < low.length; k++) {
            if (!(low[k] <= high[k])) {
                throw new IllegalArgumentException("ObservationSpec: low[" + k + "] (" + names.get(k)
                        + ") must be <= high, got [" + low[k] + ", " + high[k] + "]");
            }
        }
    }

    /** A copy of the lower bounds. */
    @Override
    public float[] low() {
        return low.clone();
    }

    /** A copy of the upper bounds. */
    @Override
    public float[] high() {
        return high.clone();
    }

    /** Number of components. */
    public int dimension() {
        return low.length;
    }

    /** Index of the component called {@code name}. */
    public int indexOf(String name) {
        int k = names.indexOf(name);
        if (k < 0) {
            throw new IllegalArgumentException("observation has no component '" + name + "'; has " + names);
        }
        return k;
    }

    /** True when every component of {@code obs} lies within its bounds. */
    public boolean contains(float[] obs) {
        if (obs == null || obs.length != low.length) {
            return false;
        }
        for (int k = 0; k < low.length; k++) {
            if (!(obs[k] >= low[k] && obs[k] <= high[k])) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ObservationSpec s && names.equals(s.names) && Arrays.equals(low, s.low)
                && Arrays.equals(high, s.high);
    }

    @Override
    public int hashCode() {
        return (31 * names.hashCode() + Arrays.hashCode(low)) * 31 + Arrays.hashCode(high);
    }

    @Override
    public String toString() {
        return "ObservationSpec" + names;
    }
}
