package org.retailrl.algorithms.rl;

import java.util.List;
import org.retailrl.nn.Adam;
import org.retailrl.nn.Parameter;

/**
 * Copies of network parameters and optimiser moments for the trainers' checkpoints
 * (docs/model.md §8.12; the networks and Adam of §8.1 and §8.5), with the checks that make a restore
 * all-or-nothing: {@link #check} validates a snapshot against live parameters before anything is
 * written, {@link #copyInto} then cannot fail. Values are the raw float32 weights (dimensionless).
 */
public final class ParameterSnapshot {
    private ParameterSnapshot() {
    }

    /** The parameters' names, in order. */
    public static String[] names(List<Parameter> params) {
        String[] out = new String[params.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = params.get(i).name();
        }
        return out;
    }

    /** Deep copies of the parameters' values, in order. */
    public static float[][] values(List<Parameter> params) {
        float[][] out = new float[params.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = params.get(i).value().data().clone();
        }
        return out;
    }

    /**
     * Throws {@link IllegalArgumentException} unless {@code names}/{@code values} match
     * {@code params} one to one (same names, same sizes, finite values) and every optimiser state
     * in {@code adams} has moments of the same sizes over {@code slices} of the parameters.
     *
     * @param slices for optimiser {@code k}, the index range {@code [slices[k], slices[k+1])} of
     *               {@code params} it updates
     */
    public static void check(List<Parameter> params, String[] names, float[][] values, Adam.State[] adams, int[] slices) {
        if (names == null || values == null || names.length != params.size() || values.length != params.size()) {
            throw new IllegalArgumentException("parameters: the model has " + params.size() + ", the state holds "
                    + (values == null ? "none" : Integer.toString(values.length)));
        }
        for (int i = 0; i < params.size(); i++) {
            Parameter p = params.get(i);
            if (!p.name().equals(names[i])) {
                throw new IllegalArgumentException("parameter " + i + " is '" + names[i] + "' in the state, '" + p.name()
                        + "' in the model");
            }
            if (values[i] == null || values[i].length != p.size()) {
                throw new IllegalArgumentException("parameter '" + p.name() + "' has " + p.size() + " values, the state "
                        + (values[i] == null ? "none" : Integer.toString(values[i].length)));
            }
            for (float v : values[i]) {
                if (!Float.isFinite(v)) {
                    throw new IllegalArgumentException("parameter '" + p.name() + "' holds a non-finite value " + v);
                }
            }
        }
        if (adams == null || slices.length != adams.length + 1) {
            throw new IllegalArgumentException("optimiser states: need " + (slices.length - 1) + ", got "
                    + (adams == null ? "none" : Integer.toString(adams.length)));
        }
        for (int k = 0; k < adams.length; k++) {
            Adam.State s = adams[k];
            int n = slices[k + 1] - slices[k];
            if (s == null || s.step() < 0 || s.m().length != n || s.v().length != n) {
                throw new IllegalArgumentException("optimiser " + k + " must hold moments of " + n + " parameters and a step >= 0");
            }
            for (int j = 0; j < n; j++) {
                int size = params.get(slices[k] + j).size();
                if (s.m()[j] == null || s.v()[j] == null || s.m()[j].length != size || s.v()[j].length != size) {
                    throw new IllegalArgumentException("optimiser " + k + ": moments of parameter '"
                            + params.get(slices[k] + j).name() + "' must have " + size + " values");
                }
            }
        }
    }

    /** Copies {@code values} into {@code params} (after {@link #check}). */
    public static void copyInto(List<Parameter> params, float[][] values) {
        for (int i = 0; i < params.size(); i++) {
            System.arraycopy(values[i], 0, params.get(i).value().data(), 0, values[i].length);
        }
    }
}
